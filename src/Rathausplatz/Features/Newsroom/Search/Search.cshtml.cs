using System.Globalization;

namespace Rathausplatz.Features.Newsroom.Search;

/// <summary>
/// Search across the published posts of the organisation: a GET form (the address can be shared and
/// bookmarked, and it works without script), ten results a page with the matched words marked.
/// </summary>
[AllowAnonymous]
public sealed class SearchModel(SearchPosts search, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "seite")] public int PageNumber { get; set; } = 1;

    /// <summary>Results end with the ranked candidates; the limit also keeps the offset far from overflowing.</summary>
    private const int MaxPage = SearchPosts.RankedCandidates / SearchPosts.PageSize;

    public SearchPage Results { get; private set; } = new([], false);
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear(); // binding problems (a "seite" that is no number) are not the reader's concern
        PageNumber = Math.Clamp(PageNumber, 1, MaxPage);
        if (string.IsNullOrWhiteSpace(Query))
            return Page();
        if (Query.Length > SearchQuery.MaxLength)
        {
            ModelState.AddModelError("q", text["Der Suchbegriff ist zu lang: höchstens {0} Zeichen.", SearchQuery.MaxLength]);
            return this.PageWithErrors();
        }
        Searched = true;
        Results = await search.RunAsync(SearchQuery.Parse(Query), PageNumber, ct);
        return Page();
    }

    public string PageLink(int number) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Query,
        ["seite"] = number == 1 ? null : number.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}
