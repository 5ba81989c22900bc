using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Delivery;

public static class DeliveryLetters
{
    /// <summary>
    /// The posts as mails tell them, by id; only those still published (the rest are skipped). One
    /// organisation: the tenant's, whose query filter finds the posts.
    /// </summary>
    public static async Task<Dictionary<Guid, DeliveryLetter>> LoadAsync(AppDb db, IReadOnlyCollection<Guid> postIds, CancellationToken ct)
    {
        var posts = await db.Set<Post>().AsNoTracking().Where(p => postIds.Contains(p.Id) && p.Status == PostStatus.Published).ToListAsync(ct);
        if (posts.Count == 0)
            return [];
        var sender = await MailSender.OfAsync(db, posts[0].OrganizationId, ct);
        return posts.ToDictionary(p => p.Id, post => new DeliveryLetter(post.Id, post.Type, post.Severity, sender.OrganizationName,
            sender.BaseUrl, post.Slug, post.Contents.ToDictionary(c => c.Language, c => (c.Title, c.Summary))));
    }
}
