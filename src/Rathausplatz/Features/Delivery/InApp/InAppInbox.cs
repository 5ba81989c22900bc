using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Delivery.InApp;

/// <summary>
/// One person's in-app notifications: their subscription, the list, unread count and read marks. Two kinds
/// show together: deliveries of posts and notices (<see cref="InAppNotice"/>, about what the person took part in).
/// Every query starts from the caller's own subscription or their own notices (found by their user id, within
/// the tenant), so nobody can see or mark another person's notifications, whatever ids they send.
/// </summary>
public sealed class InAppInbox(AppDb db, TimeProvider time)
{
    /// <summary>A post delivery (<paramref name="Type"/> set) or a notice (null); <paramref name="Id"/> is the post's or the notice's.</summary>
    public sealed record Notification(Guid Id, PostType? Type, string Title, DateTime At, bool Read);

    public Task<InAppSubscription?> FindAsync(Guid userId, CancellationToken ct) =>
        db.Set<InAppSubscription>().Include(s => s.Topics).Include(s => s.Districts).SingleOrDefaultAsync(s => s.UserId == userId, ct);

    /// <summary>The person's in-app deliveries of posts that are still published.</summary>
    private IQueryable<Delivery> Mine(Guid userId) =>
        from d in db.Set<Delivery>()
        join s in db.Set<InAppSubscription>() on d.SubscriptionId equals s.Id
        join p in db.Set<Post>() on d.PostId equals p.Id
        where s.UserId == userId && d.Channel == DeliveryChannel.InApp && p.Status == PostStatus.Published
        select d;

    private IQueryable<Delivery> Unread(Guid userId) =>
        Mine(userId).Where(d => !db.Set<InAppRead>().Any(r => r.SubscriptionId == d.SubscriptionId && r.PostId == d.PostId));

    private IQueryable<InAppNotice> Notices(Guid userId) => db.Set<InAppNotice>().Where(n => n.UserId == userId);

    public async Task<int> UnreadCountAsync(Guid userId, CancellationToken ct) =>
        await Unread(userId).CountAsync(ct) + await Notices(userId).CountAsync(n => n.ReadAt == null, ct);

    /// <summary>Newest first; titles in <paramref name="language"/> where the post has it.</summary>
    public async Task<List<Notification>> ListAsync(Guid userId, string language, int take, CancellationToken ct)
    {
        var rows = await Mine(userId).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.PostId).Take(take)
            .Select(d => new
            {
                d.PostId,
                d.CreatedAt,
                Read = db.Set<InAppRead>().Any(r => r.SubscriptionId == d.SubscriptionId && r.PostId == d.PostId),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.PostId).ToList();
        var posts = await db.Set<Post>().AsNoTracking().Include(p => p.Contents).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var deliveries = rows.Select(r =>
        {
            var post = posts[r.PostId];
            var content = post.Contents.FirstOrDefault(c => c.Language == language) ?? post.German;
            return new Notification(post.Id, post.Type, content.Title, r.CreatedAt, r.Read);
        });
        var notices = await Notices(userId).OrderByDescending(n => n.At).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new Notification(n.Id, null, n.Title, n.At, n.ReadAt != null)).ToListAsync(ct);
        // Each list is the newest of its kind; merged, the newest of both.
        return deliveries.Concat(notices).OrderByDescending(n => n.At).ThenByDescending(n => n.Id).Take(take).ToList();
    }

    /// <summary>Marks one notification read; returns where it leads, or null when the person has no such notification.</summary>
    public async Task<string?> MarkReadAsync(Guid userId, Guid id, CancellationToken ct)
    {
        var notice = await Notices(userId).Where(n => n.Id == id).Select(n => new { n.Link, n.ReadAt }).SingleOrDefaultAsync(ct);
        if (notice is not null)
        {
            if (notice.ReadAt is null)
                await Notices(userId).Where(n => n.Id == id && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, time.GetUtcNow().UtcDateTime), ct);
            return notice.Link;
        }
        var postId = id;
        var found = await Mine(userId).Where(d => d.PostId == postId)
            .Select(d => new { d.SubscriptionId, Slug = db.Set<Post>().Where(p => p.Id == d.PostId).Select(p => p.Slug).First() })
            .SingleOrDefaultAsync(ct);
        if (found is null)
            return null;
        if (!await db.Set<InAppRead>().AnyAsync(r => r.SubscriptionId == found.SubscriptionId && r.PostId == postId, ct))
        {
            db.Add(new InAppRead { SubscriptionId = found.SubscriptionId, PostId = postId, ReadAt = time.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Marked at the same moment in another tab: read is read.
            }
        }
        return $"/aktuelles/{Uri.EscapeDataString(found.Slug)}";
    }

    public async Task<int> MarkAllReadAsync(Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var notices = await Notices(userId).Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        var unread = await Unread(userId).Select(d => new { d.SubscriptionId, d.PostId }).ToListAsync(ct);
        db.AddRange(unread.Select(u => new InAppRead { SubscriptionId = u.SubscriptionId, PostId = u.PostId, ReadAt = now }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A read mark written meanwhile by another request; the others are in the next try.
            db.ChangeTracker.Clear();
        }
        return notices + unread.Count;
    }

    /// <summary>Creates or changes the person's in-app subscription (topics and districts of this organisation only).</summary>
    public async Task SaveAsync(Guid userId, IReadOnlyCollection<Guid> topicIds, IReadOnlyCollection<Guid> districtIds, IReadOnlyCollection<PostType> types, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var subscription = await FindAsync(userId, ct);
        if (subscription is null)
        {
            subscription = new InAppSubscription { UserId = userId, CreatedAt = now };
            db.Add(subscription);
        }
        var topics = topicIds.Count == 0 ? [] : await db.Set<Topic>().Where(t => topicIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        var districts = districtIds.Count == 0 ? [] : await db.Set<District>().Where(d => districtIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        subscription.AllTopics = topics.Count == 0;
        subscription.AllDistricts = districts.Count == 0;
        subscription.Topics.RemoveAll(t => !topics.Contains(t.TopicId));
        subscription.Topics.AddRange(topics.Where(id => subscription.Topics.All(t => t.TopicId != id)).Select(id => new InAppSubscriptionTopic { TopicId = id }));
        subscription.Districts.RemoveAll(d => !districts.Contains(d.DistrictId));
        subscription.Districts.AddRange(districts.Where(id => subscription.Districts.All(d => d.DistrictId != id)).Select(id => new InAppSubscriptionDistrict { DistrictId = id }));
        subscription.Types = SubscribableTypes.Of(types);
        subscription.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends the in-app subscription; its notifications go with it (the list shows only a subscription's rows).</summary>
    public async Task<bool> EndAsync(Guid userId, CancellationToken ct) =>
        await db.Set<InAppSubscription>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct) > 0;
}
