using Rathausplatz.BrowserTests.Infrastructure;
using SkiaSharp;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Participation;

/// <summary>
/// A proposal with an image and a place in the demo town's process: refused without the image's alt text, then it shows
/// with its alt text, appears as a marker on the process page's map (with script) or in the plain list of places
/// (without), and its author edits it. The author then comments on it and edits the comment. Pages with script are
/// checked with axe at both widths; without script axe cannot run (it never answers there), so those pages get
/// screenshots and their states (refusal, open list of places, edited comment) are checked with axe in the script journey.
/// </summary>
public sealed class ProposalMediaJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ACitizenProposesWithAnImageSeesTheMarkerAndEdits()
    {
        await using var session = await app.OpenSignedInAsync("buerger@musterstadt.example", output);
        var page = session.Page;

        await page.GotoAsync("/beteiligung/marktplatz/vorschlagen");
        await page.Field("Titel").FillAsync("Schattensegel über dem Spielplatz");
        await page.Field("Ihr Vorschlag").FillAsync("Große Segel spenden im Sommer Schatten.");
        await page.OptionalField("Breite (lat)").FillAsync("51.0053");
        await page.OptionalField("Länge (lon)").FillAsync("10.0050");
        var sail = new FilePayload { Name = "segel.png", MimeType = "image/png", Buffer = Png(1200, 800) };
        await page.Field("Bild 1").SetInputFilesAsync(sail);
        var netiquette = page.GetByLabel("Ich habe die Netiquette gelesen und halte mich daran.");
        if (await netiquette.CountAsync() > 0)
            await netiquette.CheckAsync();
        await PageChecks.CheckAsync(page, "proposal-media-01-form");
        // Without the alt text: refused, the message at the field, the typed text kept, the image to be chosen again.
        await page.Button("Vorschlag veröffentlichen").ClickAsync();
        await Assertions.Expect(page.Locator("#bild1-alt-error")).ToContainTextAsync("Bitte beschreiben Sie Bild 1");
        await Assertions.Expect(page.Field("Titel")).ToHaveValueAsync("Schattensegel über dem Spielplatz");
        await Assertions.Expect(page.Locator(".proposal-image-fields")).ToContainTextAsync("Bitte wählen Sie die Bilder erneut aus.");
        await PageChecks.CheckAsync(page, "proposal-media-01-refused");
        await page.Field("Bild 1").SetInputFilesAsync(sail);
        await page.Field("Beschreibung von Bild 1 (Alternativtext)").FillAsync("Skizze: drei Segel über dem Sandkasten");
        if (await netiquette.CountAsync() > 0 && !await netiquette.IsCheckedAsync())
            await netiquette.CheckAsync();
        await page.Button("Vorschlag veröffentlichen").ClickAsync();

        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihr Vorschlag ist veröffentlicht");
        var image = page.Locator(".proposal-images img");
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", "Skizze: drei Segel über dem Sandkasten");
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0);
        await PageChecks.CheckAsync(page, "proposal-media-02-proposal");

        await page.GotoAsync("/beteiligung/marktplatz");
        var marker = page.Locator(".leaflet-marker-icon[title^='Schattensegel über dem Spielplatz']");
        await Assertions.Expect(marker).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-proposal-places]")).Not.ToHaveAttributeAsync("open", "");
        await marker.ClickAsync();
        await Assertions.Expect(page.Locator(".leaflet-popup-content a")).ToHaveTextAsync("Schattensegel über dem Spielplatz (Sammelt Unterstützung)");
        await page.Locator("#proposals-heading").ScrollIntoViewIfNeededAsync();
        await PageChecks.CheckAsync(page, "proposal-media-03-map");
        // The folded list of places opens on a click, as it stands open without script.
        var places = page.Locator("[data-proposal-places]");
        await places.Locator("summary").ClickAsync();
        await Assertions.Expect(places.GetByRole(AriaRole.Link, new() { Name = "Schattensegel über dem Spielplatz" })).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page, "proposal-media-03-places");
        await page.Locator(".leaflet-popup-content a").ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Vorschlag bearbeiten" }).ClickAsync();
        await Assertions.Expect(page.Heading("Vorschlag bearbeiten")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "proposal-media-04-edit");
        await page.Field("Titel").FillAsync("Schattensegel über dem Spielplatz am Markt");
        await page.Button("Änderungen speichern").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihre Änderungen sind gespeichert");
        await Assertions.Expect(page.Heading("Schattensegel über dem Spielplatz am Markt")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".post-facts")).ToContainTextAsync("Bearbeitet");

        await CommentAndEditAsync(page, "Die Segel bitte abnehmbar für den Winter.", "Die Segel bitte abnehmbar für Winter und Sturm.");
        await PageChecks.CheckAsync(page, "proposal-media-05-comment-edited");
    }

    /// <summary>Writes a comment on the open proposal page, then changes it through "Bearbeiten" under it.</summary>
    private static async Task CommentAndEditAsync(IPage page, string first, string changed)
    {
        await page.Field("Ihr Kommentar").FillAsync(first);
        await page.Button("Kommentar veröffentlichen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihr Kommentar ist veröffentlicht");
        var mine = page.Locator(".comment", new() { HasText = first });
        await mine.Locator("summary", new() { HasText = "Bearbeiten" }).ClickAsync();
        await mine.GetByLabel("Ihr Kommentar", new() { Exact = true }).FillAsync(changed);
        await mine.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern" }).ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihre Änderungen sind gespeichert");
        var edited = page.Locator(".comment", new() { HasText = changed });
        await Assertions.Expect(edited.Locator(".comment__edited").First).ToContainTextAsync("Bearbeitet");
    }

    [Fact]
    public async Task WithoutJavaScriptTheImageTheListOfPlacesAndEditingWork()
    {
        await using var session = await app.OpenSignedInAsync("gast@musterstadt.example", output, javaScript: false);
        var page = session.Page;

        await page.GotoAsync("/beteiligung/marktplatz/vorschlagen");
        await page.Field("Titel").FillAsync("Trinkbrunnen an der Kirche");
        await page.Field("Ihr Vorschlag").FillAsync("Mit Wasser für Hunde.");
        await page.OptionalField("Breite (lat)").FillAsync("51,0057");
        await page.OptionalField("Länge (lon)").FillAsync("10.0047");
        await page.Field("Bild 1").SetInputFilesAsync(new FilePayload { Name = "brunnen.png", MimeType = "image/png", Buffer = Png(800, 600) });
        await page.Button("Vorschlag veröffentlichen").ClickAsync();
        // The alt text was missing: refused, with the message at the field.
        await Assertions.Expect(page.Locator("#bild1-alt-error")).ToContainTextAsync("Bitte beschreiben Sie Bild 1");
        await PageChecks.ScreenshotAsync(page, "proposal-media-nojs-01-refused");
        await page.Field("Bild 1").SetInputFilesAsync(new FilePayload { Name = "brunnen.png", MimeType = "image/png", Buffer = Png(800, 600) });
        await page.Field("Beschreibung von Bild 1 (Alternativtext)").FillAsync("Ein Trinkbrunnen aus Stein");
        await page.Button("Vorschlag veröffentlichen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihr Vorschlag ist veröffentlicht");
        await Assertions.Expect(page.Locator(".proposal-images img")).ToHaveAttributeAsync("alt", "Ein Trinkbrunnen aus Stein");

        await page.GotoAsync("/beteiligung/marktplatz");
        await Assertions.Expect(page.Locator("[data-proposal-map]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-proposal-places]")).ToContainTextAsync("Trinkbrunnen an der Kirche");
        await PageChecks.ScreenshotAsync(page, "proposal-media-nojs-02-places");
        await page.Locator("[data-proposal-places]").GetByRole(AriaRole.Link, new() { Name = "Trinkbrunnen an der Kirche" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Vorschlag bearbeiten" }).ClickAsync();
        await page.Field("Ihr Vorschlag").FillAsync("Mit Wasser für Hunde und einer Schale auf Bodenhöhe.");
        await page.Button("Änderungen speichern").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihre Änderungen sind gespeichert");
        await Assertions.Expect(page.Locator(".proposal__body")).ToContainTextAsync("Schale auf Bodenhöhe");

        await CommentAndEditAsync(page, "Am besten mit einem Ablauf ins Beet.", "Am besten mit einem Ablauf ins Beet daneben.");
        await PageChecks.ScreenshotAsync(page, "proposal-media-nojs-03-comment-edited");
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(230, 240, 250));
            using var sail = new SKPaint { Color = new SKColor(200, 60, 40) };
            canvas.DrawRect(width / 4f, height / 4f, width / 2f, height / 3f, sail);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
