using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Home;

public sealed class WithoutJavaScriptTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheHomePageSignInAndSignOutWorkWithoutJavaScript()
    {
        await using var session = await app.OpenAsync(output, javaScript: false);
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
        await page.MainNavigation().GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();

        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Anmelden", Exact = true })).ToBeVisibleAsync();
    }
}
