using System.Text.RegularExpressions;
using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Accounts;

public sealed class StaffTwoFactorTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Staff = "mitarbeit@musterstadt.example";

    [Fact]
    public async Task StaffAreSentToTwoFactorSetUpAfterSignInUntilTheyHaveSetItUp()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;

        await page.SignInWithPasswordAsync(Staff, BrowserApp.DemoPassword);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts/twofactor"));
        await PageChecks.CheckAsync(page, "staff-twofactor-required");

        // Any other page leads back to the set-up while it is missing.
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts/twofactor"));
        await page.GotoAsync("/accounts/profile");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts/twofactor"));

        // Once set up, the staff member moves freely.
        var key = await page.AuthenticatorKeyAsync();
        await page.Field("Bestätigungscode").FillAsync(Ui.TotpCode(key));
        await page.Button("Zwei-Faktor-Anmeldung aktivieren").ClickAsync();
        await Assertions.Expect(page.Heading("Wiederherstellungscodes")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await Assertions.Expect(page.Heading("Willkommen in Musterstadt")).ToBeVisibleAsync();
    }
}
