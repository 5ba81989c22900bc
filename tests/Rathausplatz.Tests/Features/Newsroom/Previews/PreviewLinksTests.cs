using System.Net;
using AngleSharp.Html.Dom;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Newsroom.Previews;

/// <summary>Showing a post that is not public yet to someone without an account, for a limited time.</summary>
public abstract class PreviewLinksTests(RathausplatzApp app)
{
    [Fact]
    public async Task AnEditorSharesADraftThatAnyoneWithTheLinkSeesUntilItExpires()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (id, slug) = await app.DraftPostAsync(editor);
        var url = await CreateLinkAsync(editor, id);
        var stranger = app.CreateClient(org);

        using var shown = await stranger.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("noindex, nofollow", shown.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Equal("no-referrer", shown.Headers.GetValues("Referrer-Policy").Single());
        var page = await HtmlPages.ParseAsync(shown.RequestMessage!.RequestUri!, await shown.Content.ReadAsStringAsync());
        Assert.Equal("Titel " + slug, page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Vorschau – nicht veröffentlicht", page.QuerySelector(".preview-banner")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/aktuelles/{slug}")).StatusCode);

        app.AdvanceTime(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync(url)).StatusCode);
        app.AdvanceTime(TimeSpan.FromMinutes(2));
        using var expired = await stranger.GetAsync(url);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        var gone = await HtmlPages.ParseAsync(expired.RequestMessage!.RequestUri!, await expired.Content.ReadAsStringAsync());
        Assert.Contains("abgelaufen", gone.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Titel " + slug, gone.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task ATamperedOrForeignTokenFindsNothing()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (id, slug) = await app.DraftPostAsync(editor);
        var url = await CreateLinkAsync(editor, id);
        var token = url[(url.LastIndexOf('/') + 1)..];
        var tampered = url[..^1] + (url[^1] == 'A' ? 'B' : 'A');

        using var wrong = await app.CreateClient(org).GetAsync(tampered);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal("noindex, nofollow", wrong.Headers.GetValues("X-Robots-Tag").Single());
        Assert.DoesNotContain("Titel " + slug, await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient(org).GetAsync("/vorschau/x")).StatusCode);
        // A link works only on its own organisation's address.
        var other = await app.CreateOrganizationAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient(other).GetAsync($"/vorschau/{token}")).StatusCode);
    }

    [Fact]
    public async Task ARevokedLinkStopsWorking()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (id, _) = await app.DraftPostAsync(editor);
        var url = await CreateLinkAsync(editor, id);
        var client = await app.CreateSignedInClientAsync(editor);

        var page = await client.GetPageAsync($"/newsroom/{id}");
        Assert.DoesNotContain(url, page.QuerySelector("main")!.InnerHtml);
        var revoke = new HtmlForm((IHtmlFormElement)page.QuerySelector(".preview-links form")!);
        Assert.StartsWith("Zurücknehmen: Vorschau-Link bis", revoke.Element.QuerySelector("button")!.TextContent.Trim());
        using var revoked = await revoke.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await app.CreateClient(org).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task APublishedPostGetsNoPreviewLink()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (id, _) = await app.PublishedPostAsync(editor);
        var client = await app.CreateSignedInClientAsync(editor);

        var page = await client.GetPageAsync($"/newsroom/{id}");

        Assert.DoesNotContain(page.QuerySelectorAll("button"), b => b.TextContent.Contains("Vorschau-Link erstellen"));
    }

    /// <summary>Through the back office, as an editor would: the address is shown once on the post's page.</summary>
    private async Task<string> CreateLinkAsync(TestUser editor, Guid id)
    {
        var client = await app.CreateSignedInClientAsync(editor);
        var page = await client.GetPageAsync($"/newsroom/{id}");
        using var created = await page.FormWithButton("Vorschau-Link erstellen").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var after = await client.GetPageAsync(created.Headers.Location!.OriginalString);
        var link = after.QuerySelector("a.preview-url")!.GetAttribute("href")!;
        Assert.Matches("/vorschau/[A-Za-z0-9_-]{43}$", link);
        return new Uri(link).PathAndQuery;
    }
}

public sealed class SqlitePreviewLinksTests(SqliteApp app) : PreviewLinksTests(app), IClassFixture<SqliteApp>;
public sealed class PostgresPreviewLinksTests(PostgresApp app) : PreviewLinksTests(app), IClassFixture<PostgresApp>;
