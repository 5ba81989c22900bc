using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Operations;

/// <summary>
/// The job queue of the whole installation for platform admins: how much work waits, runs and died,
/// and a retry for dead jobs. Jobs carry no tenant filter; every organisation's jobs are shown.
/// Payloads are never shown: they can hold personal data (addresses, names, texts).
/// </summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class JobsModel(AppDb db, JobStore store, JobSignal signal, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int DeadShown = 50;

    public sealed record KindCounts(string Kind, int Pending, int Running, int Succeeded, int Dead);
    public sealed record DeadJob(Guid Id, string Kind, string? Organization, int Attempts, int MaxAttempts, string? LastError, DateTime CreatedAt, DateTime? DiedAt);

    public List<KindCounts> Counts { get; private set; } = [];
    public List<DeadJob> Dead { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var jobs = db.Set<Job>().AsNoTracking();
        var groups = await jobs.GroupBy(j => new { j.Kind, j.State })
            .Select(g => new { g.Key.Kind, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        // Running = pending with a live lease: a worker holds it right now.
        var running = await jobs.Where(j => j.State == JobState.Pending && j.LeaseExpiresAt > now)
            .GroupBy(j => j.Kind).Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, ct);
        Counts = groups.GroupBy(g => g.Kind).OrderBy(g => g.Key)
            .Select(g => new KindCounts(g.Key,
                g.Where(x => x.State == JobState.Pending).Sum(x => x.Count),
                running.GetValueOrDefault(g.Key),
                g.Where(x => x.State == JobState.Succeeded).Sum(x => x.Count),
                g.Where(x => x.State == JobState.Dead).Sum(x => x.Count)))
            .ToList();

        var dead = await jobs.Where(j => j.State == JobState.Dead)
            .OrderByDescending(j => j.CompletedAt).ThenByDescending(j => j.Id).Take(DeadShown)
            .Select(j => new { j.Id, j.Kind, j.OrganizationId, j.Attempts, j.MaxAttempts, j.LastError, j.CreatedAt, j.CompletedAt })
            .ToListAsync(ct);
        var organizationIds = dead.Where(j => j.OrganizationId is not null).Select(j => j.OrganizationId!.Value).Distinct().ToList();
        var names = await db.Set<Organization>().Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Dead = dead.Select(j => new DeadJob(j.Id, j.Kind, j.OrganizationId is { } id ? names.GetValueOrDefault(id) : null,
            j.Attempts, j.MaxAttempts, j.LastError, j.CreatedAt, j.CompletedAt)).ToList();
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        if (await store.RetryDeadAsync(id, ct))
        {
            signal.Wake(); // start it now rather than at the worker's next poll
            this.Flash(text["Der Auftrag wird erneut ausgeführt."]);
        }
        else
        {
            // Retried by someone else already, or the id is wrong: either way nothing is left to do.
            this.Flash(text["Dieser Auftrag ist nicht (mehr) gescheitert; es gab nichts zu tun."]);
        }
        return RedirectToPage();
    }
}
