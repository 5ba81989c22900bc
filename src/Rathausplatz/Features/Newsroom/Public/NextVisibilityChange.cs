using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom.Public;

/// <summary>
/// When the public pages of the current organisation next change by the clock alone, with no save to evict
/// them: an alert or service information starts or runs out, an event becomes past (<see cref="Post.OccursUntil"/>), an application deadline
/// passes, a post's unpublish time comes before its job ran. Cached pages live no longer than that
/// (see <see cref="Web.OutputCaching.CacheLifetime"/>). Publishing at a set time needs no entry here: the
/// job that does it saves, and the save evicts.
/// </summary>
public static class NextVisibilityChange
{
    public static async Task<DateTime?> FindAsync(HttpContext context, CancellationToken ct)
    {
        var db = context.RequestServices.GetRequiredService<AppDb>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // One row of minima over the organisation's published posts (the query filter scopes them).
        var next = await db.Set<Post>().AsNoTracking()
            .Where(p => p.Status == PostStatus.Published)
            .GroupBy(p => 1)
            .Select(g => new DateTime?[]
            {
                g.Min(p => p.PublishedAt > now ? p.PublishedAt : null),
                g.Min(p => p.UnpublishAt > now ? p.UnpublishAt : null),
                g.Min(p => p.ValidFrom > now ? p.ValidFrom : null),
                g.Min(p => p.ValidUntil > now ? p.ValidUntil : null),
                g.Min(p => p.EventStart > now ? p.EventStart : null),
                g.Min(p => p.EventEnd > now ? p.EventEnd : null),
                // When an event leaves the upcoming lists: the end of an all-day event's last day, a repeating event's last occurrence.
                g.Min(p => p.OccursUntil > now ? p.OccursUntil : null),
                g.Min(p => p.ApplicationDeadline > now ? p.ApplicationDeadline : null),
            })
            .SingleOrDefaultAsync(ct); // one group or none (First without an order would log a warning on every miss)
        return next?.Where(t => t is not null).Min();
    }
}
