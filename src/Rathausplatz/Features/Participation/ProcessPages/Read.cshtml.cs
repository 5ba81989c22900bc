using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Participation.ProcessPages;

/// <summary>An information or results page of a process, for everyone once published (editors see drafts).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class ReadModel(AppDb db, MarkdownRenderer markdown) : PageModel
{
    public ParticipationProcess Process { get; private set; } = null!;
    public ProcessPage Stored { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        var editor = User.RunsProcesses();
        var process = await db.Set<ParticipationProcess>().AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);
        var page = process is null ? null : await db.Set<ProcessPage>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.ProcessId == process.Id, ct);
        if (process is null || page is null || (!(process.Published && page.Published) && !editor))
            return NotFound();
        (Process, Stored, BodyHtml) = (process, page, markdown.ToSafeHtml(page.Body));
        return Page();
    }
}
