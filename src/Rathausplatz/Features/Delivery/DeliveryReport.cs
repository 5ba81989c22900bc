using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Newsroom;

namespace Rathausplatz.Features.Delivery;

/// <summary>What the editor sees on a post: whom it will reach before publishing, how delivery goes after.</summary>
public sealed class DeliveryReport(AppDb db)
{
    /// <summary>Whom the post reaches, per channel (e-mail: immediately and in digests; web push; in-app), in all and per district of the post.</summary>
    public sealed record Reach(Counts Total, IReadOnlyList<(string District, Counts Counts)> PerDistrict)
    {
        public int Email => Total.Email;
    }

    public sealed record Counts(int Email, int Push, int InApp);

    public sealed record Progress(StateCounts Counts, IReadOnlyList<LogLine> Log);

    /// <summary>Deliveries by state; queued includes rows a sender has claimed and is sending now.</summary>
    public sealed record ChannelCounts(int Queued, int Sent, int Failed, int Skipped);

    /// <summary>A post's deliveries by state, in all and per channel (only channels with rows, in the enum's order).</summary>
    public sealed record StateCounts(ChannelCounts Total, IReadOnlyList<(DeliveryChannel Channel, ChannelCounts Counts)> Channels)
    {
        /// <summary>
        /// Senders still have work: a row of a channel that sends at once is waiting. Digest rows wait for
        /// their digest moment, often hours away, so they alone do not keep the editor's view refreshing.
        /// </summary>
        public bool Running => Channels.Any(c => c.Channel != DeliveryChannel.EmailDigest && c.Counts.Queued > 0);
    }

    /// <summary>One delivery for the log. Addresses are masked: staff need to see that a mail went out, not to whom in full.</summary>
    public sealed record LogLine(string Recipient, DeliveryState State, DateTime? SentAt, int Attempts, string? Error);

    /// <summary>
    /// Subscriptions the post would reach if published now, by the fan-out's rule (in LINQ): confirmed
    /// e-mail subscriptions of every frequency (digest subscribers get it in their next digest), web
    /// push subscriptions and in-app subscriptions.
    /// </summary>
    public async Task<Reach> ReachAsync(Post post, CancellationToken ct)
    {
        if (post.Type == PostType.Page)
            return new(new(0, 0, 0), []);
        var bit = SubscribableTypes.Bit(post.Type);
        var topics = post.Topics.Select(t => t.Id).ToList();
        var email = db.Set<Subscription>().Where(s => s.State == SubscriptionState.Confirmed && (s.Types & bit) != 0);
        var push = db.Set<Push.PushSubscription>().Where(s => (s.Types & bit) != 0);
        var inApp = db.Set<InApp.InAppSubscription>().Where(s => (s.Types & bit) != 0);
        if (topics.Count > 0)
        {
            email = email.Where(s => s.AllTopics || s.Topics.Any(t => topics.Contains(t.TopicId)));
            push = push.Where(s => s.AllTopics || s.Topics.Any(t => topics.Contains(t.TopicId)));
            inApp = inApp.Where(s => s.AllTopics || s.Topics.Any(t => topics.Contains(t.TopicId)));
        }
        async Task<Counts> CountAsync(List<Guid> districts)
        {
            if (districts.Count == 0)
                return new(await email.CountAsync(ct), await push.CountAsync(ct), await inApp.CountAsync(ct));
            return new(
                await email.CountAsync(s => s.AllDistricts || s.Districts.Any(d => districts.Contains(d.DistrictId)), ct),
                await push.CountAsync(s => s.AllDistricts || s.Districts.Any(d => districts.Contains(d.DistrictId)), ct),
                await inApp.CountAsync(s => s.AllDistricts || s.Districts.Any(d => districts.Contains(d.DistrictId)), ct));
        }
        var perDistrict = new List<(string, Counts)>();
        foreach (var district in post.Districts.OrderBy(d => d.Name))
            perDistrict.Add((district.Name, await CountAsync([district.Id])));
        return new(await CountAsync(post.Districts.Select(d => d.Id).ToList()), perDistrict);
    }

    /// <summary>The post's deliveries by channel and state; null before the fan-out wrote any.</summary>
    public async Task<StateCounts?> CountsAsync(Guid postId, CancellationToken ct)
    {
        var rows = await db.Set<Delivery>().Where(d => d.PostId == postId)
            .GroupBy(d => new { d.Channel, d.State }).Select(g => new { g.Key.Channel, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        if (rows.Count == 0)
            return null;
        ChannelCounts Sum(IEnumerable<(DeliveryState State, int Count)> of)
        {
            var list = of.ToList();
            int Count(params DeliveryState[] states) => list.Where(c => states.Contains(c.State)).Sum(c => c.Count);
            return new(Count(DeliveryState.Queued, DeliveryState.Claimed), Count(DeliveryState.Sent), Count(DeliveryState.Failed), Count(DeliveryState.Skipped));
        }
        return new(Sum(rows.Select(r => (r.State, r.Count))),
            rows.GroupBy(r => r.Channel).OrderBy(g => g.Key).Select(g => (g.Key, Sum(g.Select(r => (r.State, r.Count))))).ToList());
    }

    public async Task<Progress?> ProgressAsync(Guid postId, CancellationToken ct)
    {
        if (await CountsAsync(postId, ct) is not { } counts)
            return null;
        var log = await db.Set<Delivery>().Where(d => d.PostId == postId)
            .OrderByDescending(d => d.State == DeliveryState.Failed).ThenByDescending(d => d.SentAt).Take(50)
            .Select(d => new
            {
                d.State,
                d.SentAt,
                d.Attempts,
                d.LastError,
                Email = db.Set<Subscription>().Where(s => s.Id == d.SubscriptionId).Select(s => s.Email).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return new(counts, log.Select(l => new LogLine(l.Email is null ? "–" : EmailAddresses.Mask(l.Email), l.State, l.SentAt, l.Attempts, l.LastError)).ToList());
    }
}

/// <summary>The post page's delivery section: reach while the post is not live, progress once it was sent.</summary>
public sealed record DeliveryPanel(Guid PostId, DeliveryReport.Reach? Reach, DeliveryReport.Progress? Progress)
{
    public static async Task<DeliveryPanel> LoadAsync(DeliveryReport report, Post post, CancellationToken ct)
    {
        var progress = await report.ProgressAsync(post.Id, ct);
        var reach = post.Status == PostStatus.Published && progress is not null ? null : await report.ReachAsync(post, ct);
        return new(post.Id, reach, progress);
    }
}
