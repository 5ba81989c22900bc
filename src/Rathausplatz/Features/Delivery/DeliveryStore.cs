using Microsoft.EntityFrameworkCore.Storage;
using Rathausplatz.Data;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Delivery;

/// <summary>The state changes of delivery rows. Every change after the claim checks the lease, so a worker that lost it changes nothing.</summary>
public sealed class DeliveryStore(AppDb db, TimeProvider time)
{
    /// <summary>
    /// Leases up to <paramref name="count"/> deliveries of the post: first those whose worker died
    /// (lease expired while claimed or sending), then due queued ones in retry-time order.
    /// </summary>
    public async Task<List<Delivery>> ClaimAsync(Guid postId, DeliveryChannel channel, string owner, int count, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stale = $"state = {(int)DeliveryState.Claimed} AND lease_expires_at < {{1}}";
        var due = $"state = {(int)DeliveryState.Queued} AND next_attempt_at <= {{1}} ORDER BY next_attempt_at";
        var claimed = await ClaimWhereAsync(stale, postId, channel, owner, count, now, lease, ct);
        if (claimed.Count < count)
            claimed.AddRange(await ClaimWhereAsync(due, postId, channel, owner, count - claimed.Count, now, lease, ct));
        return claimed;
    }

    private Task<List<Delivery>> ClaimWhereAsync(string condition, Guid postId, DeliveryChannel channel, string owner, int count, DateTime now, TimeSpan lease, CancellationToken ct)
    {
        var post = Sql.Id(db, postId);
        var sql = $"""
            UPDATE deliveries SET state = {(int)DeliveryState.Claimed}, lease_owner = {"{0}"}, lease_expires_at = {"{2}"}, attempts = attempts + 1
            WHERE post_id = {post} AND channel = {(int)channel} AND subscription_id IN (
                SELECT subscription_id FROM deliveries
                WHERE post_id = {post} AND channel = {(int)channel} AND {condition}
                LIMIT {count} {Sql.SkipLocked(db)})
            RETURNING *
            """;
        return db.Set<Delivery>().FromSqlRaw(sql, owner, now, now + lease).IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
    }

    private IQueryable<Delivery> Mine(Delivery d, string owner) =>
        db.Set<Delivery>().IgnoreQueryFilters().Where(x => x.PostId == d.PostId && x.SubscriptionId == d.SubscriptionId && x.Channel == d.Channel && x.LeaseOwner == owner);

    /// <summary>
    /// Commits "sent" while this worker still holds the claim; false when the lease was lost (another
    /// worker may have the row: then the message must not go out). The lease owner stays, so a refusal
    /// the server gives after this point can still be written by the same worker.
    /// </summary>
    /// <remarks>
    /// Hand-written like the claim: it runs once per message, and EF's translation of the same
    /// ExecuteUpdate (parameter extraction and the query cache lookup) cost more than the statement.
    /// </remarks>
    public async Task<bool> MarkSentAsync(Delivery d, string owner, CancellationToken ct)
    {
        var sql = $"""
            UPDATE deliveries SET state = {(int)DeliveryState.Sent}, sent_at = {"{0}"}, last_error = NULL
            WHERE post_id = {Sql.Id(db, d.PostId)} AND subscription_id = {Sql.Id(db, d.SubscriptionId)} AND channel = {(int)d.Channel}
              AND lease_owner = {"{1}"} AND state = {(int)DeliveryState.Claimed}
            """;
        return await db.Database.ExecuteSqlRawAsync(sql, [time.GetUtcNow().UtcDateTime, owner], ct) == 1;
    }

    /// <summary>
    /// <see cref="MarkSentAsync"/> inside a transaction it leaves open for the caller to commit at the
    /// channel's point of no return (<see cref="SendCommit"/>); null, rolled back, when the lease was lost.
    /// </summary>
    public async Task<IDbContextTransaction?> PrepareSentAsync(Delivery d, string owner, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await MarkSentAsync(d, owner, ct))
            return transaction;
        await transaction.DisposeAsync();
        return null;
    }

    /// <summary>Back to the queue with backoff and jitter, or failed for good after <paramref name="maxAttempts"/>.</summary>
    public async Task RetryLaterAsync(Delivery d, string owner, string error, int maxAttempts, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var final = d.Attempts >= maxAttempts;
        var at = now + JobStore.Backoff(d.Attempts);
        await Mine(d, owner).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, final ? DeliveryState.Failed : DeliveryState.Queued)
            .SetProperty(x => x.NextAttemptAt, at)
            .SetProperty(x => x.LeaseOwner, (string?)null)
            .SetProperty(x => x.LeaseExpiresAt, (DateTime?)null)
            .SetProperty(x => x.LastError, Trim(error)), ct);
    }

    public async Task FinishAsync(Delivery d, string owner, DeliveryState state, string? error, CancellationToken ct) =>
        await Mine(d, owner).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, state)
            .SetProperty(x => x.LeaseOwner, (string?)null)
            .SetProperty(x => x.LeaseExpiresAt, (DateTime?)null)
            .SetProperty(x => x.LastError, error == null ? null : Trim(error)), ct);

    /// <summary>When this post's channel next has something to do: a retry time, or a lease running out; null when all are final.</summary>
    public async Task<DateTime?> NextWorkAsync(Guid postId, DeliveryChannel channel, CancellationToken ct)
    {
        var open = db.Set<Delivery>().Where(d => d.PostId == postId && d.Channel == channel);
        var retry = await open.Where(d => d.State == DeliveryState.Queued).MinAsync(d => (DateTime?)d.NextAttemptAt, ct);
        var lease = await open.Where(d => d.State == DeliveryState.Claimed).MinAsync(d => d.LeaseExpiresAt, ct);
        return retry is null ? lease : lease is null ? retry : retry < lease ? retry : lease;
    }

    private static string Trim(string error) => error.Length > 500 ? error[..500] : error;
}
