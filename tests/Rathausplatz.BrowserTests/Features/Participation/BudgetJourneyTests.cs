using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Participation;

/// <summary>
/// The demo town's participatory budget "Bürgerhaushalt 2027", voting open: Bea Bürger ticks projects and
/// watches the running total (script), goes over the budget and back, votes and changes her vote; the guest
/// account does the same with script off and gets the server's message instead. Then last year's closed
/// budget (result, chart, a funded project's progress) and the editors' pages. Every page is checked with axe
/// at both widths.
/// </summary>
public sealed class BudgetJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Ballot = "/beteiligung/buergerhaushalt-2027/haushalt";

    [Fact]
    public async Task ACitizenVotesWatchingTheRunningTotalAndChangesTheVote()
    {
        await using var session = await app.OpenSignedInAsync("buerger@musterstadt.example", output);
        var page = session.Page;

        await page.GotoAsync("/beteiligung/buergerhaushalt-2027");
        await page.GetByRole(AriaRole.Link, new() { Name = "Zur Abstimmung" }).ClickAsync();
        await Assertions.Expect(page.Heading("Bürgerhaushalt")).ToBeVisibleAsync();
        var total = page.Locator("[data-ballot-total]");
        await Assertions.Expect(total).ToHaveTextAsync("Ihre Auswahl: 0 € von 250.000 €. Übrig: 250.000 €.");

        await page.GetByLabel("Spielplatz am Stadtpark erneuern – 120.000 €").CheckAsync();
        await page.GetByLabel("Trinkbrunnen in der Altstadt – 45.000 €").CheckAsync();
        await Assertions.Expect(total).ToHaveTextAsync("Ihre Auswahl: 165.000 € von 250.000 €. Übrig: 85.000 €.");
        await page.GetByLabel("Hundert Straßenbäume – 150.000 €").CheckAsync();
        await Assertions.Expect(total).ToHaveTextAsync("Ihre Auswahl kostet 315.000 €, das Budget ist 250.000 €.");
        await PageChecks.CheckAsync(page, "budget-01-ballot-over");
        await page.GetByLabel("Spielplatz am Stadtpark erneuern – 120.000 €").UncheckAsync();
        await Assertions.Expect(total).ToHaveTextAsync("Ihre Auswahl: 195.000 € von 250.000 €. Übrig: 55.000 €.");
        await page.Field("Ihr Stadtteil").SelectOptionAsync(new SelectOptionValue { Label = "Südstadt" });
        await page.Button("Stimme abgeben").ClickAsync();

        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihre Stimme ist gezählt");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sie haben abgestimmt. Ihre Auswahl kostet 195.000 €");
        await PageChecks.CheckAsync(page, "budget-02-ballot-voted");
        await page.GetByLabel("Trinkbrunnen in der Altstadt – 45.000 €").UncheckAsync();
        await page.GetByLabel("Bänke mit Lehnen an den Hauptwegen – 38.000 €").CheckAsync();
        await Assertions.Expect(total).ToHaveTextAsync("Ihre Auswahl: 188.000 € von 250.000 €. Übrig: 62.000 €.");
        await page.Button("Stimme ändern").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihre Stimme ist geändert");
        await Assertions.Expect(page.GetByLabel("Bänke mit Lehnen an den Hauptwegen – 38.000 €")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Trinkbrunnen in der Altstadt – 45.000 €")).Not.ToBeCheckedAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Meine Beteiligung: was aus meinen Stimmen und Vorschlägen wurde" }).ClickAsync();
        await Assertions.Expect(page.Locator(".my-ballot")).ToContainTextAsync("Bänke mit Lehnen an den Hauptwegen");
        await Assertions.Expect(page.Locator(".my-ballot")).ToContainTextAsync("die Abstimmung läuft noch");
        await PageChecks.CheckAsync(page, "budget-09-my-participation");
    }

    [Fact]
    public async Task TheBallotWorksWithoutJavaScript()
    {
        await using var session = await app.OpenSignedInAsync("gast@musterstadt.example", output, javaScript: false);
        var page = session.Page;

        await page.GotoAsync(Ballot);
        await Assertions.Expect(page.Locator("[data-ballot-total]")).ToBeHiddenAsync();
        await page.GetByLabel("Hundert Straßenbäume – 150.000 €").CheckAsync();
        await page.Button("Stimme ändern").ClickAsync();

        await Assertions.Expect(page.Locator(".kern-error").First).ToContainTextAsync(
            "Ihre Auswahl kostet 353.000 €, das Budget ist 250.000 €. Bitte wählen Sie Projekte ab, bis die Summe passt.");
        await Assertions.Expect(page.GetByLabel("Hundert Straßenbäume – 150.000 €")).ToBeCheckedAsync();
        await PageChecks.ScreenshotAsync(page, "budget-nojs-over-budget");
        await page.GetByLabel("Spielplatz am Stadtpark erneuern – 120.000 €").UncheckAsync();
        await page.Button("Stimme ändern").ClickAsync();

        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihre Stimme ist geändert");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ihre Auswahl kostet 233.000 €");
        await PageChecks.ScreenshotAsync(page, "budget-nojs-changed");
    }

    [Fact]
    public async Task AVisitorReadsLastYearsResultAndAnEditorManagesTheProjects()
    {
        await using (var visitor = await app.OpenAsync(output))
        {
            var page = visitor.Page;
            await page.GotoAsync("/beteiligung/buergerhaushalt-2026/haushalt");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ergebnis ansehen" }).ClickAsync();
            await Assertions.Expect(page.Heading("Ergebnis des Bürgerhaushalts")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".budget-results tbody tr").First).ToContainTextAsync("Beleuchtung am Radweg zur Südstadt");
            await PageChecks.CheckAsync(page, "budget-03-results");
            await page.GetByRole(AriaRole.Link, new() { Name = "Skateanlage an der Weststadt-Schule" }).ClickAsync();
            await Assertions.Expect(page.Locator(".project-progress")).ToContainTextAsync("In Umsetzung");
            await Assertions.Expect(page.Locator(".project-update").First).ToContainTextAsync("Der Beton ist gegossen.");
            await PageChecks.CheckAsync(page, "budget-04-project");
        }

        await using var editor = await app.OpenSignedInAsync("redaktion@musterstadt.example", output);
        await editor.Page.GotoAsync("/beteiligung/verwaltung/verfahren/buergerhaushalt-2027");
        await PageChecks.AssertAccessibleAsync(editor.Page, "budget-05-process-form");
        await editor.Page.GetByRole(AriaRole.Link, new() { Name = "Projekte des Bürgerhaushalts verwalten" }).ClickAsync();
        await Assertions.Expect(editor.Page.Heading("Bürgerhaushalt verwalten")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(editor.Page, "budget-06-back-office");
        await editor.Page.GetByRole(AriaRole.Link, new() { Name = "Bücherschrank im Ostpark" }).ClickAsync();
        await Assertions.Expect(editor.Page.Heading("Projekt bearbeiten")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(editor.Page, "budget-07-edit-project");
        await editor.Page.GotoAsync("/beteiligung/buergerhaushalt-2027/haushalt/ergebnis");
        await Assertions.Expect(editor.Page.Locator("main")).ToContainTextAsync("Zwischenstand");
        await PageChecks.CheckAsync(editor.Page, "budget-08-interim-results");
    }
}
