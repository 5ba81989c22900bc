using System.Net;
using AngleSharp.Dom;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Tests.Support;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Newsroom.Search;

/// <summary>Citizens search the published posts of their town at /suche: German spellings and forms, parts of words, marked hits, nothing unpublished.</summary>
public abstract class SearchTests(RathausplatzApp app)
{
    [Theory]
    [InlineData("Straße gesperrt", "Strasse")]
    [InlineData("Straße gesperrt", "strasse")]
    [InlineData("Partnerschaft mit München", "Muenchen")]
    [InlineData("Partnerschaft mit München", "Munchen")]
    [InlineData("Partnerschaft mit Muenchen", "München")]
    [InlineData("Ein Baum am Rathaus", "Bäume")]
    [InlineData("Die Gebühr für Hunde", "Gebühren")]
    [InlineData("Neue Gebühren ab Januar", "Gebühr")]
    [InlineData("Baumschnitt im Stadtpark", "Baum")]
    [InlineData("Öffnungszeiten des Bürgerbüros", "buergerbuero")]
    public async Task GermanSpellingsFormsAndPartsOfWordsFindThePost(string title, string query)
    {
        var (org, editor) = await NewsroomAsync();
        var (_, slug) = await app.PublishedPostAsync(editor, fill: f => f.Title = title);
        await app.PublishedPostAsync(editor, fill: f => f.Title = "Sitzung des Gemeinderats");

        var found = await ResultsAsync(app.CreateClient(org), query);

        Assert.Equal([slug], found.Select(Slug));
    }

    [Fact]
    public async Task AllWordsOfTheQueryMustMatch()
    {
        var (org, editor) = await NewsroomAsync();
        var (_, both) = await app.PublishedPostAsync(editor, fill: f => f.Title = "Baumschnitt in der Straße am Park");
        await app.PublishedPostAsync(editor, fill: f => f.Title = "Baumschnitt am Friedhof");

        Assert.Equal([both], (await ResultsAsync(app.CreateClient(org), "Bäume Straße")).Select(Slug));
    }

    [Fact]
    public async Task ATitleMatchRanksBeforeABodyMatch()
    {
        var (org, editor) = await NewsroomAsync();
        var (_, inBody) = await app.PublishedPostAsync(editor, fill: f => { f.Title = "Neues aus dem Rathaus"; f.Body = "Der Wertstoffhof hat neue Zeiten. Der Wertstoffhof liegt am Stadtrand."; });
        var (_, inTitle) = await app.PublishedPostAsync(editor, fill: f => { f.Title = "Wertstoffhof geschlossen"; f.Body = "Bitte beachten Sie die Hinweise."; });
        var (_, inSummary) = await app.PublishedPostAsync(editor, fill: f => { f.Title = "Hinweis"; f.Summary = "Der Wertstoffhof öffnet später."; });

        Assert.Equal([inTitle, inSummary, inBody], (await ResultsAsync(app.CreateClient(org), "Wertstoffhof")).Select(Slug));
    }

    [Fact]
    public async Task OnlyPublishedVisiblePostsOfTheOwnOrganizationAreFound()
    {
        var (org, editor) = await NewsroomAsync();
        var (_, otherEditor) = await NewsroomAsync();
        var (_, published) = await app.PublishedPostAsync(editor, fill: f => f.Title = "Laternenumzug published");
        await app.DraftPostAsync(editor, fill: f => f.Title = "Laternenumzug draft");
        var (pulled, _) = await app.PublishedPostAsync(editor, fill: f => f.Title = "Laternenumzug pulled");
        await app.AsEditorAsync(editor, (s, me) => s.Get<UnpublishPost>().RunAsync(pulled, me, default));
        var (scheduled, scheduledSlug) = await app.DraftPostAsync(editor, fill: f => { f.Title = "Laternenumzug scheduled"; f.PublishAt = TownTime.ToLocal(app.Now.AddHours(2)); });
        Assert.Equal(PublishOutcome.Scheduled, await app.PublishAsync(editor, scheduled));
        var (_, expiring) = await app.PublishedPostAsync(editor, fill: f => { f.Title = "Laternenumzug expiring"; f.UnpublishAt = TownTime.ToLocal(app.Now.AddHours(1)); });
        await app.PublishedPostAsync(otherEditor, fill: f => f.Title = "Laternenumzug elsewhere");
        var client = app.CreateClient(org);

        Assert.Equal(new[] { expiring, published }.Order(), (await ResultsAsync(client, "Laternenumzug")).Select(Slug).Order());

        // The unpublish time passes before the job runs: the post is gone from search all the same.
        app.AdvanceTime(TimeSpan.FromHours(3));
        Assert.Equal([published], (await ResultsAsync(client, "Laternenumzug")).Select(Slug));

        await app.RunJobsUntilIdleAsync();
        Assert.Equal(new[] { published, scheduledSlug }.Order(), (await ResultsAsync(client, "Laternenumzug")).Select(Slug).Order());
    }

    [Fact]
    public async Task EditingAPublishedPostUpdatesTheIndex()
    {
        var (org, editor) = await NewsroomAsync();
        var (id, slug) = await app.PublishedPostAsync(editor, fill: f => f.Title = "Altpapier wird abgeholt");
        var client = app.CreateClient(org);
        Assert.Single(await ResultsAsync(client, "Altpapier"));

        var saved = await app.AsEditorAsync(editor, (s, me) => s.Get<SavePost>().UpdateAsync(id,
            new PostForm { Title = "Sperrmüll wird abgeholt", Summary = "Neu", Body = "Text", Slug = slug }, me, default));

        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.Empty(await ResultsAsync(client, "Altpapier"));
        Assert.Equal([slug], (await ResultsAsync(client, "Sperrmüll")).Select(Slug));
    }

    [Fact]
    public async Task LanguageVersionsAreSearchedAndTheMatchingOneIsShown()
    {
        var (org, editor) = await NewsroomAsync();
        var (_, slug) = await app.PublishedPostAsync(editor, fill: f =>
        {
            f.Title = "Müllabfuhr verschoben";
            f.TitleEnglish = "Waste collection moved";
            f.TitleEasy = "Die Müll-Abfuhr kommt später";
        });

        var english = await ResultsAsync(app.CreateClient(org), "collection");
        var easy = await ResultsAsync(app.CreateClient(org), "Abfuhr");

        Assert.Equal([slug], english.Select(Slug));
        Assert.Equal("Waste collection moved", english[0].QuerySelector(".post-card__title")!.TextContent);
        Assert.Equal($"/aktuelles/{slug}?sprache=leicht", easy.Single().QuerySelector(".post-card__title a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task HitsAreMarkedAndHostileTextIsEscaped()
    {
        var (org, editor) = await NewsroomAsync();
        await app.PublishedPostAsync(editor, fill: f =>
        {
            f.Title = "<script>alert(1)</script> Bäume im Park";
            f.Summary = "<img src=x onerror=alert(2)> Der Baumschnitt beginnt.";
        });

        var result = (await ResultsAsync(app.CreateClient(org), "Baum")).Single();

        Assert.Empty(result.QuerySelectorAll("script, img"));
        Assert.Equal(["Bäume", "Baumschnitt"], result.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Contains("<script>alert(1)</script>", result.QuerySelector(".post-card__title")!.TextContent);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("OR")]
    [InlineData("NEAR(")]
    [InlineData(":")]
    [InlineData("&")]
    [InlineData("!")]
    [InlineData("Baum\" OR \"x")]
    [InlineData("baum* NEAR(a b) : & ! | <-> ( )")]
    [InlineData("'; DROP TABLE \"Post\"; --")]
    [InlineData("der die das")]
    public async Task QuerySyntaxInTheInputIsNoError(string query)
    {
        var (org, editor) = await NewsroomAsync();
        await app.PublishedPostAsync(editor, fill: f => f.Title = "Baum OR Strauch");
        var client = app.CreateClient(org);

        var page = await client.GetPageAsync("/suche?q=" + Uri.EscapeDataString(query));

        Assert.NotNull(page.QuerySelector("main"));
    }

    [Fact]
    public async Task NoResultsSaySoAndATooLongQueryIsRefused()
    {
        var (org, _) = await NewsroomAsync();
        var client = app.CreateClient(org);

        var none = await client.GetPageAsync("/suche?q=Zeppelinlandeplatz");
        var tooLong = await client.GetAsync("/suche?q=" + new string('a', 201));
        var tooLongInEnglish = await app.CreateClient(org, "en").GetAsync("/suche?q=" + new string('a', 201));

        Assert.Contains("Keine Treffer für „Zeppelinlandeplatz“", none.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("höchstens 200 Zeichen", (await tooLong.ReadPageAsync()).QuerySelector("#q-error")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, tooLongInEnglish.StatusCode);
        Assert.Contains("200 characters at most", (await tooLongInEnglish.ReadPageAsync()).QuerySelector("#q-error")!.TextContent);
    }

    [Fact]
    public async Task ResultsArePagedAndEveryPageHasASearchBox()
    {
        var (org, editor) = await NewsroomAsync();
        for (var i = 0; i < 12; i++)
            await app.PublishedPostAsync(editor, fill: f => f.Title = $"Bürgersprechstunde {i}");
        var client = app.CreateClient(org);

        var header = (await client.GetPageAsync("/impressum")).QuerySelector("header form[role=search]")!;
        var first = await client.GetPageAsync($"{header.GetAttribute("action")}?{header.QuerySelector("input[type=search]")!.GetAttribute("name")}=Bürgersprechstunden");
        var next = first.QuerySelectorAll(".pager a").Single().GetAttribute("href")!;
        var second = await client.GetPageAsync("/suche" + next);

        Assert.Equal(10, first.QuerySelectorAll(".search-results > li").Length);
        Assert.Equal(2, second.QuerySelectorAll(".search-results > li").Length);
        Assert.Empty(first.QuerySelectorAll(".search-results a").Select(a => a.GetAttribute("href")).Intersect(second.QuerySelectorAll(".search-results a").Select(a => a.GetAttribute("href"))));
    }

    private async Task<(TestOrganization Org, TestUser Editor)> NewsroomAsync()
    {
        var org = await app.CreateOrganizationAsync();
        return (org, await app.CreateEditorAsync(org));
    }

    private static async Task<List<IElement>> ResultsAsync(HttpClient client, string query) =>
        (await client.GetPageAsync("/suche?q=" + Uri.EscapeDataString(query))).QuerySelectorAll(".search-results > li").ToList();

    private static string Slug(IElement result) =>
        result.QuerySelector(".post-card__title a")!.GetAttribute("href")!.Split('/', '?')[2];
}

public sealed class SqliteSearchTests(SqliteApp app) : SearchTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSearchTests(PostgresApp app) : SearchTests(app), IClassFixture<PostgresApp>;
