using System.Net;
using System.Text.Json;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Tests.Support;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Newsroom;

/// <summary>What citizens see: only published posts of the own town, alerts on every page while valid, safe content, machine-readable facts.</summary>
public abstract class PublicNewsroomTests(RathausplatzApp app)
{
    [Fact]
    public async Task PublicPagesShowOnlyPublishedPostsOfTheOwnOrganization()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        var editorA = await app.CreateEditorAsync(a);
        var editorB = await app.CreateEditorAsync(b);
        var (_, publishedA) = await app.PublishedPostAsync(editorA);
        var (_, draftA) = await app.DraftPostAsync(editorA);
        var (_, publishedB) = await app.PublishedPostAsync(editorB);
        var atA = app.CreateClient(a);

        var list = (await atA.GetPageAsync("/aktuelles")).QuerySelector("main")!.TextContent;
        var home = (await atA.GetPageAsync("/")).QuerySelector("main")!.TextContent;

        Assert.Contains(publishedA, list);
        Assert.Contains(publishedA, home);
        Assert.DoesNotContain(draftA, list);
        Assert.DoesNotContain(publishedB, list);
        Assert.DoesNotContain(publishedB, home);
        Assert.Equal(HttpStatusCode.NotFound, (await atA.GetAsync($"/aktuelles/{draftA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await atA.GetAsync($"/aktuelles/{publishedB}")).StatusCode);
    }

    [Fact]
    public async Task TheListFiltersByType()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, news) = await app.PublishedPostAsync(editor);
        var (_, job) = await app.PublishedPostAsync(editor, PostType.JobPosting);

        var jobs = (await app.CreateClient(org).GetPageAsync("/aktuelles?typ=stelle")).QuerySelector("main")!.TextContent;
        var openJobs = (await app.CreateClient(org).GetPageAsync("/jobs")).QuerySelector("main")!.TextContent;

        Assert.Contains(job, jobs);
        Assert.DoesNotContain(news, jobs);
        Assert.Contains(job, openJobs);
        Assert.DoesNotContain(news, openJobs);
    }

    [Fact]
    public async Task TheListFiltersByDateOfPublicationAndForEventsByTheirStart()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, older) = await app.PublishedPostAsync(editor);
        app.AdvanceTime(TimeSpan.FromDays(3));
        var (_, newer) = await app.PublishedPostAsync(editor);
        var (_, eventLater) = await app.PublishedPostAsync(editor, PostType.Event, f =>
        {
            f.EventStart = TownTime.ToLocal(app.Now.AddDays(20));
            f.EventEnd = null;
        });
        var today = DateOnly.FromDateTime(TownTime.ToLocal(app.Now)!.Value);
        var client = app.CreateClient(org);

        var recent = (await client.GetPageAsync($"/aktuelles?von={today:yyyy-MM-dd}&bis={today:yyyy-MM-dd}")).QuerySelector("main")!.TextContent;
        var future = (await client.GetPageAsync($"/aktuelles?von={today.AddDays(19):yyyy-MM-dd}")).QuerySelector("main")!.TextContent;

        Assert.Contains(newer, recent);
        Assert.DoesNotContain(older, recent);
        Assert.DoesNotContain(eventLater, recent);
        Assert.Contains(eventLater, future);
        Assert.DoesNotContain(newer, future);
    }

    [Theory]
    [InlineData("?von=2026-13-45")]
    [InlineData("?von=2026-12-10&bis=2026-12-01")]
    public async Task AWrongDateFilterIsRefusedWithAMessage(string query)
    {
        var org = await app.CreateOrganizationAsync();

        var response = await app.CreateClient(org).GetAsync("/aktuelles" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.NotEmpty(page.QuerySelectorAll(".kern-error"));
    }

    [Fact]
    public async Task TheDateFieldsKeepWhatWasTypedAndPointToTheirMessage()
    {
        var org = await app.CreateOrganizationAsync();
        var client = app.CreateClient(org);

        var wrong = await (await client.GetAsync("/aktuelles?von=2026-12-10&bis=2026-12-01")).ReadPageAsync();
        var fine = await client.GetPageAsync("/aktuelles?von=2026-12-01");

        var until = wrong.QuerySelector("input#bis")!;
        Assert.Equal("date", until.GetAttribute("type"));
        Assert.Equal("2026-12-01", until.GetAttribute("value"));
        Assert.Equal("true", until.GetAttribute("aria-invalid"));
        Assert.NotNull(wrong.QuerySelector("#" + until.GetAttribute("aria-describedby") + ".kern-error"));
        Assert.Equal("2026-12-10", wrong.QuerySelector("input#von")!.GetAttribute("value"));
        Assert.Null(wrong.QuerySelector("input#von")!.GetAttribute("aria-invalid"));
        Assert.Equal("2026-12-01", fine.QuerySelector("input[name=von]")!.GetAttribute("value"));
        Assert.Equal("", fine.QuerySelector("input[name=bis]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AnAlertBannerShowsOnOtherPagesWhileTheAlertIsValid()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, slug) = await app.PublishedPostAsync(editor, PostType.Alert, f =>
        {
            f.Severity = AlertSeverity.Danger;
            f.ValidUntil = TownTime.ToLocal(app.Now.AddHours(6));
        });
        var client = app.CreateClient(org);

        var banner = (await client.GetPageAsync("/impressum")).QuerySelector(".alert-banner");
        Assert.NotNull(banner);
        Assert.Contains(slug, banner.TextContent);

        app.AdvanceTime(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1));

        Assert.Null((await client.GetPageAsync("/impressum")).QuerySelector(".alert-banner"));
    }

    [Fact]
    public async Task HostileMarkdownIsNeutralisedOnTheDetailPage()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, slug) = await app.PublishedPostAsync(editor, fill: f => f.Body =
            "<script>alert(1)</script>\n\n[Klick](javascript:alert(2))\n\n<img src=x onerror=alert(3)>\n\n![Bild](javascript:alert(4))");

        var page = await app.CreateClient(org).GetPageAsync($"/aktuelles/{slug}");
        var body = page.QuerySelector(".post-body")!;

        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Empty(body.QuerySelectorAll("[onerror]"));
        Assert.DoesNotContain(body.QuerySelectorAll("[href], [src]"),
            e => (e.GetAttribute("href") ?? e.GetAttribute("src"))!.Trim().StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        // Besides the JSON-LD, only the layout's own script files (the service worker's registration).
        Assert.All(page.QuerySelectorAll("script:not([type='application/ld+json'])"),
            script => Assert.StartsWith("/js/", script.GetAttribute("src") ?? ""));
    }

    [Fact]
    public async Task AnEventCarriesSchemaOrgEventData()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, slug) = await app.PublishedPostAsync(editor, PostType.Event, f =>
        {
            f.PlaceName = "Stadthalle";
            f.Latitude = "51,3";
            f.Longitude = "12.4";
            f.Title = "Konzert </script><script>alert(1)</script>";
        });

        var data = await JsonLdAsync(org, slug);

        Assert.Equal("https://schema.org", data.GetProperty("@context").GetString());
        Assert.Equal("Event", data.GetProperty("@type").GetString());
        Assert.Equal("Konzert </script><script>alert(1)</script>", data.GetProperty("name").GetString());
        Assert.True(DateTimeOffset.TryParse(data.GetProperty("startDate").GetString(), out _));
        var location = data.GetProperty("location");
        Assert.Equal("Stadthalle", location.GetProperty("name").GetString());
        Assert.Equal(51.3, location.GetProperty("geo").GetProperty("latitude").GetDouble());
    }

    [Fact]
    public async Task AJobPostingCarriesTheFieldsSchemaOrgRequires()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, slug) = await app.PublishedPostAsync(editor, PostType.JobPosting, f => (f.EmploymentType, f.PlaceName) = ("Vollzeit", "Rathaus"));

        var data = await JsonLdAsync(org, slug);

        Assert.Equal("JobPosting", data.GetProperty("@type").GetString());
        foreach (var required in new[] { "title", "description", "datePosted", "validThrough", "employmentType" })
            Assert.False(string.IsNullOrEmpty(data.GetProperty(required).GetString()), required);
        Assert.Equal(org.Name, data.GetProperty("hiringOrganization").GetProperty("name").GetString());
        Assert.Equal("Rathaus", data.GetProperty("jobLocation").GetProperty("name").GetString());
    }

    [Fact]
    public async Task NewsCarriesNewsArticleDataAndOpenGraph()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, slug) = await app.PublishedPostAsync(editor);

        var page = await app.CreateClient(org).GetPageAsync($"/aktuelles/{slug}");
        var data = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;

        Assert.Equal("NewsArticle", data.GetProperty("@type").GetString());
        Assert.Equal("Titel " + slug, data.GetProperty("headline").GetString());
        Assert.True(data.TryGetProperty("datePublished", out _));
        Assert.Equal("Kurz gesagt", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("Titel " + slug, page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task TheEnglishVersionIsShownToEnglishReadersAndGermanIsMarkedAsSuch()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, withEnglish) = await app.PublishedPostAsync(editor, fill: f => f.TitleEnglish = "New cycle lane");
        var (_, germanOnly) = await app.PublishedPostAsync(editor);
        var english = app.CreateClient(org, language: "en");

        var translated = await english.GetPageAsync($"/aktuelles/{withEnglish}");
        var untranslated = await english.GetPageAsync($"/aktuelles/{germanOnly}");

        Assert.Equal("New cycle lane", translated.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("de", untranslated.QuerySelector("article.post")!.GetAttribute("lang"));
    }

    private async Task<JsonElement> JsonLdAsync(TestOrganization org, string slug)
    {
        using var response = await app.CreateClient(org).GetAsync($"/aktuelles/{slug}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script>|<script [^s]*>[^<]", html);
        var page = await HtmlPages.ParseAsync(response.RequestMessage!.RequestUri!, html);
        var script = page.QuerySelector("script[type='application/ld+json']");
        Assert.NotNull(script);
        return JsonDocument.Parse(script.TextContent).RootElement;
    }
}

public sealed class SqlitePublicNewsroomTests(SqliteApp app) : PublicNewsroomTests(app), IClassFixture<SqliteApp>;
public sealed class PostgresPublicNewsroomTests(PostgresApp app) : PublicNewsroomTests(app), IClassFixture<PostgresApp>;
