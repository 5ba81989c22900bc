using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Participation.Debates;

/// <summary>The debates of a process, newest first, open or closed, with their comment counts.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(AppDb db, TimeProvider time) : PageModel
{
    public ParticipationProcess Process { get; private set; } = null!;
    public ProcessSchedule Schedule { get; private set; } = null!;
    public List<DebateList.Item> Debates { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (process is null || !process.DebatesEnabled || (!process.Published && !User.RunsProcesses()))
            return NotFound();
        (Process, Schedule, Now) = (process, new ProcessSchedule(process.Phases), time.GetUtcNow().UtcDateTime);
        Debates = await DebateList.LoadAsync(db, process.Id, ct);
        return Page();
    }
}
