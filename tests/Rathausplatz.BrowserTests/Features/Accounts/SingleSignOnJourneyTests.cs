using System.Text.RegularExpressions;
using Rathausplatz.BrowserTests.Infrastructure;
using Rathausplatz.Features.Accounts.SingleSignOn;
using Rathausplatz.Tests.Support;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Accounts;

/// <summary>
/// A new colleague signs in with the administration's identity provider (oidc-provider from npm standing in
/// for Keycloak): the button on the sign-in form, the provider's own login page, and back as staff, who then
/// set up two-factor sign-in here because this provider is not trusted to have asked for a second factor.
/// </summary>
public sealed class SingleSignOnJourneyTests(SingleSignOnBrowserApp app, ITestOutputHelper output) : IClassFixture<SingleSignOnBrowserApp>
{
    [Fact]
    public async Task ANewColleagueSignsInWithTheServiceAccountAndSetsUpTheSecondFactor()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;

        await page.GotoAsync("/accounts/signin");
        await PageChecks.CheckAsync(page, "sso-01-signin");
        await page.Button("Anmelden mit Dienstkonto der Stadtverwaltung").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.IdentityProvider.Authority.ToString())));
        await page.Locator("input[name=login]").FillAsync("neue.kollegin");
        await page.Locator("input[name=password]").FillAsync("beim-anbieter");
        await page.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/accounts/twofactor"));
        await PageChecks.CheckAsync(page, "sso-02-twofactor-required");
        var key = await page.AuthenticatorKeyAsync();
        await page.Field("Bestätigungscode").FillAsync(Ui.TotpCode(key));
        await page.Button("Zwei-Faktor-Anmeldung aktivieren").ClickAsync();
        await Assertions.Expect(page.Heading("Wiederherstellungscodes")).ToBeVisibleAsync();

        await page.GotoAsync("/intranet");
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/intranet");
        await Assertions.Expect(page.MainNavigation()).ToContainTextAsync("Abmelden");

        // Signing out here signs out at the provider too: its own question, then back at the start page; signing
        // in again asks for the password at the provider once more.
        await page.MainNavigation().GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.IdentityProvider.Authority.ToString())));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Sie sind abgemeldet.");
        await page.GotoAsync("/accounts/signin");
        await page.Button("Anmelden mit Dienstkonto der Stadtverwaltung").ClickAsync();
        await Assertions.Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
    }
}

/// <summary>The browser world with the demo town's staff signing in at a local identity provider.</summary>
public sealed class SingleSignOnBrowserApp : BrowserApp
{
    private const string Slug = "musterstadt";

    public TestIdentityProvider IdentityProvider { get; } = new();

    protected override async Task<IEnumerable<KeyValuePair<string, string?>>> MoreSettingsAsync()
    {
        await IdentityProvider.StartAsync(Slug);
        var section = $"{IdentityProviders.ConfigurationSection}:{Slug}";
        return
        [
            new($"{section}:Authority", IdentityProvider.Authority.ToString()),
            new($"{section}:ClientId", TestIdentityProvider.ClientId),
            new($"{section}:ClientSecret", TestIdentityProvider.ClientSecret),
            new($"{section}:DisplayName", "Dienstkonto der Stadtverwaltung"),
            new($"{section}:RequireHttpsMetadata", "false"),
        ];
    }

    protected override ValueTask StopServicesAsync() => IdentityProvider.DisposeAsync();
}
