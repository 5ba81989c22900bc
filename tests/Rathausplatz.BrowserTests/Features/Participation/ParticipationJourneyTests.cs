using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Participation;

/// <summary>
/// A citizen takes part in the demo town's process "Neugestaltung des Marktplatzes": accepts the netiquette
/// with a first proposal, supports someone else's and comments with a stance. Every page is checked with axe
/// at both widths. Then the proposal form once more with script off (another demo account, who has accepted
/// the netiquette already).
/// </summary>
public sealed class ParticipationJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ACitizenProposesSupportsAndComments()
    {
        await using var session = await app.OpenSignedInAsync("buerger@musterstadt.example", output);
        var page = session.Page;

        await page.GotoAsync("/");
        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Beteiligung", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Heading("Beteiligung")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "participation-01-list");
        await page.GetByRole(AriaRole.Link, new() { Name = "Neugestaltung des Marktplatzes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".phase-timeline [aria-current=step]")).ToContainTextAsync("Vorschläge sammeln");
        await PageChecks.CheckAsync(page, "participation-02-process");

        await page.GetByRole(AriaRole.Link, new() { Name = "Vorschlag machen" }).ClickAsync();
        await page.Field("Titel").FillAsync("Trinkbrunnen am Rathaus");
        await page.Field("Ihr Vorschlag").FillAsync("Ein Trinkbrunnen für heiße Tage, gut erreichbar auch mit dem Rollstuhl.");
        await page.GetByLabel("Ich habe die Netiquette gelesen und halte mich daran.").CheckAsync();
        await PageChecks.CheckAsync(page, "participation-03-new-proposal");
        await page.Button("Vorschlag veröffentlichen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihr Vorschlag ist veröffentlicht");
        await Assertions.Expect(page.Heading("Trinkbrunnen am Rathaus")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Zurück zum Verfahren „Neugestaltung des Marktplatzes“" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Wasserspiel für Kinder" }).ClickAsync();
        await page.Button("Vorschlag unterstützen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihre Unterstützung wird gezählt");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sie unterstützen diesen Vorschlag.");

        await page.Field("Ihr Kommentar").FillAsync("Bitte mit Trinkwasser, dann kühlen sich auch Hunde ab.");
        await page.GetByLabel("Dafür", new() { Exact = true }).First.CheckAsync();
        await page.Button("Kommentar veröffentlichen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihr Kommentar ist veröffentlicht");
        await Assertions.Expect(page.Locator(".comment").Last).ToContainTextAsync("Dafür");
        await PageChecks.CheckAsync(page, "participation-04-proposal");
    }

    [Fact]
    public async Task AVisitorReadsADiscussionAndAnEditorOpensTheProcessForm()
    {
        await using (var visitor = await app.OpenAsync(output))
        {
            await visitor.Page.GotoAsync("/beteiligung/marktplatz");
            // The proposal list, not the list of proposals with a place: the map script folds that one up once it runs.
            await visitor.Page.Locator(".proposal-list").GetByRole(AriaRole.Link, new() { Name = "Mehr Bäume für Schatten" }).ClickAsync();
            await Assertions.Expect(visitor.Page.Locator(".comment--official")).ToContainTextAsync("Offizielle Antwort");
            await Assertions.Expect(visitor.Page.Locator("main form[method=post]")).ToHaveCountAsync(0);
            await PageChecks.CheckAsync(visitor.Page, "participation-05-discussion-visitor");
        }

        await using var editor = await app.OpenSignedInAsync("redaktion@musterstadt.example", output);
        await editor.Page.GotoAsync("/beteiligung/verwaltung");
        await PageChecks.CheckAsync(editor.Page, "participation-06-back-office");
        await editor.Page.GetByRole(AriaRole.Link, new() { Name = "Neugestaltung des Marktplatzes" }).ClickAsync();
        await Assertions.Expect(editor.Page.Heading("Verfahren bearbeiten")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(editor.Page, "participation-07-process-form");
    }

    [Fact]
    public async Task TheProposalFormWorksWithoutJavaScript()
    {
        await using var session = await app.OpenSignedInAsync("gast@musterstadt.example", output, javaScript: false);
        var page = session.Page;

        await page.GotoAsync("/beteiligung/marktplatz/vorschlagen");
        await Assertions.Expect(page.Locator(".report-map")).ToBeHiddenAsync();
        await page.Field("Titel").FillAsync("Fahrradbügel am Markt");
        await page.Field("Ihr Vorschlag").FillAsync("Zehn Bügel an der Nordseite.");
        await page.OptionalField("Breite (lat)").FillAsync("51,0055");
        await page.OptionalField("Länge (lon)").FillAsync("10.0049");
        await page.Button("Vorschlag veröffentlichen").ClickAsync();

        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihr Vorschlag ist veröffentlicht");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("51.0055, 10.0049");
        await PageChecks.ScreenshotAsync(page, "participation-nojs-proposal");
    }
}
