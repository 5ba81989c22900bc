namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>A wiki's start: all its pages as a tree, and "Neue Seite" for those who may edit.</summary>
public sealed class IndexModel(WikiAccess access, WikiQuery query) : WikiPageModel(access, query)
{
    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct) => await OpenWikiAsync(id, false, ct) ?? Page();
}
