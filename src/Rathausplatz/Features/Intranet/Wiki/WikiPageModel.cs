namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>
/// What every wiki page does first: find the wiki (the knowledge base without <c>id</c>, a space's with it) as the
/// caller sees it, answer 404 when they may not see it and 403 when they may see it but not read (or edit) it;
/// then, for the pages of one wiki page, find that page by its address.
/// </summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
public abstract class WikiPageModel(WikiAccess access, WikiQuery query) : PageModel
{
    public WikiAccess.Wiki Wiki { get; private set; } = null!;
    public WikiPage Current { get; private set; } = null!;
    public List<WikiQuery.Node> Tree { get; private set; } = [];

    protected WikiQuery Query => query;

    /// <summary>"Wissensdatenbank", or the space's wiki by the space's name.</summary>
    public string WikiName { get; private set; } = "";

    public string PagePath => Wiki.PathOf(Current.Slug);

    /// <summary>Null when the caller may go on; otherwise the answer.</summary>
    protected async Task<IActionResult?> OpenWikiAsync(Guid? id, bool edit, CancellationToken ct)
    {
        if (await access.FindAsync(User, id, ct) is not { } wiki)
            return NotFound();
        if (!wiki.CanRead || (edit && !wiki.CanEdit))
            return Forbid();
        Wiki = wiki;
        WikiName = WikiTexts.Name(wiki, HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
        Tree = await query.TreeAsync(wiki, ct);
        return null;
    }

    protected async Task<IActionResult?> OpenPageAsync(Guid? id, string slug, bool edit, CancellationToken ct)
    {
        if (await OpenWikiAsync(id, edit, ct) is { } refused)
            return refused;
        if (await query.FindAsync(Wiki, slug, ct) is not { } current)
            return NotFound();
        Current = current;
        return null;
    }

    /// <summary>The pages a page may be put under: all but itself and its descendants.</summary>
    public IEnumerable<WikiQuery.Node> ParentChoices(Guid? self)
    {
        var excluded = new HashSet<Guid>();
        if (self is { } id)
        {
            excluded.Add(id);
            for (var added = true; added;)
                added = Tree.Where(n => n.ParentId is { } p && excluded.Contains(p) && !excluded.Contains(n.Id)).Select(n => excluded.Add(n.Id)).ToList().Count > 0;
        }
        return Tree.Where(n => !excluded.Contains(n.Id)).OrderBy(n => n.Title, StringComparer.CurrentCulture);
    }
}

/// <summary>The new-page and edit pages: the form they share (_WikiFields.cshtml).</summary>
public abstract class WikiFormPageModel(WikiAccess access, WikiQuery query) : WikiPageModel(access, query)
{
    [BindProperty] public WikiForm Form { get; set; } = new();

    /// <summary>The page being edited (it cannot go under itself); null for a new page.</summary>
    public abstract Guid? Self { get; }

    /// <summary>Shows a refusal at the field it concerns.</summary>
    protected void AddProblem(WikiProblem problem, IStringLocalizer text)
    {
        var field = problem switch
        {
            WikiProblem.TitleMissing or WikiProblem.TitleTooLong or WikiProblem.TitleTaken => "Form.Title",
            WikiProblem.BodyTooLong => "Form.Body",
            WikiProblem.ParentInvalid => "Form.ParentId",
            _ => "",
        };
        ModelState.AddModelError(field, WikiTexts.Message(problem, text));
    }
}
