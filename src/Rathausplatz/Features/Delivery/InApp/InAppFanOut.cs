using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Newsroom;

namespace Rathausplatz.Features.Delivery.InApp;

/// <summary>
/// In-app rows of the fan-out. Showing a notification in the list *is* its delivery, so the rows are
/// written as <see cref="DeliveryState.Sent"/> at once and no send job runs for this channel. The same
/// match as for e-mail (types, topics, districts), without frequency: the list is no mailbox to flood.
/// </summary>
public sealed class InAppFanOut(AppDb db, TenantContext tenant, TimeProvider time) : IFanOutChannel
{
    public async Task<int> FanOutAsync(Post post, CancellationToken ct)
    {
        var organization = tenant.OrganizationId ?? throw new InvalidOperationException("The fan-out works for one organisation.");
        var where = new List<string>
        {
            $"s.organization_id = {Sql.Id(db, organization)}",
            $"(s.types & {SubscribableTypes.Bit(post.Type)}) <> 0",
        };
        if (post.Topics.Count > 0)
            where.Add($"(s.all_topics OR EXISTS (SELECT 1 FROM in_app_subscription_topics t WHERE t.subscription_id = s.id AND t.topic_id IN ({Sql.Ids(db, post.Topics.Select(t => t.Id))})))");
        if (post.Districts.Count > 0)
            where.Add($"(s.all_districts OR EXISTS (SELECT 1 FROM in_app_subscription_districts d WHERE d.subscription_id = s.id AND d.district_id IN ({Sql.Ids(db, post.Districts.Select(d => d.Id))})))");
        // One statement: in-app subscribers are account holders, far fewer than mail subscribers.
        var insert = $"""
            INSERT INTO deliveries (post_id, subscription_id, channel, organization_id, state, attempts, next_attempt_at, sent_at, created_at)
            SELECT {Sql.Id(db, post.Id)}, s.id, {(int)DeliveryChannel.InApp}, s.organization_id, {(int)DeliveryState.Sent}, 1, {"{0}"}, {"{0}"}, {"{0}"}
            FROM in_app_subscriptions s
            WHERE {string.Join(" AND ", where)}
            ON CONFLICT DO NOTHING
            """;
        return await db.Database.ExecuteSqlRawAsync(insert, [time.GetUtcNow().UtcDateTime], ct);
    }
}
