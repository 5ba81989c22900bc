using System.Globalization;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Newsroom.Feeds;

/// <summary>
/// RSS, Atom and iCalendar of what the organisation has published. Public by nature, so anonymous; not in the
/// OpenAPI document, which describes the JSON API only. See docs/newsroom.md for the addresses.
/// </summary>
public static class FeedsApi
{
    public static IEndpointRouteBuilder MapNewsroomFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("").AllowAnonymous().ExcludeFromDescription().CacheOutput(PublicPageCache.Policy);
        feeds.MapGet("/feeds/rss", (HttpContext context, FeedEntries entries, AppDb db, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            SyndicationAsync(context, entries, db, text, atom: false, ct));
        feeds.MapGet("/feeds/atom", (HttpContext context, FeedEntries entries, AppDb db, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            SyndicationAsync(context, entries, db, text, atom: true, ct));
        feeds.MapGet("/feeds/kalender.ics", CalendarAsync);
        feeds.MapGet("/aktuelles/{slug}/kalender.ics", SingleEventAsync);
        return app;
    }

    private static async Task<IResult> SyndicationAsync(HttpContext context, FeedEntries entries, AppDb db, IStringLocalizer<SharedResource> text, bool atom, CancellationToken ct)
    {
        var filter = FeedFilter.From(context.Request);
        if (await filter.NamesAsync(db, ct) is not { } names)
            return Results.NotFound();
        using var _ = InLanguage(filter.Language);
        var list = await entries.NewestAsync(filter, ct);
        var org = context.Organization().Name;
        var site = Origin(context.Request);
        if (filter.Type is { } type)
            names.Insert(0, text[PostTypeNames.Of(type)]);
        var title = string.Join(" – ", [text["Aktuelles"], .. names, org]);
        var channel = new FeedChannel(title, string.Format(CultureInfo.CurrentCulture, text["Neuigkeiten, Veranstaltungen und Hinweise von {0}"], org), org,
            filter.Language, site, $"{site}/aktuelles{filter.Query(withLanguage: false)}", $"{site}{context.Request.Path}{filter.Query()}");
        string TypeName(PostType t) => text[PostTypeNames.Of(t)];
        var body = atom ? AtomFeed.Write(channel, list, entries.Now, TypeName) : RssFeed.Write(channel, list, TypeName);
        return ConditionalGet.Respond(context, body, atom ? AtomFeed.ContentType : RssFeed.ContentType, LastChange(list));
    }

    private static async Task<IResult> CalendarAsync(HttpContext context, FeedEntries entries, AppDb db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var filter = FeedFilter.From(context.Request) with { Type = PostType.Event, TypeSlug = null };
        if (await filter.NamesAsync(db, ct) is not { } names)
            return Results.NotFound();
        using var _ = InLanguage(filter.Language);
        var events = await entries.UpcomingEventsAsync(filter, ct);
        var site = Origin(context.Request);
        var name = string.Join(" – ", [text["Veranstaltungen"], .. names, context.Organization().Name]);
        var body = EventCalendar.Write(name, events, e => $"{site}/aktuelles/{Uri.EscapeDataString(e.Slug)}", context.Request.Host.Host);
        return ConditionalGet.Respond(context, body, EventCalendar.ContentType, LastChange(events));
    }

    private static async Task<IResult> SingleEventAsync(string slug, HttpContext context, FeedEntries entries, CancellationToken ct)
    {
        var language = FeedFilter.From(context.Request).Language;
        if (await entries.EventAsync(slug, language, ct) is not { } entry)
            return Results.NotFound();
        var url = $"{Origin(context.Request)}/aktuelles/{Uri.EscapeDataString(entry.Slug)}";
        var body = EventCalendar.Write(entry.Title, [entry], _ => url, context.Request.Host.Host);
        return ConditionalGet.Respond(context, body, EventCalendar.ContentType, LastChange([entry]));
    }

    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private static DateTime? LastChange(IReadOnlyList<FeedEntry> entries) =>
        entries.Count == 0 ? null : entries.Max(e => e.UpdatedAt > e.PublishedAt ? e.UpdatedAt : e.PublishedAt);

    /// <summary>The feed's language for the localizer, whatever the request's cookie says (see <see cref="FeedFilter"/>).</summary>
    private static CultureScope InLanguage(string language) => new(CultureInfo.GetCultureInfo(language == PostLanguages.English ? "en" : "de"));

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo previous = CultureInfo.CurrentUICulture;
        private readonly CultureInfo previousFormat = CultureInfo.CurrentCulture;

        public CultureScope(CultureInfo culture) => (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (culture, culture);

        public void Dispose() => (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (previous, previousFormat);
    }
}
