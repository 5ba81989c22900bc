using System.Net;
using System.Xml.Linq;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Newsroom.Sitemap;

/// <summary>/sitemap.xml against the sitemaps.org schema, and /robots.txt, per organisation host.</summary>
public abstract class SitemapTests(RathausplatzApp app)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task TheSitemapListsThePublicPagesAndPublishedPostsOfTheOwnOrganizationOnly()
    {
        var org = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, news) = await app.PublishedPostAsync(editor);
        var (_, page) = await app.PublishedPostAsync(editor, PostType.Page);
        var (_, draft) = await app.DraftPostAsync(editor);
        var scheduled = await app.DraftPostAsync(editor, fill: f => f.PublishAt = Rathausplatz.Web.TownTime.ToLocal(app.Now.AddDays(1)));
        await app.PublishAsync(editor, scheduled.Id);
        var (_, foreign) = await app.PublishedPostAsync(await app.CreateEditorAsync(other));
        await using (var scope = app.WithoutOrganization())
        {
            var organization = await scope.Db.Set<Organization>().FindAsync(org.Id);
            organization!.Imprint = "Stadtverwaltung, Marktplatz 1";
            await scope.Db.SaveChangesAsync();
        }

        using var response = await app.CreateClient(org).GetAsync("/sitemap.xml");
        var xml = await response.Content.ReadAsStringAsync();
        var urls = XDocument.Parse(xml).Root!.Elements(Sitemap + "url")
            .ToDictionary(u => u.Element(Sitemap + "loc")!.Value, u => u.Element(Sitemap + "lastmod")?.Value);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(XmlSchemas.Validate(xml, "sitemap.xsd"));
        var site = $"https://{org.Host}";
        Assert.Equal(
            new[] { $"{site}/", $"{site}/aktuelles", $"{site}/jobs", $"{site}/impressum", $"{site}/aktuelles/{news}", $"{site}/aktuelles/{page}" }.Order(StringComparer.Ordinal),
            urls.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(app.Now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), urls[$"{site}/aktuelles/{news}"]);
        foreach (var absent in new[] { draft, scheduled.Slug, foreign })
            Assert.DoesNotContain(absent, xml);
    }

    [Fact]
    public async Task RobotsTxtKeepsCrawlersOutOfTheBackOfficeAndNamesTheSitemapOfTheHost()
    {
        var org = await app.CreateOrganizationAsync();

        using var response = await app.CreateClient(org).GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            $"""
            User-agent: *
            Disallow: /newsroom
            Disallow: /admin
            Disallow: /platform
            Disallow: /accounts
            Disallow: /api/
            Disallow: /culture
            Allow: /

            Sitemap: https://{org.Host}/sitemap.xml

            """.ReplaceLineEndings("\n"),
            await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteSitemapTests(SqliteApp app) : SitemapTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSitemapTests(PostgresApp app) : SitemapTests(app), IClassFixture<PostgresApp>;
