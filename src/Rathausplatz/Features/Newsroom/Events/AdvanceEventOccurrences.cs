using Rathausplatz.Data;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Newsroom.Events;

/// <summary>
/// Moves the stored next occurrence of repeating events on once it is over, so lists of upcoming events
/// show the coming date. Runs as a job at the moment the next occurrence is over (queued on save and by
/// itself); idempotent: it reads the clock and the rules, not the job, so late or repeated runs are harmless.
/// </summary>
public sealed class AdvanceEventOccurrences(AppDb db, TimeProvider time, JobQueue jobs)
{
    public const string JobKind = "advance-event-occurrences";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // A candidate's next occurrence ended (or, all-day, its day began) before now; the rule decides the rest.
        var due = await db.Set<Post>()
            .Where(p => p.Type == PostType.Event && p.Recurrence != null && (p.OccursUntil == null || p.OccursUntil > now)
                && (p.NextOccurrenceEnd ?? p.NextOccurrenceStart) <= now)
            .ToListAsync(ct);
        var moved = 0;
        foreach (var post in due)
        {
            var before = post.NextOccurrenceStart;
            EventRecurrence.Recompute(post, now);
            if (post.NextOccurrenceStart != before)
                moved++;
            await QueueAsync(db, jobs, post, ct);
        }
        await db.SaveChangesAsync(ct);
        return moved;
    }

    /// <summary>Queues the run that moves <paramref name="post"/> on after its next occurrence (once per post and time).</summary>
    internal static async Task QueueAsync(AppDb db, JobQueue jobs, Post post, CancellationToken ct)
    {
        if (post.Recurrence is null || post.NextOccurrenceStart is not { } start)
            return;
        var over = new Occurrence(start, post.NextOccurrenceEnd, post.EventAllDay).Over;
        if (post.OccursUntil is { } until && over >= until)
            return;
        var key = $"{JobKind}:{post.Id:N}:{over.Ticks}";
        if (await db.Set<Job>().AnyAsync(j => j.IdempotencyKey == key, ct) || db.ChangeTracker.Entries<Job>().Any(e => e.Entity.IdempotencyKey == key))
            return;
        jobs.Add(JobKind, new { post.Id }, key, JobPriority.Normal, over);
    }
}

/// <summary>Runs <see cref="AdvanceEventOccurrences"/> for the job's organisation.</summary>
public sealed class AdvanceEventOccurrencesHandler(AdvanceEventOccurrences advance) : IJobHandler
{
    public async Task RunAsync(Job job, CancellationToken ct) => await advance.RunAsync(ct);
}
