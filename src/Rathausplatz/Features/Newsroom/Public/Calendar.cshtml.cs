using System.Globalization;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Newsroom.Public;

/// <summary>
/// The month's events as a calendar: ?monat=2026-12 (default: this month in the town's time), filtered
/// by topic and district like /aktuelles. Repeating events appear on each day they take place.
/// Cached like the other public pages: expanding every repeating event of the month is the costly part,
/// and a save of a post evicts the page.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class CalendarModel(PublicPosts posts, AppDb db, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>More than any town holds in a month; the query stays bounded whatever is stored.</summary>
    private const int MaxEvents = 500;

    [BindProperty(SupportsGet = true, Name = "monat")] public string? Month { get; set; }
    [BindProperty(SupportsGet = true, Name = "thema")] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true, Name = "stadtteil")] public string? District { get; set; }

    public DateOnly First { get; private set; }
    public DateOnly Today { get; private set; }
    public string? Problem { get; private set; }
    public SortedDictionary<DateOnly, List<CalendarEntry>> Days { get; private set; } = new();
    public List<(string Slug, string Name)> Topics { get; private set; } = [];
    public List<(string Slug, string Name)> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(TownTime.ToLocal(posts.Now)!.Value);
        Topics = (await db.Set<Topic>().AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(ct)).Select(t => (t.Slug, t.Name)).ToList();
        Districts = (await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Slug, d.Name }).ToListAsync(ct)).Select(d => (d.Slug, d.Name)).ToList();
        if (string.IsNullOrEmpty(Month))
            First = new DateOnly(Today.Year, Today.Month, 1);
        else if (DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 1900 and <= 9998)
            First = month;
        else
        {
            First = new DateOnly(Today.Year, Today.Month, 1);
            Problem = text["„{0}“ ist kein Monat. Bitte geben Sie ihn als Jahr und Monat an, zum Beispiel ?monat={1}.", Month, First.ToString("yyyy-MM", CultureInfo.InvariantCulture)];
            return this.PageWithErrors();
        }
        var fromUtc = TownTime.ToUtc(First.ToDateTime(TimeOnly.MinValue))!.Value;
        var untilUtc = TownTime.ToUtc(First.AddMonths(1).ToDateTime(TimeOnly.MinValue))!.Value;
        var query = posts.Visible().Where(p => p.Type == PostType.Event && p.EventStart != null && p.EventStart < untilUtc
            && (p.OccursUntil == null || p.OccursUntil > fromUtc));
        if (!string.IsNullOrEmpty(Topic))
            query = query.Where(p => p.Topics.Any(t => t.Slug == Topic));
        if (!string.IsNullOrEmpty(District))
            query = query.Where(p => p.Districts.Any(d => d.Slug == District));
        var events = await query.OrderBy(p => p.EventStart).Take(MaxEvents).ToListAsync(ct);
        var language = PublicPosts.Language;
        Days = EventMonth.Days(First, events.Select(p => (p, (p.In(language) ?? p.German).Title, p.In(language) is null ? PostLanguages.German : language)));
        return Page();
    }

    public string MonthLink(DateOnly month) => "/veranstaltungen" +
        QueryString.Create(new Dictionary<string, string?> { ["monat"] = month.ToString("yyyy-MM", CultureInfo.InvariantCulture), ["thema"] = Topic, ["stadtteil"] = District }
            .Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>The weeks of the month, Monday first; days outside the month are null.</summary>
    public IEnumerable<DateOnly?[]> Weeks()
    {
        var offset = ((int)First.DayOfWeek + 6) % 7;
        var day = First.AddDays(-offset);
        var last = First.AddMonths(1).AddDays(-1);
        while (day <= last)
        {
            var week = new DateOnly?[7];
            for (var i = 0; i < 7; i++, day = day.AddDays(1))
                week[i] = day.Month == First.Month && day.Year == First.Year ? day : null;
            yield return week;
        }
    }
}
