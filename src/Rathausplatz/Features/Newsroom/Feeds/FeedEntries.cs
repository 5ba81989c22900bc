using Rathausplatz.Features.Newsroom.Public;

namespace Rathausplatz.Features.Newsroom.Feeds;

/// <summary>A post as feeds and calendars need it: texts in the feed's language where there is a version, else German.</summary>
public sealed record FeedEntry(Guid Id, PostType Type, string Slug, string Title, string Summary, string Language,
    DateTime PublishedAt, DateTime UpdatedAt, DateTime? EventStart, DateTime? EventEnd, bool EventAllDay,
    string? PlaceName, double? Latitude, double? Longitude, string? Recurrence = null, string? RecurrenceExceptions = null);

/// <summary>Reads the entries of feeds and calendars from what the public may see (published, own organisation).</summary>
public sealed class FeedEntries(PublicPosts posts)
{
    public const int FeedSize = 50;
    /// <summary>Enough for a year of a busy town's events; a calendar client downloads the whole file each time.</summary>
    public const int CalendarSize = 500;

    public DateTime Now => posts.Now;

    public Task<List<FeedEntry>> NewestAsync(FeedFilter filter, CancellationToken ct) =>
        Project(filter.Apply(posts.Visible().Where(p => p.Type != PostType.Page)).OrderByDescending(p => p.PublishedAt).Take(FeedSize), filter.Language)
            .ToListAsync(ct);

    /// <summary>Events not yet over: all-day events stay in for the whole of their last day.</summary>
    public Task<List<FeedEntry>> UpcomingEventsAsync(FeedFilter filter, CancellationToken ct)
    {
        // A repeating event is one VEVENT with its RRULE: calendar apps expand it themselves.
        return Project(filter.Apply(posts.UpcomingEvents()).Take(CalendarSize), filter.Language).ToListAsync(ct);
    }

    public Task<FeedEntry?> EventAsync(string slug, string language, CancellationToken ct) =>
        Project(posts.Visible().Where(p => p.Type == PostType.Event && p.EventStart != null && p.Slug == slug), language).FirstOrDefaultAsync(ct);

    private static IQueryable<FeedEntry> Project(IQueryable<Post> query, string language) =>
        query.Select(p => new FeedEntry(p.Id, p.Type, p.Slug,
            p.Contents.Where(c => c.Language == language).Select(c => c.Title).FirstOrDefault() ?? p.Contents.Where(c => c.Language == PostLanguages.German).Select(c => c.Title).First(),
            p.Contents.Where(c => c.Language == language).Select(c => c.Summary).FirstOrDefault() ?? p.Contents.Where(c => c.Language == PostLanguages.German).Select(c => c.Summary).First(),
            p.Contents.Any(c => c.Language == language) ? language : PostLanguages.German,
            p.PublishedAt!.Value, p.UpdatedAt, p.EventStart, p.EventEnd, p.EventAllDay, p.PlaceName, p.Latitude, p.Longitude,
            p.Recurrence, p.RecurrenceExceptions));
}
