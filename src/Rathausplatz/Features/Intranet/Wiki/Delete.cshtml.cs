using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>
/// "Seite löschen": first a page that says what follows (subpages move up, links lead to "create this page"),
/// then the deletion. A page of its own, so the flow needs no script for a confirmation.
/// </summary>
public sealed class DeleteModel(DeleteWikiPage deleting, WikiAccess access, WikiQuery query, IStringLocalizer<SharedResource> text) : WikiPageModel(access, query)
{
    public int SubpageCount { get; private set; }
    public int BacklinkCount { get; private set; }
    /// <summary>Where the subpages go: the parent's title, or null for the top of the wiki.</summary>
    public string? NewParentTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, string slug, CancellationToken ct)
    {
        // Read access first: admins manage a space's wiki without being members who edit it.
        if (await OpenPageAsync(id, slug, false, ct) is { } refused)
            return refused;
        if (!await deleting.MayDeleteAsync(Wiki, Current.Id, ct))
            return Forbid();
        SubpageCount = Tree.Count(n => n.ParentId == Current.Id);
        BacklinkCount = (await Query.BacklinksAsync(Wiki, Current, ct)).Count;
        NewParentTitle = Tree.FirstOrDefault(n => n.Id == Current.ParentId)?.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string slug, CancellationToken ct)
    {
        // Read access here; whether this person may delete, the use case decides.
        if (await OpenPageAsync(id, slug, false, ct) is { } refused)
            return refused;
        var parent = Tree.FirstOrDefault(n => n.Id == Current.ParentId);
        switch (await deleting.DeleteAsync(Wiki, Current.Id, ct))
        {
            case Removal.NotFound:
                return NotFound();
            case Removal.NotAllowed:
                return Forbid();
        }
        this.Flash(text["Die Seite „{0}“ ist gelöscht.", Current.Title]);
        return Redirect(parent is null ? Wiki.Path : Wiki.PathOf(parent.Slug));
    }
}
