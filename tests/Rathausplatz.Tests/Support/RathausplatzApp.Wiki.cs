using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Intranet.Wiki;

namespace Rathausplatz.Tests.Support;

/// <summary>A wiki page as tests address it: in a space's wiki, or in the knowledge base when <see cref="Space"/> is null.</summary>
public sealed record TestWikiPage(Guid Id, string Slug, TestSpace? Space)
{
    public string WikiPath => Space is null ? "/intranet/wiki" : $"{Space.Path}/wiki";
    public string Path => $"{WikiPath}/{Slug}";
    public string EditPath => $"{Path}/bearbeiten";
    public string HistoryPath => $"{Path}/versionen";
    public string ComparePath(int from, int to) => $"{Path}/versionen/vergleich?von={from}&bis={to}";
}

public abstract partial class RathausplatzApp
{
    /// <summary>A page made with the use case behind "Seite anlegen", written by <paramref name="author"/>.</summary>
    public async Task<TestWikiPage> CreateWikiPageAsync(TestUser author, TestSpace? space, string title, string body = "", TestWikiPage? parent = null)
    {
        await using var scope = InOrganization(author.Organization);
        var wiki = new WikiAccess.Wiki(space?.Id, space is null ? WikiAccess.KnowledgeBasePath : $"{space.Path}/wiki", space?.Title, true, true, author.Id);
        var result = await scope.Get<SaveWikiPage>().CreateAsync(wiki, new WikiPageInput(title, body, parent?.Id, false), CancellationToken.None);
        var page = result.Page ?? throw new InvalidOperationException($"The page was refused: {result.Problem}");
        return new TestWikiPage(page.Id, page.Slug, space);
    }

    /// <summary>The page at <paramref name="slug"/> in the space's wiki (the knowledge base when null).</summary>
    public async Task<TestWikiPage> FindWikiPageAsync(TestOrganization organization, TestSpace? space, string slug)
    {
        await using var scope = InOrganization(organization);
        var id = await scope.Db.Set<WikiPage>().Where(p => p.SpaceId == (space == null ? null : space.Id) && p.Slug == slug).Select(p => p.Id).SingleAsync();
        return new TestWikiPage(id, slug, space);
    }

    /// <summary>The page as stored now.</summary>
    public async Task<WikiPage> WikiPageAsync(TestWikiPage page, TestOrganization organization)
    {
        await using var scope = InOrganization(organization);
        return await scope.Db.Set<WikiPage>().AsNoTracking().SingleAsync(p => p.Id == page.Id);
    }

    /// <summary>The page's current version, or 1 where the organisation does not have it (a foreign request then names one).</summary>
    public async Task<int> WikiVersionAsync(TestWikiPage page, TestOrganization organization)
    {
        await using var scope = InOrganization(organization);
        return await scope.Db.Set<WikiPage>().Where(p => p.Id == page.Id).Select(p => (int?)p.Version).SingleOrDefaultAsync() ?? 1;
    }

    /// <summary>Every revision of the page, oldest first.</summary>
    public async Task<List<WikiRevision>> WikiRevisionsAsync(TestWikiPage page, TestOrganization organization)
    {
        await using var scope = InOrganization(organization);
        return await scope.Db.Set<WikiRevision>().AsNoTracking().Where(r => r.PageId == page.Id).OrderBy(r => r.Number).ToListAsync();
    }

    /// <summary>The link targets stored for the page.</summary>
    public async Task<List<string>> WikiLinksAsync(TestWikiPage page, TestOrganization organization)
    {
        await using var scope = InOrganization(organization);
        return await scope.Db.Set<WikiLink>().AsNoTracking().Where(l => l.FromPageId == page.Id).Select(l => l.TargetKey).OrderBy(k => k).ToListAsync();
    }
}
