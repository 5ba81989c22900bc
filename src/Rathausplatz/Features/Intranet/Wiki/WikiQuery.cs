using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>Reads of a wiki for its pages: the tree, one page, its backlinks and revisions, its text rendered with resolved links.</summary>
public sealed class WikiQuery(AppDb db, WikiText text)
{
    /// <summary>A page's place in the tree: enough for navigation, breadcrumbs and the parent choice.</summary>
    public sealed record Node(Guid Id, Guid? ParentId, int Position, string Title, string Slug, bool IsTemplate);

    public sealed record Revision(int Number, DateTime SavedAt, string? Author, string Title, int? RestoredFrom);

    private IQueryable<WikiPage> Pages(WikiAccess.Wiki wiki) => db.Set<WikiPage>().AsNoTracking().Where(p => p.SpaceId == wiki.SpaceId);

    /// <summary>Every page of the wiki, siblings in their order. Wikis are small enough to read their outline at once.</summary>
    public Task<List<Node>> TreeAsync(WikiAccess.Wiki wiki, CancellationToken ct) =>
        Pages(wiki).OrderBy(p => p.Position).ThenBy(p => p.Title)
            .Select(p => new Node(p.Id, p.ParentId, p.Position, p.Title, p.Slug, p.IsTemplate)).ToListAsync(ct);

    public Task<WikiPage?> FindAsync(WikiAccess.Wiki wiki, string slug, CancellationToken ct) =>
        Pages(wiki).SingleOrDefaultAsync(p => p.Slug == slug, ct);

    /// <summary>The ancestors of a page, the root first.</summary>
    public static List<Node> Ancestors(IReadOnlyList<Node> tree, Guid? parentId)
    {
        var byId = tree.ToDictionary(n => n.Id);
        var path = new List<Node>();
        for (var at = parentId; at is { } id && byId.TryGetValue(id, out var node) && path.Count < tree.Count; at = node.ParentId)
            path.Insert(0, node);
        return path;
    }

    /// <summary>The pages whose current text links here, by address or by title.</summary>
    public async Task<List<Node>> BacklinksAsync(WikiAccess.Wiki wiki, WikiPage page, CancellationToken ct)
    {
        var from = db.Set<WikiLink>().Where(l => l.SpaceId == wiki.SpaceId && (l.TargetKey == page.Slug || l.TargetKey == page.TitleKey) && l.FromPageId != page.Id)
            .Select(l => l.FromPageId);
        return await Pages(wiki).Where(p => from.Contains(p.Id)).OrderBy(p => p.Title)
            .Select(p => new Node(p.Id, p.ParentId, p.Position, p.Title, p.Slug, p.IsTemplate)).ToListAsync(ct);
    }

    /// <summary>Safe HTML of <paramref name="body"/> in this wiki: [[links]] to existing pages, the others to "create" for editors.</summary>
    public async Task<string> RenderAsync(WikiAccess.Wiki wiki, string body, CancellationToken ct)
    {
        var keys = WikiText.LinkKeys(body);
        var found = keys.Count == 0 ? [] : await Pages(wiki).Where(p => keys.Contains(p.Slug) || keys.Contains(p.TitleKey))
            .Select(p => new { p.Slug, p.TitleKey }).ToListAsync(ct);
        var existing = new Dictionary<string, string>();
        // An address wins over a title: [[x]] keeps pointing where it did when another page is later named "x".
        foreach (var p in found.OrderBy(p => keys.Contains(p.Slug) ? 0 : 1))
        {
            if (keys.Contains(p.Slug))
                existing.TryAdd(p.Slug, p.Slug);
            if (keys.Contains(p.TitleKey))
                existing.TryAdd(p.TitleKey, p.Slug);
        }
        return text.ToSafeHtml(body, wiki.Path, existing, wiki.CanEdit);
    }

    /// <summary>The revisions of a page, newest first, with their authors' names (null for a deleted account).</summary>
    public Task<List<Revision>> RevisionsAsync(Guid pageId, CancellationToken ct) =>
        (from r in db.Set<WikiRevision>().AsNoTracking()
         where r.PageId == pageId
         join u in db.Users on r.AuthorId equals u.Id into authors
         from u in authors.DefaultIfEmpty()
         orderby r.Number descending
         select new Revision(r.Number, r.CreatedAt, u == null ? null : u.DisplayName, r.Title, r.RestoredFrom)).ToListAsync(ct);

    public Task<WikiRevision?> RevisionAsync(Guid pageId, int number, CancellationToken ct) =>
        db.Set<WikiRevision>().AsNoTracking().SingleOrDefaultAsync(r => r.PageId == pageId && r.Number == number, ct);

    /// <summary>The pages of the wiki marked as templates, for the new-page form.</summary>
    public Task<List<Node>> TemplatesAsync(WikiAccess.Wiki wiki, CancellationToken ct) =>
        Pages(wiki).Where(p => p.IsTemplate).OrderBy(p => p.Title)
            .Select(p => new Node(p.Id, p.ParentId, p.Position, p.Title, p.Slug, p.IsTemplate)).ToListAsync(ct);

    /// <summary>Who saved the page last, for the page's footer.</summary>
    public Task<string?> LastAuthorAsync(Guid pageId, int version, CancellationToken ct) =>
        (from r in db.Set<WikiRevision>()
         where r.PageId == pageId && r.Number == version
         join u in db.Users on r.AuthorId equals u.Id
         select u.DisplayName).SingleOrDefaultAsync(ct);
}
