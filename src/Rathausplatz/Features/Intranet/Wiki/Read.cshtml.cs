using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>
/// A wiki page: breadcrumbs, the text with its [[links]] resolved, the subpages in their order (editors move them
/// up and down), the pages that link here, and for its author and those who manage the wiki a way to delete it.
/// </summary>
public sealed class ReadModel(AppDb db, DeleteWikiPage deleting, WikiAccess access, WikiQuery query, IStringLocalizer<SharedResource> text) : WikiPageModel(access, query)
{
    public string BodyHtml { get; private set; } = "";
    public List<WikiQuery.Node> Breadcrumbs { get; private set; } = [];
    public List<WikiQuery.Node> Children { get; private set; } = [];
    public List<WikiQuery.Node> Backlinks { get; private set; } = [];
    public string? LastAuthor { get; private set; }
    public bool MayDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, string slug, CancellationToken ct)
    {
        if (await OpenPageAsync(id, slug, false, ct) is { } refused)
            return refused;
        BodyHtml = await Query.RenderAsync(Wiki, Current.Body, ct);
        Breadcrumbs = WikiQuery.Ancestors(Tree, Current.ParentId);
        Children = Tree.Where(n => n.ParentId == Current.Id).ToList();
        Backlinks = await Query.BacklinksAsync(Wiki, Current, ct);
        LastAuthor = await Query.LastAuthorAsync(Current.Id, Current.Version, ct);
        MayDelete = await deleting.MayDeleteAsync(Wiki, Current.Id, ct);
        return Page();
    }

    /// <summary>Moves a subpage one place up or down among its siblings (swaps it with its neighbour).</summary>
    public async Task<IActionResult> OnPostMoveAsync(Guid? id, string slug, Guid child, string? direction, CancellationToken ct)
    {
        if (await OpenPageAsync(id, slug, true, ct) is { } refused)
            return refused;
        var siblings = await db.Set<WikiPage>().Where(p => p.SpaceId == Wiki.SpaceId && p.ParentId == Current.Id)
            .OrderBy(p => p.Position).ThenBy(p => p.Title).ToListAsync(ct);
        var at = siblings.FindIndex(p => p.Id == child);
        var to = direction == "hoch" ? at - 1 : direction == "runter" ? at + 1 : -1;
        if (at < 0 || to < 0 || to >= siblings.Count)
            return BadRequest();
        (siblings[at], siblings[to]) = (siblings[to], siblings[at]);
        // Positions are renumbered 1…n, which also mends equal positions left by moves between parents.
        for (var i = 0; i < siblings.Count; i++)
            siblings[i].Position = i + 1;
        await db.SaveChangesAsync(ct);
        this.Flash(text["Die Reihenfolge ist geändert."]);
        return Redirect(PagePath + "#unterseiten");
    }
}
