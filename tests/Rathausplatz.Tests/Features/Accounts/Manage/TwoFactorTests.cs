using System.Net;
using System.Net.Http.Json;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Accounts.Manage;

/// <summary>
/// Two-factor sign-in with an authenticator app, checked against a third-party RFC 6238
/// implementation (Otp.NET): setting it up, signing in with it, recovery codes, and the rule that
/// staff roles must use it and cannot switch it off.
/// </summary>
public abstract class TwoFactorTests(RathausplatzApp app)
{
    private const string WrongCode = "Der Code ist falsch oder abgelaufen.";

    [Fact]
    public async Task WhoeverTakesTheirTimeToScanTheCodeStaysSignedIn()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);

        var setup = await client.GetPageAsync("/accounts/twofactor");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Trim();
        // Past the security stamp check's interval: the new key's stamp must be in the sign-in by now.
        app.AdvanceTime(TimeSpan.FromMinutes(3));

        using var me = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var enabled = await setup.FormWithButton("Zwei-Faktor-Anmeldung aktivieren").Set("Input.Code", AccountForms.CurrentCode(key)).SubmitAsync(client);
        Assert.Equal("/accounts/recoverycodes", enabled.RedirectTarget());
    }

    [Fact]
    public async Task ACitizenSetsUpTwoFactorsAndThenNeedsTheCodeToSignIn()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);

        var setup = await client.GetPageAsync("/accounts/twofactor");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Trim();
        using var enabled = await setup.FormWithButton("Zwei-Faktor-Anmeldung aktivieren")
            .Set("Input.Code", AccountForms.CurrentCode(key))
            .SubmitAsync(client);
        var codesPage = await client.GetPageAsync(enabled.RedirectTarget());
        using var signedOut = await client.SignOutAsync();
        using var password = await client.SubmitSignInAsync(user.Email, user.Password);
        using var meBetweenSteps = await client.GetAsync("/api/v1/me");
        using var wrong = await client.SubmitSecondFactorAsync(AccountForms.WrongCode(key));
        using var right = await client.SubmitSecondFactorAsync(AccountForms.CurrentCode(key));
        var me = await client.GetFromJsonAsync<AccountApi.Me>("/api/v1/me");

        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", key);
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.qr-code")!.GetAttribute("src"));
        Assert.Equal("/accounts/recoverycodes", enabled.RedirectTarget());
        Assert.Equal(10, codesPage.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Equal("/", signedOut.RedirectTarget());
        Assert.StartsWith("/accounts/signin2fa", password.RedirectTarget());
        Assert.Equal(HttpStatusCode.Unauthorized, meBetweenSteps.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal([WrongCode], (await wrong.ReadPageAsync()).ErrorMessages());
        Assert.Equal("/", right.RedirectTarget());
        Assert.True(me!.TwoFactorEnabled);
        Assert.True((await app.FindAccountAsync(organization, user.Email))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task AWrongCodeDoesNotSwitchTwoFactorsOn()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);
        var setup = await client.GetPageAsync("/accounts/twofactor");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;

        using var refused = await setup.FormWithButton("Zwei-Faktor-Anmeldung aktivieren").Set("Input.Code", AccountForms.WrongCode(key)).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal([WrongCode], (await refused.ReadPageAsync()).ErrorMessages());
        Assert.False((await app.FindAccountAsync(organization, user.Email))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task ARecoveryCodeSignsInOnceAndNotTwice()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);
        var setup = await client.GetPageAsync("/accounts/twofactor");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;
        using var enabled = await setup.FormWithButton("Zwei-Faktor-Anmeldung aktivieren").Set("Input.Code", AccountForms.CurrentCode(key)).SubmitAsync(client);
        var codes = (await client.GetPageAsync("/accounts/recoverycodes")).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        using var signedOut = await client.SignOutAsync();

        var first = app.CreateClient(organization);
        using var firstPassword = await first.SubmitSignInAsync(user.Email, user.Password);
        using var firstUse = await first.SubmitSecondFactorAsync(codes[0], recovery: true);
        var second = app.CreateClient(organization);
        using var secondPassword = await second.SubmitSignInAsync(user.Email, user.Password);
        using var secondUse = await second.SubmitSecondFactorAsync(codes[0], recovery: true);
        using var anotherCode = await second.SubmitSecondFactorAsync(codes[1], recovery: true);

        Assert.Equal("/", firstUse.RedirectTarget());
        Assert.Equal(HttpStatusCode.BadRequest, secondUse.StatusCode);
        Assert.Equal([WrongCode], (await secondUse.ReadPageAsync()).ErrorMessages());
        Assert.Equal("/", anotherCode.RedirectTarget());
    }

    [Fact]
    public async Task TheRecoveryCodesAreShownOnlyOnce()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);
        var setup = await client.GetPageAsync("/accounts/twofactor");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;
        using var enabled = await setup.FormWithButton("Zwei-Faktor-Anmeldung aktivieren").Set("Input.Code", AccountForms.CurrentCode(key)).SubmitAsync(client);

        var once = await client.GetPageAsync("/accounts/recoverycodes");
        using var again = await client.GetAsync("/accounts/recoverycodes");

        Assert.Equal(10, once.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Equal("/accounts/twofactor", again.RedirectTarget());
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.OrganizationAdmin)]
    public async Task StaffWithoutTwoFactorsAreSentToSetItUpFromEveryPage(string role)
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, role);
        var client = await app.SignInAsync(user);

        foreach (var path in role == Roles.OrganizationAdmin ? ["/", "/accounts/profile", "/accounts/changepassword", "/admin", "/admin/members"] : new[] { "/", "/accounts/profile", "/accounts/changepassword" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {(int)response.StatusCode}");
            Assert.Equal("/accounts/twofactor?required=true", response.RedirectTarget(), ignoreCase: true);
        }
        var setup = await client.GetPageAsync("/accounts/twofactor?required=true");
        Assert.Contains("Für Ihre Rolle ist die Zwei-Faktor-Anmeldung Pflicht. Bitte richten Sie sie jetzt ein.", setup.MainText());
    }

    [Fact]
    public async Task StaffWithoutTwoFactorsMayStillReadTheLegalPagesAndSignOut()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Staff);
        var client = await app.SignInAsync(user);

        foreach (var path in new[] { "/impressum", "/datenschutz", "/barrierefreiheit", "/netiquette", "/accounts/signout" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }
        using var signedOut = await client.SignOutAsync(from: "/datenschutz");
        using var me = await client.GetAsync("/api/v1/me");

        Assert.Equal("/", signedOut.RedirectTarget());
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task StaffWhoSetUpTwoFactorsGetThroughAtOnce()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Editor);
        var client = await app.SignInAsync(user);

        var setup = await client.GetPageAsync("/accounts/twofactor?required=true");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent;
        using var enabled = await setup.FormWithButton("Zwei-Faktor-Anmeldung aktivieren").Set("Input.Code", AccountForms.CurrentCode(key)).SubmitAsync(client);
        using var codes = await client.GetAsync(enabled.RedirectTarget());
        using var profile = await client.GetAsync("/accounts/profile");

        Assert.Equal(HttpStatusCode.OK, codes.StatusCode);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
    }

    [Fact]
    public async Task StaffCannotSwitchTwoFactorsOff()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var client = await app.SignInAsync(user);
        var page = await client.GetPageAsync("/accounts/twofactor");

        using var response = await client.PostHandMadeAsync(page, "/accounts/twofactor?handler=Disable");

        Assert.DoesNotContain(page.QuerySelectorAll("form"), f => f.TextContent.Contains("ausschalten"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Für Ihre Rolle ist die Zwei-Faktor-Anmeldung Pflicht."], (await response.ReadPageAsync()).ErrorMessages());
        Assert.True((await app.FindAccountAsync(organization, user.Email))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task ACitizenMaySwitchTwoFactorsOff()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserWithTwoFactorAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);
        var page = await client.GetPageAsync("/accounts/twofactor");

        using var response = await page.FormWithButton("Zwei-Faktor-Anmeldung ausschalten").SubmitAsync(client);
        using var signedOut = await client.SignOutAsync();
        using var signIn = await client.SubmitSignInAsync(user.Email, user.Password);

        Assert.Equal("/accounts/profile", response.RedirectTarget());
        Assert.False((await app.FindAccountAsync(organization, user.Email))!.TwoFactorEnabled);
        Assert.Equal("/", signIn.RedirectTarget());
    }
}

public sealed class SqliteTwoFactorTests(SqliteApp app) : TwoFactorTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTwoFactorTests(PostgresApp app) : TwoFactorTests(app), IClassFixture<PostgresApp>;
