using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Newsroom.Public;

/// <summary>
/// Everything published, newest first, filtered by type, topic, district and date through the query
/// string (links stay shareable). The date of an event is its start, of anything else its publication.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(PublicPosts posts, AppDb db, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "typ")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "thema")] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true, Name = "stadtteil")] public string? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "von")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "bis")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "seite")] public int PageNumber { get; set; } = 1;

    public List<PostCard> Cards { get; private set; } = [];
    public bool HasMore { get; private set; }
    public List<(string Slug, string Name)> Topics { get; private set; } = [];
    public List<(string Slug, string Name)> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Topics = (await db.Set<Topic>().AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(ct)).Select(t => (t.Slug, t.Name)).ToList();
        Districts = (await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Slug, d.Name }).ToListAsync(ct)).Select(d => (d.Slug, d.Name)).ToList();
        if (From > To)
            ModelState.AddModelError("bis", text["Das Enddatum liegt vor dem Anfangsdatum."]);
        if (!ModelState.IsValid)
            return this.PageWithErrors();

        var query = posts.Visible().Where(p => p.Type != PostType.Page);
        if (PostTypeNames.FromSlug(Type) is { } type)
            query = query.Where(p => p.Type == type);
        if (!string.IsNullOrEmpty(Topic))
            query = query.Where(p => p.Topics.Any(t => t.Slug == Topic));
        if (!string.IsNullOrEmpty(District))
            query = query.Where(p => p.Districts.Any(d => d.Slug == District));
        if (TownTime.ToUtc(From?.ToDateTime(TimeOnly.MinValue)) is { } fromUtc)
            query = query.Where(p => (p.Type == PostType.Event ? p.EventStart : p.PublishedAt) >= fromUtc);
        if (TownTime.ToUtc(To?.AddDays(1).ToDateTime(TimeOnly.MinValue)) is { } untilUtc)
            query = query.Where(p => (p.Type == PostType.Event ? p.EventStart : p.PublishedAt) < untilUtc);
        var page = await posts.Cards(query.OrderByDescending(p => p.PublishedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)).ToListAsync(ct);
        HasMore = page.Count > PageSize;
        Cards = page.Take(PageSize).ToList();
        return Page();
    }

    /// <summary>The feeds of what the list shows, in the page's language (feeds never guess it from cookies).</summary>
    public string FeedQuery => Query(new() { ["typ"] = PostTypeNames.FromSlug(Type) is { } t && t != PostType.Page ? Type : null, ["thema"] = Topic, ["stadtteil"] = District });

    /// <summary>The month calendar of events, with the topic and district chosen here.</summary>
    public string CalendarPageQuery => QueryString.Create(new Dictionary<string, string?> { ["thema"] = Topic, ["stadtteil"] = District }
        .Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>The calendar holds only events, so only the topic and district carry over.</summary>
    public string CalendarQuery => Query(new() { ["thema"] = Topic, ["stadtteil"] = District });

    private static string Query(Dictionary<string, string?> filters)
    {
        if (PublicPosts.Language == PostLanguages.English)
            filters["sprache"] = PostLanguages.English;
        return QueryString.Create(filters.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
    }

    public string PageLink(int number) =>
        QueryString.Create(new Dictionary<string, string?> { ["typ"] = Type, ["thema"] = Topic, ["stadtteil"] = District, ["von"] = IsoDate(From), ["bis"] = IsoDate(To), ["seite"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    private static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
