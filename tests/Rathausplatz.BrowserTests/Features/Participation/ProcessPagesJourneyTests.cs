using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Participation;

/// <summary>
/// An editor gives the demo process an information page and links a newsroom event as its meeting; a visitor
/// finds both on the process page. Every page is checked with axe at both widths.
/// </summary>
public sealed class ProcessPagesJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AnEditorAddsAnInformationPageAndAMeeting()
    {
        await using (var editor = await app.OpenSignedInAsync("redaktion@musterstadt.example", output))
        {
            var page = editor.Page;
            await page.GotoAsync("/beteiligung/verwaltung/verfahren/marktplatz");
            await page.GetByRole(AriaRole.Link, new() { Name = "Informations- und Ergebnisseiten, Termine" }).ClickAsync();
            await Assertions.Expect(page.Heading("Seiten und Termine")).ToBeVisibleAsync();
            await PageChecks.CheckAsync(page, "process-pages-01-manage");

            await page.GetByRole(AriaRole.Link, new() { Name = "Neue Informationsseite" }).ClickAsync();
            // Blanks pass the browser's own check of a required field; the server refuses them with a message at the field.
            await page.Field("Titel").FillAsync("   ");
            await page.Field("Text (Markdown)").FillAsync("Nur ein Satz.");
            await page.Button("Seite speichern").ClickAsync();
            await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
            await PageChecks.CheckAsync(page, "process-pages-02a-refused");
            await page.Field("Titel").FillAsync("Der Entwurf des Planungsbüros");
            await page.Field("Text (Markdown)").FillAsync("## Was geplant ist\n\n- Bäume an den Rändern\n- Ein Wasserspiel für Kinder");
            await page.GetByLabel("Veröffentlicht (sonst ein Entwurf, den nur die Redaktion sieht)").CheckAsync();
            await PageChecks.CheckAsync(page, "process-pages-02-new-page");
            await page.Button("Seite speichern").ClickAsync();
            await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Seite ist gespeichert.");

            await page.GetByRole(AriaRole.Link, new() { Name = "Zurück zu Seiten und Terminen" }).ClickAsync();
            var meeting = await page.Locator("#postId option", new() { HasText = "Bürgerversammlung Südstadt" }).GetAttributeAsync("value");
            await page.Field("Veranstaltung").SelectOptionAsync(meeting!);
            await page.Button("Termin verknüpfen").ClickAsync();
            await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Der Termin ist mit dem Verfahren verknüpft.");
            await PageChecks.CheckAsync(page, "process-pages-03-linked");
        }

        await using var visitor = await app.OpenAsync(output);
        await visitor.Page.GotoAsync("/beteiligung/marktplatz");
        await Assertions.Expect(visitor.Page.Locator("section[aria-labelledby=meetings-heading]")).ToContainTextAsync("Bürgerversammlung Südstadt");
        await PageChecks.CheckAsync(visitor.Page, "process-pages-04-process");
        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Der Entwurf des Planungsbüros" }).ClickAsync();
        await Assertions.Expect(visitor.Page.Heading("Der Entwurf des Planungsbüros")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Page.Locator(".prose li")).ToHaveCountAsync(2);
        await PageChecks.CheckAsync(visitor.Page, "process-pages-05-page");
    }
}
