using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Intranet;

/// <summary>
/// Mia Mitarbeit (staff, member of "Digitale Verwaltung") searches the intranet from /intranet for "buergerbuero" (the
/// umlauts spelt out), sees the space wiki's page with the word marked, narrows the results to wiki pages and follows
/// the hit. Every page is checked with axe at both widths.
/// </summary>
public sealed class SearchJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AMemberSearchesSeesTheMarkedHitAndFollowsIt()
    {
        await using var staff = await app.OpenSignedInAsync("mitarbeit@musterstadt.example", output);
        var page = staff.Page;
        var main = page.Locator("main");

        await page.GotoAsync("/intranet");
        await PageChecks.CheckAsync(page, "search-00-intranet");
        await page.GetByLabel("Im Intranet suchen").FillAsync("buergerbuero");
        await main.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Assertions.Expect(page.Heading("Suche im Intranet")).ToBeVisibleAsync();
        var hit = page.Locator(".intranet-result").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "E-Akte im Bürgerbüro", Exact = true }) });
        await Assertions.Expect(hit).ToBeVisibleAsync();
        await Assertions.Expect(hit.Locator("mark").First).ToHaveTextAsync("Bürgerbüro");
        await Assertions.Expect(hit).ToContainTextAsync("Wiki-Seite");
        await Assertions.Expect(hit).ToContainTextAsync("in Digitale Verwaltung");
        await PageChecks.CheckAsync(page, "search-01-results");

        await main.GetByRole(AriaRole.Navigation, new() { Name = "Nach Art filtern" }).GetByRole(AriaRole.Link, new() { NameRegex = new("^Wiki-Seiten") }).ClickAsync();
        await Assertions.Expect(page.Locator(".intranet-result .kern-badge")).ToHaveTextAsync(["Wiki-Seite"]);
        await PageChecks.CheckAsync(page, "search-02-wiki-only");

        await hit.GetByRole(AriaRole.Link, new() { Name = "E-Akte im Bürgerbüro", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Heading("E-Akte im Bürgerbüro")).ToBeVisibleAsync();
    }
}
