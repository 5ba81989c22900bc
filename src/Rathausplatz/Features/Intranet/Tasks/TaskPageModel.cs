using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Tasks;

/// <summary>
/// What the task pages share: the space as the caller sees it. A space the caller may not see, or one that is
/// no project, answers 404; a project they may see but not read (staff outside an on-request space) 403.
/// </summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
public abstract class TaskPageModel(SpaceAccess access) : PageModel
{
    public SpaceAccess.View Space { get; private set; } = null!;

    public string SpacePath => $"/intranet/raeume/{Space.Space.Id}";
    public string TasksPath => $"{SpacePath}/aufgaben";

    /// <summary>Null when the caller may read the space's tasks; otherwise the answer.</summary>
    protected async Task<IActionResult?> ReadableAsync(Guid id, CancellationToken ct)
    {
        if (await access.FindAsync(User, id, ct) is not { } space || !SaveTask.Offered(space))
            return NotFound();
        if (!space.CanRead)
            return Forbid();
        Space = space;
        return null;
    }

    /// <summary>As <see cref="ReadableAsync"/>, and the caller must be a member (guests are).</summary>
    protected async Task<IActionResult?> WritableAsync(Guid id, CancellationToken ct) =>
        await ReadableAsync(id, ct) ?? (Space.CanContribute ? null : Forbid());
}
