using System.Globalization;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom.Public;

/// <summary>A post as lists show it: in the reader's language where there is a version, else German.</summary>
public sealed record PostCard(PostType Type, string Slug, string Title, string Summary, string Language, DateTime? PublishedAt,
    DateTime? EventStart, DateTime? EventEnd, bool EventAllDay, string? PlaceName, DateTime? ValidFrom, DateTime? ValidUntil,
    AlertSeverity? Severity, DateTime? ApplicationDeadline, bool Recurring = false);

/// <summary>
/// What the public may see: published, not yet pulled back, of this organisation (the query filter).
/// Scheduled, draft and unpublished posts do not exist for the public.
/// </summary>
public sealed class PublicPosts(AppDb db, TimeProvider time)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public IQueryable<Post> Visible()
    {
        var now = Now;
        return db.Set<Post>().AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.PublishedAt <= now && (p.UnpublishAt == null || p.UnpublishAt > now));
    }

    /// <summary>
    /// Events not yet over (all-day ones through their last day; repeating ones until their last
    /// occurrence), soonest next occurrence first: plain columns, kept current on save and by a job.
    /// </summary>
    public IQueryable<Post> UpcomingEvents() => EventsNotOver().OrderBy(p => p.NextOccurrenceStart);

    /// <summary>The events of <see cref="UpcomingEvents"/> unordered, for lists that page by their own key (the API).</summary>
    public IQueryable<Post> EventsNotOver()
    {
        var now = Now;
        return Visible().Where(p => p.Type == PostType.Event && p.EventStart != null && (p.OccursUntil == null || p.OccursUntil > now));
    }

    /// <summary>Alerts whose validity includes now, most severe first (the banner, the offline list, the CAP feed).</summary>
    public IQueryable<Post> ActiveAlerts()
    {
        var now = Now;
        return Visible().Where(p => p.Type == PostType.Alert && (p.ValidFrom == null || p.ValidFrom <= now) && (p.ValidUntil == null || p.ValidUntil > now))
            .OrderByDescending(p => p.Severity).ThenByDescending(p => p.PublishedAt);
    }

    public Task<List<PostCard>> ActiveAlertsAsync(CancellationToken ct) => Cards(ActiveAlerts()).ToListAsync(ct);

    public IQueryable<PostCard> Cards(IQueryable<Post> posts)
    {
        var language = Language;
        return posts.Select(p => new PostCard(p.Type, p.Slug,
            p.Contents.Where(c => c.Language == language).Select(c => c.Title).FirstOrDefault() ?? p.Contents.Where(c => c.Language == PostLanguages.German).Select(c => c.Title).First(),
            p.Contents.Where(c => c.Language == language).Select(c => c.Summary).FirstOrDefault() ?? p.Contents.Where(c => c.Language == PostLanguages.German).Select(c => c.Summary).First(),
            p.Contents.Any(c => c.Language == language) ? language : PostLanguages.German,
            // Events show their next occurrence (the same as the start for one that does not repeat).
            p.PublishedAt, p.NextOccurrenceStart ?? p.EventStart, p.NextOccurrenceStart != null ? p.NextOccurrenceEnd : p.EventEnd,
            p.EventAllDay, p.PlaceName, p.ValidFrom, p.ValidUntil, p.Severity, p.ApplicationDeadline, p.Recurrence != null));
    }

    /// <summary>The content language that matches the UI: "en" for English pages, German otherwise.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? PostLanguages.English : PostLanguages.German;
}
