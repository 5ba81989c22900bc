using System.Net;
using System.Text.RegularExpressions;
using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Accounts;

public sealed partial class AccountJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Email = "neu.buergerin@example.org";
    private const string Password = "Ein-langes-Passwort-2026";

    [Fact]
    public async Task ACitizenRegistersConfirmsSetsUpTwoFactorAndSignsInWithACode()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;

        // Register.
        await page.GotoAsync("/accounts/register");
        await PageChecks.CheckAsync(page, "journey-01-register");
        await page.Field("Name").FillAsync("Nora Neu");
        await page.Field("E-Mail-Adresse").FillAsync(Email);
        await page.Field("Passwort").FillAsync(Password);
        await page.Field("Passwort wiederholen").FillAsync(Password);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Ich habe die Datenschutzerklärung gelesen" }).CheckAsync();
        await page.Button("Konto anlegen").ClickAsync();
        await Assertions.Expect(page.Heading("Bitte bestätigen Sie Ihre E-Mail-Adresse")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "journey-02-confirm-pending");

        // Confirm the address with the link from the mail.
        var mail = await app.Mail.WaitForAsync(
            m => m.To.ToString().Contains(Email, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? "").Contains("E-Mail-Adresse bestätigen"),
            $"with subject 'E-Mail-Adresse bestätigen' to {Email}");
        var link = ConfirmationLink().Match(mail.TextBody ?? mail.HtmlBody ?? "");
        Assert.True(link.Success, $"The confirmation mail has no link to /accounts/confirm:\n{mail.TextBody ?? mail.HtmlBody}");
        var url = WebUtility.HtmlDecode(link.Value);
        Assert.StartsWith(app.BaseUrl + "/accounts/confirm?", url);
        await page.GotoAsync(url);
        await Assertions.Expect(page.Heading("E-Mail-Adresse bestätigt")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "journey-03-confirmed");

        // Sign in with the password.
        await page.GotoAsync("/accounts/signin");
        await PageChecks.CheckAsync(page, "journey-04-signin");
        await page.Field("E-Mail-Adresse").FillAsync(Email);
        await page.Field("Passwort").FillAsync(Password);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Angemeldet bleiben" }).CheckAsync();
        await page.Button("Anmelden").ClickAsync();
        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Mein Konto" })).ToBeVisibleAsync();
        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Button, new() { Name = "Abmelden" })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "journey-05-signed-in");

        // Set up two-factor sign-in from the profile.
        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Mein Konto" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/accounts/profile");
        await PageChecks.CheckAsync(page, "journey-06-profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Zwei-Faktor-Anmeldung einrichten" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts/twofactor"));
        await Assertions.Expect(page.Locator("main img").First).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "journey-07-twofactor");
        var key = await page.AuthenticatorKeyAsync();
        Assert.Matches("^[A-Z2-7]+=*$", key.ToUpperInvariant());
        await page.Field("Bestätigungscode").FillAsync(Ui.TotpCode(key));
        await page.Button("Zwei-Faktor-Anmeldung aktivieren").ClickAsync();
        await Assertions.Expect(page.Heading("Wiederherstellungscodes")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#recovery-codes")).ToBeVisibleAsync();
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#recovery-codes").InnerTextAsync()), "No recovery codes are listed.");
        await PageChecks.CheckAsync(page, "journey-08-recovery-codes");

        // Sign out.
        await page.MainNavigation().GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Anmelden", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Mein Konto" })).ToHaveCountAsync(0);
        await PageChecks.CheckAsync(page, "journey-09-signed-out");

        // Sign in again: now the password is followed by a code from the app.
        await page.SignInWithPasswordAsync(Email, Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts/signin2fa"));
        await PageChecks.CheckAsync(page, "journey-10-signin2fa");
        await page.Field("Code aus der Authenticator-App").FillAsync(Ui.TotpCode(key));
        await page.Button("Bestätigen").ClickAsync();
        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Mein Konto" })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "journey-11-signed-in-with-code");
    }

    [Fact]
    public async Task AnEmptyRegistrationShowsAnAccessibleErrorSummaryLinkedToTheFields()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;
        await page.GotoAsync("/accounts/register");

        await page.Button("Konto anlegen").ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Bitte prüfen Sie Ihre Angaben" }) });
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(page.Field("E-Mail-Adresse")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "accounts-register-errors");
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithAnAccessibleMessage()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;

        // An unknown address, so no demo account moves towards its lockout.
        await page.SignInWithPasswordAsync("niemand@example.org", "Falsches-Passwort-123");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-Mail-Adresse oder Passwort ist falsch.");
        await Assertions.Expect(page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Mein Konto" })).ToHaveCountAsync(0);
        await PageChecks.CheckAsync(page, "accounts-signin-failed");
    }

    [GeneratedRegex(@"http://localhost:\d+/accounts/confirm\?[^\s""'<>]+")]
    private static partial Regex ConfirmationLink();
}
