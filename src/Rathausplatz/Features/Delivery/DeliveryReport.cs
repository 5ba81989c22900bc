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

    public sealed record Progress(int Queued, int Sent, int Failed, int Skipped, IReadOnlyList<LogLine> Log);

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

    public async Task<Progress?> ProgressAsync(Guid postId, CancellationToken ct)
    {
        var counts = await db.Set<Delivery>().Where(d => d.PostId == postId)
            .GroupBy(d => d.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (counts.Count == 0)
            return null;
        int Count(params DeliveryState[] states) => counts.Where(c => states.Contains(c.State)).Sum(c => c.Count);
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
        return new(
            Count(DeliveryState.Queued, DeliveryState.Claimed),
            Count(DeliveryState.Sent),
            Count(DeliveryState.Failed),
            Count(DeliveryState.Skipped),
            log.Select(l => new LogLine(l.Email is null ? "–" : EmailAddresses.Mask(l.Email), l.State, l.SentAt, l.Attempts, l.LastError)).ToList());
    }
}

/// <summary>The post page's delivery section: reach while the post is not live, progress once it was sent.</summary>
public sealed record DeliveryPanel(DeliveryReport.Reach? Reach, DeliveryReport.Progress? Progress)
{
    public static async Task<DeliveryPanel> LoadAsync(DeliveryReport report, Post post, CancellationToken ct)
    {
        var progress = await report.ProgressAsync(post.Id, ct);
        var reach = post.Status == PostStatus.Published && progress is not null ? null : await report.ReachAsync(post, ct);
        return new(reach, progress);
    }
}
