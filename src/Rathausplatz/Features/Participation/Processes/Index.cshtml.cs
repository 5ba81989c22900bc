using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Data;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Participation.Processes;

/// <summary>/beteiligung: the published processes, running ones first, then upcoming, then finished.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(AppDb db, TimeProvider time) : PageModel
{
    public sealed record Entry(ParticipationProcess Process, ProcessSchedule Schedule);

    public DateTime Now { get; private set; }
    public List<(ProcessState State, List<Entry> Entries)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow().UtcDateTime;
        var processes = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).Where(p => p.Published)
            .ToListAsync(ct);
        var entries = processes.Select(p => new Entry(p, new ProcessSchedule(p.Phases))).ToList();
        // Running: ending soonest first. Upcoming: starting soonest first. Finished: most recent first.
        Groups =
        [
            (ProcessState.Current, entries.Where(e => e.Schedule.StateAt(Now) == ProcessState.Current).OrderBy(e => e.Schedule.Phases.Max(p => p.EndsAt)).ToList()),
            (ProcessState.Upcoming, entries.Where(e => e.Schedule.StateAt(Now) == ProcessState.Upcoming)
                .OrderBy(e => e.Schedule.Phases.Count == 0 ? DateTime.MaxValue : e.Schedule.Phases[0].StartsAt).ThenBy(e => e.Process.Title).ToList()),
            (ProcessState.Finished, entries.Where(e => e.Schedule.StateAt(Now) == ProcessState.Finished).OrderByDescending(e => e.Schedule.Phases.Max(p => p.EndsAt)).ToList()),
        ];
    }
}
