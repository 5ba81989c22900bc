using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Participation;

/// <summary>
/// The demo process's debate "Soll der Marktplatz an Markttagen autofrei werden?": a citizen takes part with script
/// (netiquette, a comment with a stance, a vote), another without script (a reply through the plain details
/// element); an editor opens a second debate in the back office. Every page is checked with axe at both widths
/// (without script: screenshots only).
/// </summary>
public sealed class DebateJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Question = "Soll der Marktplatz an Markttagen autofrei werden?";

    [Fact]
    public async Task ACitizenTakesPartInADebate()
    {
        await using var session = await app.OpenSignedInAsync("buerger@musterstadt.example", output);
        var page = session.Page;

        await page.GotoAsync("/beteiligung/marktplatz");
        await page.Locator("section[aria-labelledby=debates-heading]").GetByRole(AriaRole.Link, new() { Name = Question }).ClickAsync();
        await Assertions.Expect(page.Heading(Question)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".stance-counts__item--dafuer dd")).ToHaveTextAsync("1");
        await PageChecks.CheckAsync(page, "debate-01-page");

        var form = page.Locator("#comments-heading ~ form.comment-form");
        await form.GetByLabel("Ihr Kommentar", new() { Exact = true }).FillAsync("Ja, aber bitte mit Stellplätzen für Lastenräder am Rand.");
        await form.GetByLabel("Dafür", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Ich habe die Netiquette gelesen und halte mich daran.").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Kommentar veröffentlichen" }).ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihr Kommentar ist veröffentlicht");
        await Assertions.Expect(page.Locator(".stance-counts__item--dafuer dd")).ToHaveTextAsync("2");

        var first = page.Locator(".comment").First;
        await first.GetByRole(AriaRole.Button, new() { Name = "Hilfreich", Exact = false }).First.ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Danke für Ihre Bewertung.");
        await Assertions.Expect(page.Locator(".comment").First.Locator(".comment__votes").First).ToContainTextAsync("Hilfreich: 1");
        await PageChecks.CheckAsync(page, "debate-02-commented");

        await page.GetByRole(AriaRole.Link, new() { Name = "Alle Debatten im Verfahren „Neugestaltung des Marktplatzes“" }).ClickAsync();
        await Assertions.Expect(page.Heading("Debatten")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".debate-list")).ToContainTextAsync(Question);
        await PageChecks.CheckAsync(page, "debate-03-list");
    }

    [Fact]
    public async Task ACitizenRepliesInADebateWithoutJavaScript()
    {
        await using var session = await app.OpenSignedInAsync("gast@musterstadt.example", output, javaScript: false);
        var page = session.Page;

        await page.GotoAsync("/beteiligung/marktplatz");
        await page.Locator("section[aria-labelledby=debates-heading]").GetByRole(AriaRole.Link, new() { Name = Question }).ClickAsync();
        var first = page.Locator(".comment").First;
        await first.Locator("summary", new() { HasText = "Antworten" }).First.ClickAsync();
        var reply = first.Locator(".reply-form form").First;
        await reply.GetByLabel("Ihre Antwort", new() { Exact = true }).FillAsync("Ein Shuttle vom Parkhaus wäre ein guter Ausgleich.");
        await reply.GetByLabel("Neutral", new() { Exact = true }).CheckAsync();
        await reply.GetByRole(AriaRole.Button, new() { Name = "Antwort veröffentlichen" }).ClickAsync();

        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihr Kommentar ist veröffentlicht");
        await Assertions.Expect(page.Locator(".comment").First.Locator(".comment-thread--replies").First).ToContainTextAsync("Ein Shuttle vom Parkhaus wäre ein guter Ausgleich.");
        await Assertions.Expect(page.Locator(".stance-counts__item--neutral dd")).ToHaveTextAsync("1");
        await PageChecks.ScreenshotAsync(page, "debate-nojs-replied");
    }

    [Fact]
    public async Task AnEditorOpensADebate()
    {
        await using var editor = await app.OpenSignedInAsync("redaktion@musterstadt.example", output);
        var page = editor.Page;
        await page.GotoAsync("/beteiligung/verwaltung/verfahren/marktplatz");
        await page.Locator("section[aria-labelledby=debates-heading]").GetByRole(AriaRole.Link, new() { Name = "Neue Debatte" }).ClickAsync();
        await Assertions.Expect(page.Heading("Neue Debatte")).ToBeVisibleAsync();
        await page.Field("Frage").FillAsync("Braucht der Marktplatz einen Trinkbrunnen?");
        await page.OptionalField("Einführung (Markdown)").FillAsync("Im Sommer wird es **heiß** auf dem Platz.");
        await PageChecks.CheckAsync(page, "debate-04-new");
        await page.Button("Debatte speichern").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Debatte ist gespeichert.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Öffentliche Seite ansehen" }).ClickAsync();
        await Assertions.Expect(page.Heading("Braucht der Marktplatz einen Trinkbrunnen?")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".debate__status")).ToContainTextAsync("Offen, solange das Verfahren läuft.");
        await PageChecks.CheckAsync(page, "debate-05-new-public");
    }
}
