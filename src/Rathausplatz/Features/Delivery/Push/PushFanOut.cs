using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Newsroom;

namespace Rathausplatz.Features.Delivery.Push;

/// <summary>
/// The push part of the fan-out (<see cref="QueueDeliveries"/>): the same rule and the same
/// set-based, keyset-paged INSERT … SELECT … ON CONFLICT DO NOTHING, from push_subscriptions. Push is
/// always immediate, so the frequency does not filter; every stored push subscription is active.
/// </summary>
public sealed class PushFanOut(AppDb db, TenantContext tenant, TimeProvider time, IOptions<DeliveryOptions> options)
{
    public async Task<int> FanOutAsync(Post post, CancellationToken ct)
    {
        var organization = tenant.OrganizationId ?? throw new InvalidOperationException("The fan-out works for one organisation.");
        var mine = $"s.organization_id = {Sql.Id(db, organization)}";
        var match = Match(post, mine);
        var now = time.GetUtcNow().UtcDateTime;
        var batch = Math.Max(1, options.Value.FanOutBatch);
        var added = 0;
        Guid? after = null;
        while (true)
        {
            var upper = await Sql.PageEndAsync(db, "push_subscriptions", mine, after, batch, ct);
            var from = after is { } first ? $" AND s.id > {Sql.Id(db, first)}" : "";
            var to = upper is { } last ? $" AND s.id <= {Sql.Id(db, last)}" : "";
            var insert = $"""
                INSERT INTO deliveries (post_id, subscription_id, channel, organization_id, state, attempts, next_attempt_at, created_at)
                SELECT {Sql.Id(db, post.Id)}, s.id, {(int)DeliveryChannel.Push}, s.organization_id, {(int)DeliveryState.Queued}, 0, {"{0}"}, {"{0}"}
                FROM push_subscriptions s
                WHERE {match}{from}{to}
                ON CONFLICT DO NOTHING
                """;
            added += await db.Database.ExecuteSqlRawAsync(insert, [now], ct);
            if (upper is null)
                return added;
            after = upper;
        }
    }

    private string Match(Post post, string organization)
    {
        var where = new List<string> { organization, $"(s.types & {SubscribableTypes.Bit(post.Type)}) <> 0" };
        if (post.Topics.Count > 0)
            where.Add($"(s.all_topics OR EXISTS (SELECT 1 FROM push_subscription_topics t WHERE t.subscription_id = s.id AND t.topic_id IN ({Sql.Ids(db, post.Topics.Select(t => t.Id))})))");
        if (post.Districts.Count > 0)
            where.Add($"(s.all_districts OR EXISTS (SELECT 1 FROM push_subscription_districts d WHERE d.subscription_id = s.id AND d.district_id IN ({Sql.Ids(db, post.Districts.Select(d => d.Id))})))");
        return string.Join(" AND ", where);
    }
}
