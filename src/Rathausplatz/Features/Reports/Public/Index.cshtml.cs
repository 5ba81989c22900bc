using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences.Districts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Reports.Public;

/// <summary>
/// All reports, newest first, filtered by category, status, district and date through the query string
/// (links stay shareable); above the list a map of the same selection (script only, GeoJSON endpoint).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(PublicReports reports, AppDb db, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "kategorie")] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "stadtteil")] public string? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "von")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "bis")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "seite")] public int PageNumber { get; set; } = 1;

    public List<PublicReport> Reports { get; private set; } = [];
    public bool HasMore { get; private set; }
    public List<(string Code, string Name)> Categories { get; private set; } = [];
    public List<(string Slug, string Name)> Districts { get; private set; } = [];
    public DistrictFinder Map { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Categories = (await db.Set<ReportCategory>().AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => new { c.Code, c.Name }).ToListAsync(ct)).Select(c => (c.Code, c.Name)).ToList();
        Districts = (await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Slug, d.Name }).ToListAsync(ct))
            .Select(d => (d.Slug, d.Name)).ToList();
        Map = await DistrictFinder.LoadAsync(db, ct);
        if (From > To)
            ModelState.AddModelError("bis", text["Das Enddatum liegt vor dem Anfangsdatum."]);
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        var page = await reports.Project(reports.Filtered(Filter).OrderByDescending(r => r.RequestedAt)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)).ToListAsync(ct);
        HasMore = page.Count > PageSize;
        Reports = page.Take(PageSize).ToList();
        return Page();
    }

    public ReportFilter Filter => new(Category, Status, District, From, To);

    /// <summary>The filters as a query string, for the map's data and the pager.</summary>
    public string Query(int? page = null) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["kategorie"] = Category, ["status"] = Status, ["stadtteil"] = District,
            ["von"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["bis"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["seite"] = page?.ToString(CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
