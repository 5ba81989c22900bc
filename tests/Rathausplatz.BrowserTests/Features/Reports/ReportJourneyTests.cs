using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Reports;

/// <summary>
/// A citizen reports a problem in the demo town: once with the map (a click fills the coordinates),
/// once without JavaScript by typing coordinates; then the report's public page and the list. Every
/// page with script is checked with axe at both widths; without script, screenshots only.
/// </summary>
public sealed class ReportJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ACitizenReportsAPotholeByClickingTheMap()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;

        await page.GotoAsync("/melden");
        await Assertions.Expect(page.Heading("Mangel melden")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "report-01-category");
        await page.GetByLabel("Straßenschaden", new() { Exact = true }).CheckAsync();
        await page.Button("Weiter").ClickAsync();

        // The map fits the districts (drawn as SVG paths) before the click, so the click lands in the town.
        var map = page.Locator(".report-map__canvas");
        await Assertions.Expect(map).ToBeVisibleAsync();
        await Assertions.Expect(map.Locator("svg path").First).ToBeAttachedAsync();
        await PageChecks.CheckAsync(page, "report-02-place");
        var box = await map.BoundingBoxAsync();
        await page.Mouse.ClickAsync(box!.X + box.Width / 2, box.Y + box.Height / 2);
        await Assertions.Expect(page.OptionalField("Breite (lat)")).Not.ToHaveValueAsync("");
        await Assertions.Expect(page.OptionalField("Länge (lon)")).Not.ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("[data-report-map-status]")).ToContainTextAsync("Ort gewählt");
        await page.Button("Weiter").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Schritt 3 von 3: Was ist los?" })).ToBeVisibleAsync();
        await page.Field("Beschreibung").FillAsync("Tiefes Schlagloch mitten auf der Fahrbahn, Radfahrer weichen aus.");
        await page.GetByLabel("Teilweise", new() { Exact = true }).CheckAsync();
        await PageChecks.CheckAsync(page, "report-03-details");
        await page.Button("Meldung absenden").ClickAsync();

        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Vielen Dank! Ihre Meldung hat die Nummer");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Straßenschaden – ");
        await Assertions.Expect(page.Locator(".report-map__canvas")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Teilweise");
        await PageChecks.CheckAsync(page, "report-04-detail");

        await page.GotoAsync("/meldungen?kategorie=strassenschaden&status=offen");
        await Assertions.Expect(page.Heading("Meldungen")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".report-map__canvas .leaflet-interactive").First).ToBeAttachedAsync();
        await PageChecks.CheckAsync(page, "report-05-list");
    }

    [Fact]
    public async Task ACitizenReportsRubbishByCoordinatesWithoutJavaScript()
    {
        await using var session = await app.OpenAsync(output, javaScript: false);
        var page = session.Page;

        await page.GotoAsync("/melden");
        await page.GetByLabel("Illegale Müllablagerung", new() { Exact = true }).CheckAsync();
        await page.Button("Weiter").ClickAsync();
        await Assertions.Expect(page.Locator(".report-map")).ToBeHiddenAsync();
        await PageChecks.ScreenshotAsync(page, "report-nojs-01-place");

        // Far outside the town: a clear refusal, the fields keep what was typed.
        await page.OptionalField("Breite (lat)").FillAsync("48.137");
        await page.OptionalField("Länge (lon)").FillAsync("11.575");
        await page.Button("Weiter").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("außerhalb des Gebiets");
        await PageChecks.ScreenshotAsync(page, "report-nojs-02-outside");

        await page.OptionalField("Breite (lat)").FillAsync("51,0051");
        await page.OptionalField("Länge (lon)").FillAsync("10.0052");
        await page.OptionalField("Adresse oder Ortsbeschreibung").FillAsync("Hinter dem Bolzplatz am Stadtpark");
        await page.Button("Weiter").ClickAsync();
        await page.Field("Beschreibung").FillAsync("Mehrere Säcke Bauschutt und ein alter Kühlschrank.");
        await page.OptionalField("E-Mail-Adresse für Rückmeldungen").FillAsync("melder.nojs@example.org");
        await PageChecks.ScreenshotAsync(page, "report-nojs-03-details");
        await page.Button("Meldung absenden").ClickAsync();

        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Bitte bestätigen Sie noch Ihre E-Mail-Adresse");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Hinter dem Bolzplatz am Stadtpark");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("melder.nojs@example.org");
        await PageChecks.ScreenshotAsync(page, "report-nojs-04-detail");
        var mail = await app.Mail.WaitForAsync(m => m.To.ToString().Contains("melder.nojs@example.org", StringComparison.OrdinalIgnoreCase), "the confirmation mail");
        Assert.Contains("/meldungen/", mail.TextBody);
    }
}
