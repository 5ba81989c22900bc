using System.Globalization;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Newsroom.Search;

namespace Rathausplatz.Features.Intranet.Search;

/// <summary>
/// /intranet/suche: one search over the intranet, showing only what the person may open. A GET form (works without
/// script, the address can be shared: a colleague who may not read an item simply does not find it), ten results a
/// page, a filter by kind with the counts.
/// </summary>
[Authorize(Policy = IntranetSetup.Policy)]
public sealed class SearchModel(SearchIntranet search, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "art")] public string? KindSlug { get; set; }
    [BindProperty(SupportsGet = true, Name = "seite")] public int PageNumber { get; set; } = 1;

    private const int MaxPage = SearchIntranet.RankedCandidates / SearchIntranet.PageSize;

    public IntranetHitPage Results { get; private set; } = new([], new Dictionary<SearchKind, int>(), 0, false, false);
    public bool Searched { get; private set; }
    public SearchKind? Kind { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear(); // a "seite" that is no number is not the reader's concern
        PageNumber = Math.Clamp(PageNumber, 1, MaxPage);
        Kind = SearchKinds.FromSlug(KindSlug);
        if (string.IsNullOrWhiteSpace(Query))
            return Page();
        if (Query.Length > SearchQuery.MaxLength)
        {
            ModelState.AddModelError("q", text["Der Suchbegriff ist zu lang: höchstens {0} Zeichen.", SearchQuery.MaxLength]);
            return this.PageWithErrors();
        }
        Searched = true;
        Results = await search.RunAsync(SpaceAccess.Caller.Of(User)!, SearchQuery.Parse(Query), Kind, PageNumber, ct);
        return Page();
    }

    public string Link(SearchKind? kind, int number = 1) => "/intranet/suche" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Query,
        ["art"] = kind is { } k ? SearchKinds.Slug(k) : null,
        ["seite"] = number == 1 ? null : number.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}

/// <summary>Names and address parts of the kinds of results (the German names are resx keys).</summary>
public static class SearchKinds
{
    public static readonly SearchKind[] All = Enum.GetValues<SearchKind>();

    public static string Name(SearchKind kind) => kind switch
    {
        SearchKind.Post => "Beitrag",
        SearchKind.Comment => "Kommentar",
        SearchKind.WikiPage => "Wiki-Seite",
        SearchKind.Document => "Dokument",
        SearchKind.Task => "Aufgabe",
        SearchKind.Space => "Raum",
        SearchKind.Person => "Person",
        SearchKind.Question => Texts.Key("Frage an die Expert:innen"),
        SearchKind.DocumentComment => Texts.Key("Kommentar zu einem Dokument"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string PluralName(SearchKind kind) => kind switch
    {
        SearchKind.Post => "Beiträge",
        SearchKind.Comment => "Kommentare",
        SearchKind.WikiPage => "Wiki-Seiten",
        SearchKind.Document => "Dokumente",
        SearchKind.Task => "Aufgaben",
        SearchKind.Space => "Räume",
        SearchKind.Person => "Personen",
        SearchKind.Question => Texts.Key("Fragen an die Expert:innen"),
        SearchKind.DocumentComment => Texts.Key("Kommentare zu Dokumenten"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Slug(SearchKind kind) => kind switch
    {
        SearchKind.Post => "beitraege",
        SearchKind.Comment => "kommentare",
        SearchKind.WikiPage => "wiki",
        SearchKind.Document => "dokumente",
        SearchKind.Task => "aufgaben",
        SearchKind.Space => "raeume",
        SearchKind.Person => "personen",
        SearchKind.Question => "fragen",
        SearchKind.DocumentComment => "dokumentkommentare",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static SearchKind? FromSlug(string? slug) => All.Cast<SearchKind?>().FirstOrDefault(k => Slug(k!.Value) == slug);
}
