using System.Text;
using System.Text.RegularExpressions;
using Rathausplatz.BrowserTests.Infrastructure;
using SkiaSharp;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Newsroom;

/// <summary>An editor adds an image and a PDF to the demo event through Chromium's file picker; both pages pass axe.</summary>
public sealed class PostMediaJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Editor = "redaktion@musterstadt.example";
    private const string Alt = "Buden mit Lichterketten vor dem Rathaus am Abend";

    [Fact]
    public async Task AnEditorUploadsAnImageAndAPdfAndTheEventPageShowsThem()
    {
        await using var session = await app.OpenSignedInAsync(Editor, output);
        var page = session.Page;
        await page.GotoAsync("/newsroom");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Weihnachtsmarkt auf dem Rathausplatz", Exact = true }).First.ClickAsync();
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Bilder und Anhänge", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/newsroom/[0-9a-f-]{36}/medien$"));

        await page.GetByLabel("Bilddatei").SetInputFilesAsync(new FilePayload { Name = "IMG_2044.png", MimeType = "image/png", Buffer = Png(1800, 1200) });
        await page.GetByLabel("Alternativtext").FillAsync(Alt);
        await page.GetByLabel("Bildnachweis und Lizenz").FillAsync("Foto: Stadt Musterstadt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bild hochladen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Das Bild ist gespeichert.")).ToBeVisibleAsync();

        await page.GetByLabel("PDF-Datei").SetInputFilesAsync(new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByLabel("Titel des Dokuments").FillAsync("Lageplan der Buden");
        await page.GetByRole(AriaRole.Button, new() { Name = "PDF hochladen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Das Dokument ist gespeichert.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main .media-list img")).ToHaveAttributeAsync("alt", Alt);
        await PageChecks.CheckAsync(page, "newsroom-media");

        await page.GotoAsync("/aktuelles/weihnachtsmarkt");
        var image = page.Locator("main article picture img");
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", Alt);
        await Assertions.Expect(image).ToBeVisibleAsync();
        // The browser chose one of the variants and could decode it.
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        Assert.Contains("/medien/bild/", await image.EvaluateAsync<string>("img => img.currentSrc"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Lageplan der Buden \(PDF, \d+ B\)$") })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "newsroom-detail-with-image");
    }

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(12, 40, 90));
            using var lights = new SKPaint { Color = new SKColor(250, 200, 60) };
            for (var x = 40; x < width; x += 120)
                canvas.DrawCircle(x, height / 3f, 18, lights);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
