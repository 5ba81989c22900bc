using System.Text;
using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Participation;

/// <summary>
/// The editor prints a run of letter codes (the CSV arrives as a download), the clerk at the counter has the
/// same page without the print form, and a citizen confirms residency with a code from the file (the page is
/// a plain form without script). axe at both widths on every page.
/// </summary>
public sealed class ResidencyJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AnEditorPrintsCodesAndACitizenConfirmsResidencyWithOne()
    {
        string code;
        await using (var editor = await app.OpenSignedInAsync("redaktion@musterstadt.example", output))
        {
            await editor.Page.GotoAsync("/beteiligung/verwaltung");
            await editor.Page.GetByRole(AriaRole.Link, new() { Name = "Wohnsitz bestätigen (Verwaltung)" }).ClickAsync();
            await editor.Page.Field("Name der Auflage").FillAsync("Bürgerhaushalt 2027");
            await editor.Page.Field("Anzahl der Codes").FillAsync("5");
            var download = await editor.Page.RunAndWaitForDownloadAsync(() => editor.Page.Button("Codes erstellen und herunterladen").ClickAsync());
            var file = await download.PathAsync();
            var rows = (await File.ReadAllTextAsync(file, Encoding.UTF8)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(6, rows.Length);
            code = rows[1].Split(';')[1].Trim('"');
            await editor.Page.ReloadAsync();
            await Assertions.Expect(editor.Page.Locator("main table")).ToContainTextAsync("Bürgerhaushalt 2027");
            await PageChecks.CheckAsync(editor.Page, "residency-01-desk-editor");
        }

        await using (var clerk = await app.OpenSignedInAsync("mitarbeit@musterstadt.example", output))
        {
            await clerk.Page.GotoAsync("/beteiligung/verwaltung/wohnsitz");
            await Assertions.Expect(clerk.Page.Button("Codes erstellen und herunterladen")).ToHaveCountAsync(0);
            await PageChecks.CheckAsync(clerk.Page, "residency-02-desk-clerk");
        }

        await using var citizen = await app.OpenSignedInAsync("gast@musterstadt.example", output);
        await citizen.Page.GotoAsync("/beteiligung/wohnsitz");
        await PageChecks.CheckAsync(citizen.Page, "residency-03-form");
        await citizen.Page.Field("Code aus Ihrem Brief").FillAsync("nicht-mein-code");
        await citizen.Page.Button("Wohnsitz bestätigen").ClickAsync();
        await Assertions.Expect(citizen.Page.Locator("#error-summary")).ToContainTextAsync("Diesen Code kennen wir nicht");
        await citizen.Page.Field("Code aus Ihrem Brief").FillAsync(code.ToLowerInvariant());
        await citizen.Page.Button("Wohnsitz bestätigen").ClickAsync();
        await Assertions.Expect(citizen.Page.StatusMessage()).ToContainTextAsync("Ihr Wohnsitz ist bestätigt");
        await Assertions.Expect(citizen.Page.Locator("main")).ToContainTextAsync("mit dem Code aus Ihrem Brief");
        await PageChecks.CheckAsync(citizen.Page, "residency-04-confirmed");
    }
}
