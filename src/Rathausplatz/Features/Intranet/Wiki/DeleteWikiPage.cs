using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>
/// Deletes a wiki page with its revisions. Its author (who wrote the first revision) deletes it while they may
/// still edit the wiki; those who manage the wiki delete any page. Subpages are not lost: they move up to the
/// deleted page's parent, after its other subpages. Links to the page then lead to "create this page", as for any
/// missing title. Deleted through the change tracker, so the search index forgets the page too.
/// </summary>
public sealed class DeleteWikiPage(AppDb db)
{
    public async Task<bool> MayDeleteAsync(WikiAccess.Wiki wiki, Guid pageId, CancellationToken ct) =>
        wiki.CanManage || wiki.CanEdit && await AuthorAsync(pageId, ct) == wiki.UserId;

    public async Task<Removal> DeleteAsync(WikiAccess.Wiki wiki, Guid pageId, CancellationToken ct)
    {
        var page = await db.Set<WikiPage>().SingleOrDefaultAsync(p => p.Id == pageId && p.SpaceId == wiki.SpaceId, ct);
        if (page is null)
            return Removal.NotFound;
        if (!await MayDeleteAsync(wiki, pageId, ct))
            return Removal.NotAllowed;
        var last = await db.Set<WikiPage>().Where(p => p.SpaceId == wiki.SpaceId && p.ParentId == page.ParentId)
            .MaxAsync(p => (int?)p.Position, ct) ?? 0;
        var children = await db.Set<WikiPage>().Where(p => p.ParentId == page.Id).OrderBy(p => p.Position).ThenBy(p => p.Title).ToListAsync(ct);
        foreach (var child in children)
        {
            child.ParentId = page.ParentId;
            child.Position = ++last;
        }
        db.Remove(page);
        await db.SaveChangesAsync(ct);
        return Removal.Removed;
    }

    private Task<Guid?> AuthorAsync(Guid pageId, CancellationToken ct) =>
        db.Set<WikiRevision>().Where(r => r.PageId == pageId && r.Number == 1).Select(r => r.AuthorId).SingleOrDefaultAsync(ct);
}
