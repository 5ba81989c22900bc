using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features;

public sealed class PublicPagesTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("/", "home")]
    [InlineData("/accounts/signin", "accounts-signin")]
    [InlineData("/accounts/register", "accounts-register")]
    [InlineData("/accounts/forgotpassword", "accounts-forgotpassword")]
    [InlineData("/accounts/resendconfirmation", "accounts-resendconfirmation")]
    [InlineData("/impressum", "impressum")]
    [InlineData("/datenschutz", "datenschutz")]
    [InlineData("/barrierefreiheit", "barrierefreiheit")]
    [InlineData("/netiquette", "netiquette")]
    public async Task APublicPageLoadsAndPassesAxeAtBothWidths(string path, string name)
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response?.Status);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await PageChecks.CheckAsync(page, name);
        output.WriteLine($"Screenshots: {PageChecks.ScreenshotFolder}/{name}-{{360,1280}}.png");
    }

    [Fact]
    public async Task AnUnknownPathShowsAnAccessibleNotFoundPage()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;

        var response = await page.GotoAsync("/does-not-exist");

        Assert.Equal(404, response?.Status);
        await Assertions.Expect(page.Heading("Seite nicht gefunden")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zur Startseite" })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "not-found");
        output.WriteLine($"Screenshots: {PageChecks.ScreenshotFolder}/not-found-{{360,1280}}.png");
    }

    [Fact]
    public async Task TheLanguageSwitchShowsThePageInEnglish()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Deutsch" })).ToBeVisibleAsync();
        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Heading("Welcome to Musterstadt")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "home-en");
        output.WriteLine($"Screenshots: {PageChecks.ScreenshotFolder}/home-en-{{360,1280}}.png");
    }
}
