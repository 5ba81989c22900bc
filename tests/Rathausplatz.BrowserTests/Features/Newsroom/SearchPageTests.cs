using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Newsroom;

/// <summary>The search box in the header leads to highlighted results, German spelling variants included.</summary>
public sealed class SearchPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheHeaderSearchFindsFriedhoefeWrittenWithoutUmlautAndMarksTheWord()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Search).GetByLabel("Suchbegriff").FillAsync("Friedhoefe");
        await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();

        await Assertions.Expect(page.Heading("Suche")).ToBeVisibleAsync();
        var hit = page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Sturmwarnung für das Stadtgebiet" });
        await Assertions.Expect(hit).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main mark").First).ToHaveTextAsync("Friedhöfe");
        await PageChecks.CheckAsync(page, "search-results");
    }
}
