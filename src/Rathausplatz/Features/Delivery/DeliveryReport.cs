using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Newsroom;

namespace Rathausplatz.Features.Delivery;

/// <summary>What the editor sees on a post: whom it will reach before publishing, how delivery goes after.</summary>
public sealed class DeliveryReport(AppDb db)
{
    public sealed record Reach(int Email, IReadOnlyList<(string District, int Email)> PerDistrict);

    public sealed record Progress(int Queued, int Sent, int Failed, int Skipped, IReadOnlyList<LogLine> Log);

    /// <summary>One delivery for the log. Addresses are masked: staff need to see that a mail went out, not to whom in full.</summary>
    public sealed record LogLine(string Recipient, DeliveryState State, DateTime? SentAt, int Attempts, string? Error);

    /// <summary>Confirmed e-mail subscriptions the post would reach if published now (the fan-out's rule, in LINQ).</summary>
    public async Task<Reach> ReachAsync(Post post, CancellationToken ct)
    {
        if (post.Type == PostType.Page)
            return new(0, []);
        var bit = SubscribableTypes.Bit(post.Type);
        var topics = post.Topics.Select(t => t.Id).ToList();
        var matching = db.Set<Subscription>().Where(s => s.State == SubscriptionState.Confirmed && (s.Types & bit) != 0);
        if (post.Type != PostType.Alert)
            matching = matching.Where(s => s.Frequency == DeliveryFrequency.Immediately);
        if (topics.Count > 0)
            matching = matching.Where(s => s.AllTopics || s.Topics.Any(t => topics.Contains(t.TopicId)));
        var perDistrict = new List<(string, int)>();
        foreach (var district in post.Districts.OrderBy(d => d.Name))
            perDistrict.Add((district.Name, await matching.CountAsync(s => s.AllDistricts || s.Districts.Any(d => d.DistrictId == district.Id), ct)));
        var districts = post.Districts.Select(d => d.Id).ToList();
        if (districts.Count > 0)
            matching = matching.Where(s => s.AllDistricts || s.Districts.Any(d => districts.Contains(d.DistrictId)));
        return new(await matching.CountAsync(ct), perDistrict);
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
