using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Accounts;

/// <summary>The account pages of a signed-in citizen (the demo citizen, signed in once for the class).</summary>
public sealed class CitizenAccountPagesTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Citizen = "buerger@musterstadt.example";

    [Theory]
    [InlineData("/accounts/profile", "Mein Konto", "accounts-profile")]
    [InlineData("/accounts/changepassword", "Passwort ändern", "accounts-changepassword")]
    [InlineData("/accounts/changeemail", "E-Mail-Adresse ändern", "accounts-changeemail")]
    [InlineData("/accounts/passkeys", "Passkeys", "accounts-passkeys")]
    [InlineData("/accounts/twofactor", "Zwei-Faktor-Anmeldung", "accounts-twofactor-setup")]
    [InlineData("/accounts/delete", "Konto löschen", "accounts-delete")]
    public async Task ASignedInCitizensAccountPageLoadsAndPassesAxeAtBothWidths(string path, string heading, string name)
    {
        await using var session = await app.OpenSignedInAsync(Citizen, output);
        var page = session.Page;

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response?.Status);
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + path);
        await Assertions.Expect(page.Heading(heading)).ToBeVisibleAsync();
        await Assertions.Expect(page.MyAccountLink()).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, name);
    }

    [Fact]
    public async Task TheTwoFactorPageShowsTheSetUpWithKeyAndQrCodeToACitizenWithoutIt()
    {
        await using var session = await app.OpenSignedInAsync(Citizen, output);
        var page = session.Page;

        await page.GotoAsync("/accounts/twofactor");

        await Assertions.Expect(page.Locator("#authenticator-key")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-Code mit dem Schlüssel für die Authenticator-App" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Field("Bestätigungscode")).ToBeEditableAsync();
        // A citizen chooses freely: no "required" warning.
        await Assertions.Expect(page.GetByText("Für Ihre Rolle ist die Zwei-Faktor-Anmeldung Pflicht.")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AWrongCurrentPasswordIsRefusedWithAnErrorSummaryLinkedToTheField()
    {
        await using var session = await app.OpenSignedInAsync(Citizen, output);
        var page = session.Page;
        await page.GotoAsync("/accounts/changepassword");

        await page.Field("Bisheriges Passwort").FillAsync("Ganz-falsches-Passwort-1");
        await page.Field("Neues Passwort").FillAsync("Ein-neues-langes-Passwort-2026");
        await page.Field("Neues Passwort wiederholen").FillAsync("Ein-neues-langes-Passwort-2026");
        await page.Button("Passwort speichern").ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Bitte prüfen Sie Ihre Angaben" }) });
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#Input_CurrentPassword");
        await Assertions.Expect(page.Field("Bisheriges Passwort")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Field("Neues Passwort")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/accounts/changepassword");
        await PageChecks.CheckAsync(page, "accounts-changepassword-wrong-current");

        // The demo password still works: nothing was changed.
        await page.SignOutAsync();
        await page.SignInWithPasswordAsync(Citizen, BrowserApp.DemoPassword);
        await Assertions.Expect(page.MyAccountLink()).ToBeVisibleAsync();
    }
}
