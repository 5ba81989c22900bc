using System.Text.Json;
using Rathausplatz.Data;

namespace Rathausplatz.Jobs;

/// <summary>Puts work into the jobs table and wakes this node's worker.</summary>
public sealed class JobQueue(AppDb db, TimeProvider time, TenantContext tenant, JobSignal signal)
{
    /// <summary>
    /// Adds the job to the caller's unit of work: it is stored by the caller's SaveChanges, in the
    /// same transaction as the change it belongs to, or not at all.
    /// </summary>
    public Job Add<TPayload>(string kind, TPayload payload, string? idempotencyKey = null,
        int priority = JobPriority.Normal, DateTime? runAt = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var job = new Job
        {
            Kind = kind,
            Payload = JsonSerializer.Serialize(payload),
            OrganizationId = tenant.OrganizationId,
            IdempotencyKey = idempotencyKey,
            Priority = priority,
            RunAt = runAt ?? now,
            CreatedAt = now,
        };
        db.Set<Job>().Add(job);
        signal.Wake();
        return job;
    }

    /// <summary>Stores one job now. A job with the same idempotency key already stored is kept instead.</summary>
    public async Task EnqueueAsync<TPayload>(string kind, TPayload payload, string? idempotencyKey = null,
        int priority = JobPriority.Normal, DateTime? runAt = null, CancellationToken ct = default)
    {
        if (idempotencyKey is not null && await db.Set<Job>().AnyAsync(j => j.IdempotencyKey == idempotencyKey, ct))
            return;
        var job = Add(kind, payload, idempotencyKey, priority, runAt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // Another node stored the same key between our check and our insert: that one counts.
            db.Entry(job).State = EntityState.Detached;
        }
    }
}

/// <summary>Lets an enqueue on this node start the worker at once instead of at its next poll.</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}
