using System.Text;
using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Intranet;

/// <summary>
/// Mia Mitarbeit works in the demo project "Projekt Stadtpark": adds a task, moves it on the board with script off
/// (each card's own form), uploads a PDF and sees its preview. Pages with script are checked with axe at both widths.
/// </summary>
public sealed class SpaceWorkJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Staff = "mitarbeit@musterstadt.example";

    /// <summary>A one-page PDF with a line of text (PDFium rebuilds the missing cross-reference table).</summary>
    private static readonly byte[] Plan = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>endobj\n" +
        "4 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n" +
        "5 0 obj<</Length 44>>stream\nBT /F1 24 Tf 72 760 Td (Pflanzplan) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [Fact]
    public async Task StaffAddATaskMoveItOnTheBoardWithoutScriptAndPreviewAPdf()
    {
        string tasksUrl;
        await using (var session = await app.OpenSignedInAsync(Staff, output))
        {
            var page = session.Page;
            await page.GotoAsync("/intranet/raeume");
            await page.GetByRole(AriaRole.Link, new() { Name = "Projekt Stadtpark" }).ClickAsync();
            await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Aufgaben", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Pflanzplan mit dem Gärtnerverein abstimmen");
            tasksUrl = page.Url;
            await PageChecks.CheckAsync(page, "work-01-tasks");

            await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Neue Aufgabe" }).ClickAsync();
            await page.Field("Titel").FillAsync("Bänke streichen");
            await page.OptionalField("Beschreibung").FillAsync("Die drei Bänke am Teich, **vor** dem Pflanztermin.");
            await page.GetByLabel("Zuständig").SelectOptionAsync(new SelectOptionValue { Label = "Mia Mitarbeit" });
            await PageChecks.CheckAsync(page, "work-02-new-task");
            await page.Button("Aufgabe anlegen").ClickAsync();
            await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Aufgabe ist angelegt.");
            await PageChecks.CheckAsync(page, "work-03-task");
        }

        await using (var noScript = await app.OpenSignedInAsync(Staff, output, javaScript: false))
        {
            var page = noScript.Page;
            await page.GotoAsync(tasksUrl + "/board");
            var card = page.Locator(".task-card", new() { HasText = "Bänke streichen" });
            await card.Locator("button", new() { HasText = "In Arbeit" }).ClickAsync();
            await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Aufgabe steht jetzt unter „In Arbeit“.");
            var inProgress = page.Locator(".task-board__column", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "In Arbeit (2)" }) });
            await Assertions.Expect(inProgress).ToContainTextAsync("Bänke streichen");
            await PageChecks.ScreenshotAsync(page, "work-04-board-no-js");
        }

        await using (var session = await app.OpenSignedInAsync(Staff, output))
        {
            var page = session.Page;
            await page.GotoAsync(tasksUrl.Replace("/aufgaben", "/dokumente", StringComparison.Ordinal));
            await page.Field("Titel").FillAsync("Pflanzplan Stadtpark");
            await page.Locator("#File").SetInputFilesAsync(new FilePayload { Name = "pflanzplan.pdf", MimeType = "application/pdf", Buffer = Plan });
            await PageChecks.CheckAsync(page, "work-05-documents");
            await page.Button("Hochladen").ClickAsync();
            await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Das Dokument ist hochgeladen.");
            await Assertions.Expect(page.Heading("Pflanzplan Stadtpark")).ToBeVisibleAsync();

            // The preview frame loads the PDF from our own origin, inline, and the page's CSP lets it.
            var frame = page.Locator("iframe[title='Vorschau: Pflanzplan Stadtpark']");
            await Assertions.Expect(frame).ToBeVisibleAsync();
            var preview = await page.APIRequest.GetAsync((await frame.GetAttributeAsync("src"))!);
            Assert.Equal(200, preview.Status);
            Assert.Equal("application/pdf", preview.Headers["content-type"]);
            Assert.StartsWith("inline", preview.Headers["content-disposition"], StringComparison.Ordinal);
            await PageChecks.CheckAsync(page, "work-06-document");
        }
    }
}
