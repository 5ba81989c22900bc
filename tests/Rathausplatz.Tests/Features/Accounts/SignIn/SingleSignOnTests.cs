using System.Net;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Accounts.SingleSignOn;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Accounts.SignIn;

/// <summary>
/// Staff sign in at the administration's identity provider (OpenID Connect): a real provider (oidc-provider
/// from npm) issues the code, the app redeems it over HTTP, ties or makes the account and signs it in.
/// </summary>
public abstract class SingleSignOnTests(SingleSignOnApp app)
{
    [Fact]
    public async Task ANewColleagueSignsInAtTheProviderAndWorksAsStaff()
    {
        var org = await app.OrganizationAsync();
        var client = app.CreateClient(org);

        Assert.Equal("/", await SignInAtProviderAsync(client, "neue.kollegin"));
        var account = await app.FindAccountAsync(org, "neue.kollegin@musterstadt.example");
        Assert.NotNull(account);
        Assert.Equal(("Neue Kollegin", true), (account.DisplayName, account.EmailConfirmed));
        Assert.Equal([Roles.Staff], account.Roles);

        // The provider asked for the second factor (TwoFactorAtProvider), so no set-up here, also after
        // the minute in which the sign-in is rebuilt from the account.
        using var intranet = await client.GetAsync("/intranet");
        Assert.Equal(HttpStatusCode.OK, intranet.StatusCode);
        app.AdvanceTime(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using var later = await client.GetAsync("/intranet");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task AnExistingAccountIsTiedByItsVerifiedAddressAndFoundAgainByTheProvidersSubject()
    {
        var org = await app.OrganizationAsync();
        var citizen = await app.CreateUserAsync(org, Roles.Citizen);

        Assert.Equal("/", await SignInAtProviderAsync(app.CreateClient(org), citizen.Email));
        Assert.Equal("/", await SignInAtProviderAsync(app.CreateClient(org), citizen.Email));

        var account = await app.FindAccountAsync(org, citizen.Email);
        Assert.Equal(citizen.Id, account!.Id);
        Assert.Equal([Roles.Citizen, Roles.Staff], account.Roles.Order());
    }

    [Fact]
    public async Task AnAddressTheProviderHasNotVerifiedMakesNoAccount()
    {
        var org = await app.OrganizationAsync();
        var accounts = await app.CountAccountsAsync(org);
        var client = app.CreateClient(org);

        using var refused = await ReturnFromProviderAsync(client, "unverified.jemand");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("keine bestätigte E-Mail-Adresse", (await refused.ReadPageAsync()).MainText());
        Assert.Equal(accounts, await app.CountAccountsAsync(org));
        using var intranet = await client.GetAsync("/intranet");
        Assert.Equal(HttpStatusCode.Redirect, intranet.StatusCode);
    }

    [Fact]
    public async Task TheSignInFormMayLeadToTheProviderAndNowhereElse()
    {
        var org = await app.OrganizationAsync();
        using var signIn = await app.CreateClient(org).GetAsync("/accounts/signin");
        var policy = string.Join(" ", signIn.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"form-action 'self' {app.IdentityProvider.Authority.GetLeftPart(UriPartial.Authority)};", policy);

        using var elsewhere = await app.CreateClient(org).GetAsync("/accounts/register");
        Assert.Contains("form-action 'self';", string.Join(" ", elsewhere.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task AForgedReturnFromTheProviderIsAClearRefusal()
    {
        var org = await app.OrganizationAsync();
        var client = app.CreateClient(org);

        using var forged = await client.GetAsync(IdentityProviders.CallbackPathFor(SingleSignOnApp.Slug) + "?code=erfunden&state=erfunden");
        var failed = forged.RedirectTarget();
        using var page = await client.GetAsync(failed);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("hat nicht geklappt", (await page.ReadPageAsync()).MainText());
    }

    [Fact]
    public async Task AnOrganisationWithoutAProviderOffersNone()
    {
        var other = await app.CreateOrganizationAsync();
        var client = app.CreateClient(other);

        var signIn = await client.GetPageAsync("/accounts/signin");
        Assert.Null(signIn.QuerySelector(".single-sign-on"));
        using var challenge = await client.PostHandMadeAsync(signIn, "/accounts/signin/extern");
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
    }

    [Fact]
    public async Task SigningOutHereSignsOutAtTheProviderTooAndComesBackToTheStartPage()
    {
        await app.OrganizationAsync();
        var client = app.CreateClient(await app.OrganizationAsync());
        Assert.Equal("/", await SignInAtProviderAsync(client, "abmeldende.kollegin"));
        // The sign-out form's redirect leads to the provider, and form-action covers redirects after a submission.
        Assert.Contains($"form-action 'self' {app.IdentityProvider.Authority.GetLeftPart(UriPartial.Authority)};", await PolicyOfAsync(client, "/"));
        var home = await client.GetPageAsync("/");

        using var signedOut = await home.Form("form[action='/accounts/signout']").SubmitAsync(client);
        var endSession = signedOut.Headers.Location!;
        Assert.Equal(app.IdentityProvider.Authority.Authority, endSession.Authority);
        var query = System.Web.HttpUtility.ParseQueryString(endSession.Query);
        Assert.False(string.IsNullOrEmpty(query["id_token_hint"]));
        Assert.Equal(IdentityProviders.SignedOutCallbackPathFor(SingleSignOnApp.Slug), new Uri(query["post_logout_redirect_uri"]!).AbsolutePath);
        // Signed out here already, before the provider answers.
        Assert.Contains("/accounts/signin", (await client.GetAsync("/intranet")).RedirectTarget());

        var back = await app.IdentityProvider.SignOutAsync(endSession);
        Assert.Equal(IdentityProviders.SignedOutCallbackPathFor(SingleSignOnApp.Slug), back.AbsolutePath);
        using var returned = await client.GetAsync(back.PathAndQuery);
        Assert.Equal("/", returned.RedirectTarget());
        Assert.Contains("Sie sind abgemeldet.", (await client.GetPageAsync("/")).MainText());
    }

    [Fact]
    public async Task SigningInAgainWhileSignedInKeepsOnlyTheNewSignInsTokenForSigningOut()
    {
        await app.OrganizationAsync();
        var client = app.CreateClient(await app.OrganizationAsync());
        Assert.Equal("/", await SignInAtProviderAsync(client, "doppelte.anmeldung"));
        var between = TimeProvider.System.GetUtcNow().UtcTicks;
        Assert.Equal("/", await SignInAtProviderAsync(client, "doppelte.anmeldung"));

        var home = await client.GetPageAsync("/");
        using var signedOut = await home.Form("form[action='/accounts/signout']").SubmitAsync(client);

        // The hint is the ID token of the second sign-in, not the first one's carried along beside it: its nonce
        // (which the app made as "ticks.random" when it sent the person to the provider) is younger than the first.
        var hint = System.Web.HttpUtility.ParseQueryString(signedOut.Headers.Location!.Query)["id_token_hint"]!;
        var payload = hint.Split('.')[1].Replace('-', '+').Replace('_', '/');
        using var token = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')));
        Assert.True(long.Parse(token.RootElement.GetProperty("nonce").GetString()!.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) > between,
            "The sign-out names the first sign-in's ID token.");
    }

    [Fact]
    public async Task SigningOutAfterAPasswordSignInStaysHere()
    {
        var org = await app.OrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var client = await app.CreateSignedInClientAsync(staff);
        Assert.Contains("form-action 'self';", await PolicyOfAsync(client, "/"));
        var home = await client.GetPageAsync("/");
        using var signedOut = await home.Form("form[action='/accounts/signout']").SubmitAsync(client);
        Assert.Equal("/", signedOut.RedirectTarget());
    }

    [Fact]
    public async Task AMemberOfAMappedGroupIsEditorAtOnceAndNoLongerAfterLeavingTheGroupAtTheProvider()
    {
        var org = await app.OrganizationAsync();
        var client = app.CreateClient(org);
        const string email = "gruppen.redakteurin@musterstadt.example";

        using (var recording = app.Logs.Record())
        {
            await app.IdentityProvider.SetGroupsAsync("gruppen.redakteurin", "/redaktion", "/verwaltung/presse");
            Assert.Equal("/", await SignInAtProviderAsync(client, "gruppen.redakteurin"));
            var change = Assert.Single(recording.Entries, e => e.Category == typeof(SignInWithIdentityProvider).FullName);
            Assert.Contains("added editor", change.Message);
            Assert.DoesNotContain(email, change.Message);
        }
        Assert.Equal([Roles.Editor], (await app.FindAccountAsync(org, email))!.Roles);
        // The sign-in that gave the role carries it: no minute to wait for the cookie's refresh.
        using var newsroom = await client.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, newsroom.StatusCode);

        // The administration took her out of the group: the next sign-in takes the role; she stays staff.
        var later = app.CreateClient(org);
        await app.IdentityProvider.SetGroupsAsync("gruppen.redakteurin", "/verwaltung/presse");
        Assert.Equal("/", await SignInAtProviderAsync(later, "gruppen.redakteurin"));
        Assert.Equal([Roles.Staff], (await app.FindAccountAsync(org, email))!.Roles);
        using var refused = await later.GetAsync("/newsroom");
        Assert.StartsWith("/error/403", refused.RedirectTarget());
    }

    [Fact]
    public async Task AnyOfTheGroupsMappedToARoleGivesItAndGroupNamesMatchExactly()
    {
        var org = await app.OrganizationAsync();

        await app.IdentityProvider.SetGroupsAsync("gruppen.it", "/it-administration");
        await app.IdentityProvider.SetGroupsAsync("gruppen.fast", "/Redaktion", "verwaltung/leitung", "/redaktion/presse");
        Assert.Equal("/", await SignInAtProviderAsync(app.CreateClient(org), "gruppen.it"));
        Assert.Equal("/", await SignInAtProviderAsync(app.CreateClient(org), "gruppen.fast"));

        Assert.Equal([Roles.OrganizationAdmin], (await app.FindAccountAsync(org, "gruppen.it@musterstadt.example"))!.Roles);
        Assert.Equal([Roles.Staff], (await app.FindAccountAsync(org, "gruppen.fast@musterstadt.example"))!.Roles);
    }

    [Fact]
    public async Task ARoleAnAdminGaveThatNoMappingNamesStaysWhenTheGroupsChange()
    {
        var org = await app.OrganizationAsync();
        const string email = "gruppen.moderator@musterstadt.example";
        await app.IdentityProvider.SetGroupsAsync("gruppen.moderator", "/redaktion");
        Assert.Equal("/", await SignInAtProviderAsync(app.CreateClient(org), "gruppen.moderator"));
        var member = (await app.FindAccountAsync(org, email))!;
        var admin = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.OrganizationAdmin));
        var page = await admin.GetPageAsync($"/admin/members/{member.Id}");
        using var saved = await page.FormWithButton("Rollen speichern").Check("SelectedRoles", Roles.Editor, Roles.Moderator).SubmitAsync(admin);
        Assert.Equal([Roles.Editor, Roles.Moderator], (await app.FindAccountAsync(org, email))!.Roles.Order());

        await app.IdentityProvider.SetGroupsAsync("gruppen.moderator");
        Assert.Equal("/", await SignInAtProviderAsync(app.CreateClient(org), "gruppen.moderator"));

        Assert.Equal([Roles.Moderator], (await app.FindAccountAsync(org, email))!.Roles);
    }

    [Fact]
    public async Task APlatformAdminsRoleIsNoneOfTheMappingsBusiness()
    {
        var org = await app.OrganizationAsync();
        var platformAdmin = await app.CreateUserAsync(org, Roles.PlatformAdmin);

        await app.IdentityProvider.SetGroupsAsync(platformAdmin.Email, "/verwaltung/leitung");
        Assert.Equal("/", await SignInAtProviderAsync(app.CreateClient(org), platformAdmin.Email));
        Assert.Equal([Roles.OrganizationAdmin, Roles.PlatformAdmin], (await app.FindAccountAsync(org, platformAdmin.Email))!.Roles.Order());
        await app.IdentityProvider.SetGroupsAsync(platformAdmin.Email);
        Assert.Equal("/", await SignInAtProviderAsync(app.CreateClient(org), platformAdmin.Email));
        Assert.Equal([Roles.PlatformAdmin], (await app.FindAccountAsync(org, platformAdmin.Email))!.Roles);
    }

    private static async Task<string> PolicyOfAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
    }

    /// <summary>Signs in through the provider's button and returns where the app finally sends the person.</summary>
    private async Task<string> SignInAtProviderAsync(HttpClient client, string login)
    {
        using var done = await ReturnFromProviderAsync(client, login);
        return done.RedirectTarget();
    }

    private async Task<HttpResponseMessage> ReturnFromProviderAsync(HttpClient client, string login)
    {
        var signIn = await client.GetPageAsync("/accounts/signin");
        using var challenge = await signIn.FormWithButton("Anmelden mit Dienstkonto Teststadt").SubmitAsync(client);
        var authorize = challenge.Headers.Location!;
        Assert.Equal(app.IdentityProvider.Authority.Authority, authorize.Authority);

        var back = await app.IdentityProvider.SignInAsync(authorize, login);
        Assert.Equal(IdentityProviders.CallbackPathFor(SingleSignOnApp.Slug), back.AbsolutePath);
        using var redeemed = await client.GetAsync(back.PathAndQuery);
        return await client.GetAsync(redeemed.RedirectTarget());
    }
}

/// <summary>The app with one organisation, "Teststadt", whose staff sign in at the test identity provider.</summary>
public abstract class SingleSignOnApp(DatabaseProvider provider) : RathausplatzApp(provider)
{
    public const string Slug = "teststadt";
    private Task<TestOrganization>? organization;

    public TestIdentityProvider IdentityProvider { get; } = new();

    public Task<TestOrganization> OrganizationAsync() => organization ??= CreateOrganizationAsync("Teststadt", Slug);

    protected override Task StartServicesAsync() => IdentityProvider.StartAsync(Slug);

    protected override ValueTask StopServicesAsync() => IdentityProvider.DisposeAsync();

    protected override IEnumerable<KeyValuePair<string, string?>> MoreSettings() =>
    [
        new($"{IdentityProviders.ConfigurationSection}:{Slug}:Authority", IdentityProvider.Authority.ToString()),
        new($"{IdentityProviders.ConfigurationSection}:{Slug}:ClientId", TestIdentityProvider.ClientId),
        new($"{IdentityProviders.ConfigurationSection}:{Slug}:ClientSecret", TestIdentityProvider.ClientSecret),
        new($"{IdentityProviders.ConfigurationSection}:{Slug}:DisplayName", "Dienstkonto Teststadt"),
        new($"{IdentityProviders.ConfigurationSection}:{Slug}:RequireHttpsMetadata", "false"),
        new($"{IdentityProviders.ConfigurationSection}:{Slug}:TwoFactorAtProvider", "true"),
        // The test provider sends "groups" (the default GroupsClaim); moderator is left to the admins.
        new($"{IdentityProviders.ConfigurationSection}:{Slug}:Roles:{Roles.Editor}:0", "/redaktion"),
        new($"{IdentityProviders.ConfigurationSection}:{Slug}:Roles:{Roles.OrganizationAdmin}:0", "/verwaltung/leitung"),
        new($"{IdentityProviders.ConfigurationSection}:{Slug}:Roles:{Roles.OrganizationAdmin}:1", "/it-administration"),
    ];
}

public sealed class SqliteSingleSignOnApp() : SingleSignOnApp(DatabaseProvider.Sqlite);

public sealed class PostgresSingleSignOnApp() : SingleSignOnApp(DatabaseProvider.Postgres);

public sealed class SqliteSingleSignOnTests(SqliteSingleSignOnApp app) : SingleSignOnTests(app), IClassFixture<SqliteSingleSignOnApp>;

public sealed class PostgresSingleSignOnTests(PostgresSingleSignOnApp app) : SingleSignOnTests(app), IClassFixture<PostgresSingleSignOnApp>;
