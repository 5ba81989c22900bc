using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>
/// What the document pages share: the space as the caller sees it. A space the caller may not see answers 404;
/// one they may see but not read (staff outside an open or on-request space) 403, as the stream does.
/// </summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
public abstract class DocumentPageModel(SpaceAccess access) : PageModel
{
    public SpaceAccess.View Space { get; private set; } = null!;

    public string SpacePath => $"/intranet/raeume/{Space.Space.Id}";
    public string DocumentsPath => $"{SpacePath}/dokumente";

    protected async Task<IActionResult?> ReadableAsync(Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(User, id, ct) is not { } space)
            return NotFound();
        if (!space.CanRead)
            return Forbid();
        Space = space;
        return null;
    }

    protected async Task<IActionResult?> WritableAsync(Guid id, CancellationToken ct) =>
        await ReadableAsync(id, ct) ?? (Space.CanContribute ? null : Forbid());
}
