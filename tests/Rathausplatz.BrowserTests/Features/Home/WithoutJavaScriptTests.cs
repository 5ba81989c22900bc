using Rathausplatz.BrowserTests.Infrastructure;

namespace Rathausplatz.BrowserTests.Features.Home;

public sealed class WithoutJavaScriptTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheHomePageAndSignInWorkWithoutJavaScript()
    {
        await using var session = await app.OpenAsync(javaScript: false);
        var page = session.Page;

        var response = await page.GotoAsync("/");
        Assert.Equal(200, response?.Status);
        await Assertions.Expect(page.Heading("Willkommen in Musterstadt")).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, "home-without-javascript");

        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await page.Field("E-Mail-Adresse").FillAsync("buerger@musterstadt.example");
        await page.Field("Passwort").FillAsync(BrowserApp.DemoPassword);
        await page.Button("Anmelden").ClickAsync();

        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Mein Konto" })).ToBeVisibleAsync();
        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Button, new() { Name = "Abmelden" })).ToBeVisibleAsync();
    }
}
