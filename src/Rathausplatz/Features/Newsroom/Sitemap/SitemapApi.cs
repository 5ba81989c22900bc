using System.Text;
using System.Xml;
using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom.Feeds;
using Rathausplatz.Features.Newsroom.Public;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Newsroom.Sitemap;

/// <summary>
/// What search engines may crawl and where to find it, per organisation host: /sitemap.xml (sitemaps.org 0.9) with
/// the public pages and every published post, and /robots.txt keeping crawlers out of the back office, accounts and API.
/// Both live with the newsroom because its posts are nearly all of the sitemap.
/// </summary>
public static class SitemapApi
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /// <summary>The protocol allows 50 000 addresses per file; beyond that a sitemap index would be needed, which no town is near.</summary>
    public const int MaxPosts = 49_000;

    /// <summary>Paths no crawler has business in: back office, accounts, platform administration, the JSON API, the language switch.</summary>
    public static readonly string[] Disallowed = ["/newsroom", "/admin", "/platform", "/accounts", "/api/", "/culture"];

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder app)
    {
        // Cached like the feeds: the sitemap reads every published post.
        var group = app.MapGroup("").AllowAnonymous().ExcludeFromDescription().CacheOutput(PublicPageCache.Policy);
        group.MapGet("/sitemap.xml", SitemapAsync);
        group.MapGet("/robots.txt", Robots);
        return app;
    }

    private static async Task<IResult> SitemapAsync(HttpContext context, PublicPosts posts, AppDb db, CancellationToken ct)
    {
        var site = $"{context.Request.Scheme}://{context.Request.Host}";
        var published = await posts.Visible().OrderByDescending(p => p.PublishedAt).Take(MaxPosts)
            .Select(p => new { p.Slug, p.Type, p.PublishedAt, p.UpdatedAt }).ToListAsync(ct);
        var id = context.Organization().Id;
        // Only the legal texts the organisation has written: an empty Impressum page is nothing to index.
        var legal = await db.Set<Organization>().AsNoTracking().Where(o => o.Id == id)
            .Select(o => new[] { o.Imprint != "", o.PrivacyPolicy != "", o.AccessibilityStatement != "", o.Netiquette != "" }).SingleAsync(ct);

        DateTime Changed(DateTime? publishedAt, DateTime updatedAt) => updatedAt > publishedAt!.Value ? updatedAt : publishedAt.Value;
        DateTime? newest = published.Count == 0 ? null : published.Max(p => Changed(p.PublishedAt, p.UpdatedAt));
        DateTime? newestJob = published.Where(p => p.Type == PostType.JobPosting).Select(p => (DateTime?)Changed(p.PublishedAt, p.UpdatedAt)).Max();

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Feeds.XmlText.Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            Url(xml, $"{site}/", newest);
            Url(xml, $"{site}/aktuelles", newest);
            Url(xml, $"{site}/jobs", newestJob);
            string[] documents = ["impressum", "datenschutz", "barrierefreiheit", "netiquette"];
            for (var i = 0; i < documents.Length; i++)
                if (legal[i])
                    Url(xml, $"{site}/{documents[i]}", null);
            foreach (var post in published)
                Url(xml, $"{site}/aktuelles/{Uri.EscapeDataString(post.Slug)}", Changed(post.PublishedAt, post.UpdatedAt));
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return ConditionalGet.Respond(context, buffer.ToArray(), "application/xml; charset=utf-8", newest);
    }

    private static IResult Robots(HttpContext context)
    {
        var robots = new StringBuilder("User-agent: *\n");
        foreach (var path in Disallowed)
            robots.Append("Disallow: ").Append(path).Append('\n');
        robots.Append("Allow: /\n\n");
        robots.Append("Sitemap: ").Append(context.Request.Scheme).Append("://").Append(context.Request.Host).Append("/sitemap.xml\n");
        return Results.Text(robots.ToString(), "text/plain; charset=utf-8");
    }

    private static void Url(XmlWriter xml, string location, DateTime? lastModified)
    {
        xml.WriteStartElement("url", Namespace);
        xml.WriteElementString("loc", Namespace, location);
        if (lastModified is { } modified)
            xml.WriteElementString("lastmod", Namespace, AtomFeed.Rfc3339(modified));
        xml.WriteEndElement();
    }
}
