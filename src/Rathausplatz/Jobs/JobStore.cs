using Rathausplatz.Data;

namespace Rathausplatz.Jobs;

/// <summary>The queue's state changes: claim, complete, fail. All of them check the lease.</summary>
public sealed class JobStore(AppDb db, TimeProvider time)
{
    /// <summary>
    /// Takes up to <paramref name="count"/> due jobs, alerts first, and leases them to <paramref name="owner"/>.
    /// One statement: on PostgreSQL rows locked by another claim are skipped; SQLite has one writer at a time.
    /// </summary>
    public async Task<List<Job>> ClaimAsync(string owner, int count, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE jobs SET lease_owner = {0}, lease_expires_at = {1}, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM jobs
                WHERE state = 0 AND run_at <= {2} AND (lease_expires_at IS NULL OR lease_expires_at < {2})
                ORDER BY priority, run_at
                LIMIT {3} {{skipLocked}})
            RETURNING *
            """;
        var claimed = await db.Set<Job>().FromSqlRaw(sql, owner, now + lease, now, count).AsNoTracking().ToListAsync(ct);
        return claimed.OrderBy(j => j.Priority).ThenBy(j => j.RunAt).ToList();
    }

    /// <summary>Extends the lease while a long job runs; false when the lease was lost.</summary>
    public async Task<bool> RenewAsync(Guid jobId, string owner, TimeSpan lease, CancellationToken ct)
    {
        var until = time.GetUtcNow().UtcDateTime + lease;
        return await db.Set<Job>().Where(j => j.Id == jobId && j.LeaseOwner == owner && j.State == JobState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, until), ct) == 1;
    }

    public async Task CompleteAsync(Guid jobId, string owner, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Set<Job>().Where(j => j.Id == jobId && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Succeeded)
                .SetProperty(j => j.CompletedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.LastError, (string?)null), ct);
    }

    /// <summary>Schedules a retry with exponential backoff and jitter, or parks the job as dead.</summary>
    public async Task FailAsync(Job job, string owner, string error, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dead = job.Attempts >= job.MaxAttempts;
        var retryAt = now + Backoff(job.Attempts);
        var message = error.Length > 4000 ? error[..4000] : error;
        await db.Set<Job>().Where(j => j.Id == job.Id && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, dead ? JobState.Dead : JobState.Pending)
                .SetProperty(j => j.RunAt, dead ? job.RunAt : retryAt)
                .SetProperty(j => j.CompletedAt, dead ? now : (DateTime?)null)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.LastError, message), ct);
    }

    /// <summary>An admin gives a dead job another round of attempts.</summary>
    public async Task<bool> RetryDeadAsync(Guid jobId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Set<Job>().Where(j => j.Id == jobId && j.State == JobState.Dead)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Pending)
                .SetProperty(j => j.Attempts, 0)
                .SetProperty(j => j.RunAt, now)
                .SetProperty(j => j.CompletedAt, (DateTime?)null), ct) == 1;
    }

    /// <summary>2^attempt seconds (capped at an hour), plus up to 25 % jitter so retries spread out.</summary>
    internal static TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(3600, Math.Pow(2, Math.Max(1, attempts)));
        return TimeSpan.FromSeconds(seconds * (1 + Random.Shared.NextDouble() * 0.25));
    }
}
