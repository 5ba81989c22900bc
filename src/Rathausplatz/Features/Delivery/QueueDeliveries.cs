using System.Text.Json;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Delivery;

/// <summary>
/// The fan-out: when a post goes live, one delivery row per matching confirmed subscription and
/// channel. Set-based (INSERT … SELECT … ON CONFLICT DO NOTHING) in keyset pages of subscription
/// ids, so 100,000 rows take a few statements, a retry after a crash only adds what is missing, and
/// no page holds its locks long. Then it starts the send job.
/// </summary>
/// <remarks>
/// Matching: the post's type is among the subscription's types; a post with topics reaches
/// subscriptions with "all topics" or one of them, a post without topics reaches everyone of its
/// type (it is about the whole town); districts likewise. Immediate subscribers get every post,
/// digest subscribers only alerts (alerts are always immediate).
/// </remarks>
public sealed class QueueDeliveries(AppDb db, TenantContext tenant, TimeProvider time, JobQueue jobs, IOptions<DeliveryOptions> options) : IJobHandler
{
    public const string JobKind = "delivery-fan-out";

    public sealed record Payload(Guid PostId);

    /// <summary>
    /// Adds the fan-out job to the caller's unit of work, so it is stored with the publication or not
    /// at all. One per publication (the key holds its time); republishing fans out again, but the
    /// delivery key means only subscribers who have not had the post yet get it.
    /// </summary>
    public static void Schedule(AppDb db, Post post, DateTime at)
    {
        if (post.Type == PostType.Page)
            return;
        db.Add(new Job
        {
            Kind = JobKind,
            Payload = JsonSerializer.Serialize(new Payload(post.Id)),
            OrganizationId = post.OrganizationId,
            IdempotencyKey = $"{JobKind}:{post.Id:N}:{at.Ticks}",
            Priority = post.Type == PostType.Alert ? JobPriority.Alert : JobPriority.Normal,
            RunAt = at,
            CreatedAt = at,
        });
        // Wake this node's worker now instead of at its next poll (the job is visible once the caller commits).
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()
            ?.ApplicationServiceProvider?.GetService<JobSignal>()?.Wake();
    }

    public async Task RunAsync(Job job, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.Payload) ?? throw new PermanentJobFailure("Empty payload.");
        var post = await db.Set<Post>().AsNoTracking().Include(p => p.Topics).Include(p => p.Districts)
            .SingleOrDefaultAsync(p => p.Id == payload.PostId, ct);
        // Pulled back before its turn came: nobody gets it.
        if (post is not { Status: PostStatus.Published } || post.Type == PostType.Page)
            return;
        var queued = await FanOutAsync(post, ct);
        if (queued > 0 || await db.Set<Delivery>().AnyAsync(d => d.PostId == post.Id && d.State < DeliveryState.Sent, ct))
            await SendDeliveries.StartAsync(jobs, post.Id, DeliveryChannel.Email, post.Type == PostType.Alert, $"{job.Id:N}", ct);
        // Web push: its own subscriptions table, the same rule (Push/PushFanOut).
        var pushed = await new Push.PushFanOut(db, tenant, time, options).FanOutAsync(post, ct);
        if (pushed > 0 || await db.Set<Delivery>().AnyAsync(d => d.PostId == post.Id && d.Channel == DeliveryChannel.Push && d.State < DeliveryState.Sent, ct))
            await SendDeliveries.StartAsync(jobs, post.Id, DeliveryChannel.Push, post.Type == PostType.Alert, $"{job.Id:N}", ct);
    }

    /// <summary>Inserts the missing delivery rows; returns how many it added.</summary>
    public async Task<int> FanOutAsync(Post post, CancellationToken ct)
    {
        var organization = tenant.OrganizationId ?? throw new InvalidOperationException("The fan-out works for one organisation.");
        var match = Match(post, organization);
        // Pages are cut over the index (organization_id, state, id) alone, so finding a page's end reads
        // no table rows; the insert applies the full match within the page.
        var confirmed = $"s.organization_id = {Sql.Id(db, organization)} AND s.state = {(int)SubscriptionState.Confirmed}";
        var now = time.GetUtcNow().UtcDateTime;
        var batch = Math.Max(1, options.Value.FanOutBatch);
        var added = 0;
        string? after = null;
        while (true)
        {
            // Only ids, numbers and constants are inlined (see Sql); the time is a parameter.
            var from = after is null ? "" : $" AND s.id > {after}";
            // The last id of this page: keyset paging, each statement touches at most one page.
            var pageEnd = $"SELECT s.id AS \"Value\" FROM subscriptions s WHERE {confirmed}{from} ORDER BY s.id LIMIT 1 OFFSET {batch - 1}";
            var upper = await db.Database.SqlQueryRaw<Guid>(pageEnd).ToListAsync(ct);
            var to = upper is [var last] ? $" AND s.id <= {Sql.Id(db, last)}" : "";
            var insert = $"""
                INSERT INTO deliveries (post_id, subscription_id, channel, organization_id, state, attempts, next_attempt_at, created_at)
                SELECT {Sql.Id(db, post.Id)}, s.id, {(int)DeliveryChannel.Email}, s.organization_id, {(int)DeliveryState.Queued}, 0, {"{0}"}, {"{0}"}
                FROM subscriptions s
                WHERE {match}{from}{to}
                ON CONFLICT DO NOTHING
                """;
            added += await db.Database.ExecuteSqlRawAsync(insert, [now], ct);
            if (upper.Count == 0)
                return added;
            after = Sql.Id(db, upper[0]);
        }
    }

    private string Match(Post post, Guid organization)
    {
        var where = new List<string>
        {
            $"s.organization_id = {Sql.Id(db, organization)}",
            $"s.state = {(int)SubscriptionState.Confirmed}",
            $"(s.types & {SubscribableTypes.Bit(post.Type)}) <> 0",
        };
        if (post.Type != PostType.Alert)
            where.Add($"s.frequency = {(int)DeliveryFrequency.Immediately}");
        if (post.Topics.Count > 0)
            where.Add($"(s.all_topics OR EXISTS (SELECT 1 FROM subscription_topics t WHERE t.subscription_id = s.id AND t.topic_id IN ({Sql.Ids(db, post.Topics.Select(t => t.Id))})))");
        if (post.Districts.Count > 0)
            where.Add($"(s.all_districts OR EXISTS (SELECT 1 FROM subscription_districts d WHERE d.subscription_id = s.id AND d.district_id IN ({Sql.Ids(db, post.Districts.Select(d => d.Id))})))");
        return string.Join(" AND ", where);
    }
}
