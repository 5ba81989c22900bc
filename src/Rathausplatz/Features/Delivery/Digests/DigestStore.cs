using Microsoft.EntityFrameworkCore.Storage;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Delivery.Digests;

/// <summary>The digest channel's claim and commit: whole subscriptions at a time, all their due posts in one go.</summary>
public sealed class DigestStore(AppDb db, TimeProvider time)
{
    private static string Due => $"((state = {(int)DeliveryState.Queued} AND next_attempt_at <= {{1}}) OR (state = {(int)DeliveryState.Claimed} AND lease_expires_at < {{1}}))";

    /// <summary>
    /// Leases every due digest row (queued and due, or left by a worker whose lease ran out) of up to
    /// <paramref name="subscriptions"/> subscriptions of the organisation. The inner SELECT picks
    /// subscriptions; the outer UPDATE takes all of their due rows, so a subscriber's digest is never split.
    /// </summary>
    public Task<List<Delivery>> ClaimAsync(Guid organizationId, string owner, int subscriptions, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var mine = $"organization_id = {Sql.Id(db, organizationId)} AND channel = {(int)DeliveryChannel.EmailDigest}";
        var sql = $"""
            UPDATE deliveries SET state = {(int)DeliveryState.Claimed}, lease_owner = {"{0}"}, lease_expires_at = {"{2}"}, attempts = attempts + 1
            WHERE {mine} AND {Due} AND subscription_id IN (
                SELECT subscription_id FROM deliveries
                WHERE {mine} AND {Due}
                ORDER BY subscription_id
                LIMIT {subscriptions} {Sql.SkipLocked(db)})
            RETURNING *
            """;
        return db.Set<Delivery>().FromSqlRaw(sql, owner, now, now + lease).IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
    }

    /// <summary>
    /// Marks all rows of one digest "sent", or none, in a transaction left open for the caller to commit
    /// at the mail's point of no return (<see cref="SendCommit"/>); null, rolled back, when any of them
    /// is no longer this worker's (lease lost), and then the mail must not go out.
    /// </summary>
    public async Task<IDbContextTransaction?> PrepareSentAsync(IReadOnlyList<Delivery> rows, string owner, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var subscription = rows[0].SubscriptionId;
        var posts = rows.Select(r => r.PostId).ToList();
        var transaction = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.Set<Delivery>().IgnoreQueryFilters()
            .Where(d => d.SubscriptionId == subscription && d.Channel == DeliveryChannel.EmailDigest && posts.Contains(d.PostId)
                && d.LeaseOwner == owner && d.State == DeliveryState.Claimed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.State, DeliveryState.Sent)
                .SetProperty(x => x.SentAt, now)
                .SetProperty(x => x.LastError, (string?)null), ct);
        if (marked == rows.Count)
            return transaction;
        await transaction.DisposeAsync(); // rolls the partial update back
        return null;
    }

    /// <summary>As <see cref="PrepareSentAsync"/>, committed at once (a server that took the mail without a commit point).</summary>
    public async Task<bool> MarkSentAsync(IReadOnlyList<Delivery> rows, string owner, CancellationToken ct)
    {
        await using var transaction = await PrepareSentAsync(rows, owner, ct);
        if (transaction is null)
            return false;
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// When this organisation's digests next need a run besides the scheduled ones: a retry or a lease
    /// running out. Rows waiting for their first digest moment have a job of their own.
    /// </summary>
    public async Task<DateTime?> NextWorkAsync(Guid organizationId, CancellationToken ct)
    {
        var open = db.Set<Delivery>().IgnoreQueryFilters().Where(d => d.OrganizationId == organizationId && d.Channel == DeliveryChannel.EmailDigest);
        var retry = await open.Where(d => d.State == DeliveryState.Queued && d.Attempts > 0).MinAsync(d => (DateTime?)d.NextAttemptAt, ct);
        var lease = await open.Where(d => d.State == DeliveryState.Claimed).MinAsync(d => d.LeaseExpiresAt, ct);
        return retry is null ? lease : lease is null ? retry : retry < lease ? retry : lease;
    }

    /// <summary>Whether due rows are left (the time slice ended before them).</summary>
    public Task<bool> AnyDueAsync(Guid organizationId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Set<Delivery>().IgnoreQueryFilters().AnyAsync(d => d.OrganizationId == organizationId && d.Channel == DeliveryChannel.EmailDigest
            && d.State == DeliveryState.Queued && d.NextAttemptAt <= now, ct);
    }
}
