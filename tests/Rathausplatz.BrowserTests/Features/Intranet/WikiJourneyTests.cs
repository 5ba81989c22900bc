using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Intranet;

/// <summary>
/// Mia Mitarbeit (staff, member of "Digitale Verwaltung") opens the space's wiki, edits the demo process page twice,
/// compares two versions and restores the first; then she opens the knowledge base from /intranet and starts a page
/// from a template. Every page is checked with axe at both widths.
/// </summary>
public sealed class WikiJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AMemberEditsAPageTwiceAndRestoresTheFirstVersion()
    {
        await using var staff = await app.OpenSignedInAsync("mitarbeit@musterstadt.example", output);
        var page = staff.Page;
        var main = page.Locator("main");

        await page.GotoAsync("/intranet/raeume");
        await main.GetByRole(AriaRole.Link, new() { Name = "Digitale Verwaltung" }).ClickAsync();
        await main.GetByRole(AriaRole.Link, new() { Name = "Wiki des Raums" }).ClickAsync();
        await Assertions.Expect(page.Heading("Wiki: Digitale Verwaltung")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "wiki-01-space-wiki");

        await main.GetByRole(AriaRole.Link, new() { Name = "E-Akte im Bürgerbüro" }).ClickAsync();
        await Assertions.Expect(page.Heading("E-Akte im Bürgerbüro")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".wiki-body a[href*='/neu?titel=']")).ToHaveTextAsync("Scanner einrichten");
        await PageChecks.CheckAsync(page, "wiki-02-page");

        await main.GetByRole(AriaRole.Link, new() { Name = "Bearbeiten" }).ClickAsync();
        var text = page.OptionalField("Text");
        await text.FillAsync((await text.InputValueAsync()).Replace("am selben Tag", "spätestens am nächsten Werktag"));
        await PageChecks.CheckAsync(page, "wiki-03-edit");
        await page.Button("Speichern").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Seite ist gespeichert.");
        await Assertions.Expect(page.Locator(".wiki-body")).ToContainTextAsync("spätestens am nächsten Werktag");

        await main.GetByRole(AriaRole.Link, new() { Name = "Bearbeiten" }).ClickAsync();
        await text.FillAsync((await text.InputValueAsync()) + "\n- Tobias Technik (Scanner)");
        await page.Button("Speichern").ClickAsync();
        await Assertions.Expect(page.Locator(".wiki-body")).ToContainTextAsync("Tobias Technik");
        await Assertions.Expect(page.Locator(".wiki-meta")).ToContainTextAsync("Version 3");

        await main.GetByRole(AriaRole.Link, new() { Name = "Versionen" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr.revision")).ToHaveCountAsync(3);
        await PageChecks.CheckAsync(page, "wiki-04-history");
        await page.GetByLabel("Von Version").SelectOptionAsync("1");
        await page.GetByLabel("Bis Version").SelectOptionAsync("3");
        await page.Button("Vergleichen").ClickAsync();
        await Assertions.Expect(page.Locator("del").First).ToContainTextAsync("am selben Tag");
        await Assertions.Expect(page.Locator("ins").Last).ToContainTextAsync("Tobias Technik");
        await PageChecks.CheckAsync(page, "wiki-05-compare");

        await main.GetByRole(AriaRole.Link, new() { Name = "Zurück zu den Versionen" }).ClickAsync();
        await page.Locator("form:has(input[name=number][value='1']) button").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Version 1 ist wiederhergestellt.");
        await Assertions.Expect(page.Locator(".wiki-body")).ToContainTextAsync("am selben Tag");
        await Assertions.Expect(page.Locator(".wiki-body")).Not.ToContainTextAsync("Tobias Technik");
        await Assertions.Expect(page.Locator(".wiki-meta")).ToContainTextAsync("Version 4");
        await PageChecks.CheckAsync(page, "wiki-06-restored");

        // The knowledge base, from the intranet's start page; a child page shows its breadcrumbs and backlinks.
        await page.GotoAsync("/intranet");
        await main.GetByRole(AriaRole.Link, new() { Name = "Wissensdatenbank" }).ClickAsync();
        await Assertions.Expect(page.Heading("Wissensdatenbank")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "wiki-07-knowledge-base");
        await main.GetByRole(AriaRole.Link, new() { Name = "Reisekosten abrechnen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".wiki-backlinks")).ToContainTextAsync("Willkommen in der Stadtverwaltung");
        await Assertions.Expect(page.Locator(".wiki-breadcrumbs")).ToContainTextAsync("Willkommen in der Stadtverwaltung");
        await PageChecks.CheckAsync(page, "wiki-08-knowledge-base-page");
        await main.GetByRole(AriaRole.Link, new() { Name = "Unterseite anlegen" }).ClickAsync();
        await main.GetByRole(AriaRole.Link, new() { Name = "Besprechungsprotokoll" }).ClickAsync();
        await Assertions.Expect(page.OptionalField("Text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("## Tagesordnung"));
        await page.Field("Titel").FillAsync("Protokoll Reisekostenstelle März");
        await PageChecks.CheckAsync(page, "wiki-09-new-from-template");
        await page.Button("Seite anlegen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Seite ist angelegt.");
        await Assertions.Expect(page.Locator(".wiki-breadcrumbs")).ToContainTextAsync("Reisekosten abrechnen");

        // Its author deletes it again: a page says what follows, then the parent shows the deletion.
        await main.GetByRole(AriaRole.Link, new() { Name = "Seite löschen" }).ClickAsync();
        await Assertions.Expect(page.Heading("Seite löschen: Protokoll Reisekostenstelle März")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "wiki-10-delete");
        await page.Button("Endgültig löschen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Seite „Protokoll Reisekostenstelle März“ ist gelöscht.");
        await Assertions.Expect(page.Heading("Reisekosten abrechnen")).ToBeVisibleAsync();
    }
}
