using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Stream;

/// <summary>Who of the space's members has confirmed a must-read post, and who not; for its author and the space's leadership.</summary>
[Authorize(Policy = IntranetSetup.Policy)]
public sealed class ReadReportModel(SpaceAccess access, StreamQuery stream, MustRead mustRead) : PageModel
{
    public StreamQuery.PostView Post { get; private set; } = null!;
    public MustRead.Report Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid postId, CancellationToken ct)
    {
        if (await access.FindAsync(User, id, ct) is not { } space)
            return NotFound();
        if (!space.CanRead)
            return Forbid();
        if (await stream.FindAsync(id, postId, ct) is not { } post || await mustRead.ReportAsync(id, postId, ct) is not { } report)
            return NotFound();
        if (!MustRead.CanSeeReport(space, post.AuthorId))
            return Forbid();
        (Post, Report) = (post, report);
        return Page();
    }
}
