using System.Net;
using System.Net.Http.Json;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Accounts.Manage;

/// <summary>"Mein Konto": name and language, password, and an e-mail change that waits for the new address to answer.</summary>
public abstract class ProfileTests(RathausplatzApp app)
{
    private const string NewPassword = "Ein-neues-langes-Passwort-2026";

    [Fact]
    public async Task ANewNameAndEnglishAreSavedAndTheSiteAndMailsSwitchToEnglish()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);
        var page = await client.GetPageAsync("/accounts/profile");

        using var saved = await page.Form("main form").Set("Input.DisplayName", "Bea Neuname").Set("Input.PreferredLanguage", "en").SubmitAsync(client);
        var after = await client.GetPageAsync("/accounts/profile");
        var me = await client.GetFromJsonAsync<AccountApi.Me>("/api/v1/me");

        Assert.Equal("/accounts/profile", saved.RedirectTarget());
        Assert.Equal("en", after.DocumentElement.GetAttribute("lang"));
        Assert.Equal("My account", after.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("Bea Neuname", me!.DisplayName);
        var account = await app.FindAccountAsync(organization, user.Email);
        Assert.Equal(("Bea Neuname", "en"), (account!.DisplayName, account.PreferredLanguage));
    }

    [Fact]
    public async Task MailsToSomeoneWhoChoseEnglishAreInEnglish()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);
        var page = await client.GetPageAsync("/accounts/profile");
        using var saved = await page.Form("main form").Set("Input.PreferredLanguage", "en").SubmitAsync(client);

        // Asked for on a German page: the mail follows the person's choice, not the page's language.
        var anonymous = app.CreateClient(organization);
        var forgot = await anonymous.GetPageAsync("/accounts/forgotpassword");
        using var requested = await forgot.Form("main form").Set("Input.Email", user.Email).SubmitAsync(anonymous);
        await app.RunJobsUntilIdleAsync();

        var mail = Assert.Single(app.Mail.MessagesTo(user.Email));
        Assert.StartsWith("Reset your password", mail.Subject);
        Assert.Contains("The link is valid for 24 hours.", mail.TextBody);
    }

    [Theory]
    [InlineData("Input.DisplayName", "", "Bitte geben Sie Ihren Namen an.")]
    [InlineData("Input.DisplayName", "3000", "Höchstens 100 Zeichen.")]
    [InlineData("Input.PreferredLanguage", "fr", "Bitte wählen Sie eine Sprache.")]
    public async Task BadProfileInputIsRefusedAndNothingChanges(string field, string value, string message)
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);
        var page = await client.GetPageAsync("/accounts/profile");
        var form = page.Form("main form");
        value = value == "3000" ? new string('x', 3000) : value;

        using var response = await (field == "Input.PreferredLanguage" ? form.Tamper(field, value) : form.Set(field, value)).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ReadPageAsync()).ErrorMessages());
        var account = await app.FindAccountAsync(organization, user.Email);
        Assert.Equal((user.DisplayName, "de"), (account!.DisplayName, account.PreferredLanguage));
    }

    [Fact]
    public async Task AWrongCurrentPasswordIsRefused()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);

        using var response = await ChangePasswordAsync(client, "Nicht-das-richtige-Passwort", NewPassword);
        using var oldStillWorks = await app.CreateClient(organization).SubmitSignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Das Passwort ist falsch."], (await response.ReadPageAsync()).ErrorMessages());
        Assert.Equal("/", oldStillWorks.RedirectTarget());
    }

    [Fact]
    public async Task ANewPasswordReplacesTheOldOneAndThisDeviceStaysSignedIn()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);

        using var response = await ChangePasswordAsync(client, user.Password, NewPassword);
        app.AdvanceTime(TimeSpan.FromMinutes(2)); // past the security stamp check
        using var stillSignedIn = await client.GetAsync("/api/v1/me");
        using var withOld = await app.CreateClient(organization).SubmitSignInAsync(user.Email, user.Password);
        using var withNew = await app.CreateClient(organization).SubmitSignInAsync(user.Email, NewPassword);

        Assert.Equal("/accounts/profile", response.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withOld.StatusCode);
        Assert.Equal("/", withNew.RedirectTarget());
    }

    [Fact]
    public async Task ANewPasswordSignsOutOtherDevicesWithinAMinute()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var phone = await app.SignInAsync(user);
        var laptop = await app.SignInAsync(user);

        using var changed = await ChangePasswordAsync(laptop, user.Password, NewPassword);
        using var phoneAtOnce = await phone.GetAsync("/api/v1/me");
        app.AdvanceTime(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using var phoneAfterAMinute = await phone.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, phoneAtOnce.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, phoneAfterAMinute.StatusCode);
    }

    [Fact]
    public async Task AnEmailChangeMailsOnlyTheNewAddressAndWaitsForItsLink()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);
        var newEmail = Unique.Name("neu") + "@example.org";

        using var requested = await ChangeEmailAsync(client, newEmail, user.Password);
        await app.RunJobsUntilIdleAsync();
        var mail = Assert.Single(app.Mail.MessagesTo(newEmail));
        using var oldBeforeLink = await app.CreateClient(organization).SubmitSignInAsync(user.Email, user.Password);
        using var newBeforeLink = await app.CreateClient(organization).SubmitSignInAsync(newEmail, user.Password);
        using var opened = await app.CreateClient(organization).GetAsync(mail.Link());
        using var oldAfterLink = await app.CreateClient(organization).SubmitSignInAsync(user.Email, user.Password);
        using var newAfterLink = await app.CreateClient(organization).SubmitSignInAsync(newEmail, user.Password);

        Assert.Equal("/accounts/profile", requested.RedirectTarget());
        Assert.Empty(app.Mail.MessagesTo(user.Email));
        Assert.Contains("Neue E-Mail-Adresse bestätigen", mail.Subject);
        Assert.Equal("/", oldBeforeLink.RedirectTarget());
        Assert.Equal(HttpStatusCode.BadRequest, newBeforeLink.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("E-Mail-Adresse geändert", (await opened.ReadPageAsync()).QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.BadRequest, oldAfterLink.StatusCode);
        Assert.Equal("/", newAfterLink.RedirectTarget());
        Assert.Equal(user.Id, (await app.FindAccountAsync(organization, newEmail))!.Id);
    }

    [Fact]
    public async Task AnEmailChangeToAnAddressWithAnApostropheChangesTheSignInToo()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);
        var newEmail = $"o'neil.{Unique.Name("neu")}@example.org";

        using var requested = await ChangeEmailAsync(client, newEmail, user.Password);
        await app.RunJobsUntilIdleAsync();
        using var opened = await app.CreateClient(organization).GetAsync(Assert.Single(app.Mail.MessagesTo(newEmail)).Link());
        using var withOld = await app.CreateClient(organization).SubmitSignInAsync(user.Email, user.Password);
        using var withNew = await app.CreateClient(organization).SubmitSignInAsync(newEmail, user.Password);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withOld.StatusCode);
        Assert.Equal("/", withNew.RedirectTarget());
    }

    [Fact]
    public async Task AnEmailChangeNeedsTheRightPassword()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);
        var newEmail = Unique.Name("neu") + "@example.org";

        using var response = await ChangeEmailAsync(client, newEmail, "Nicht-das-richtige-Passwort");
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Das Passwort ist falsch."], (await response.ReadPageAsync()).ErrorMessages());
        Assert.Empty(app.Mail.MessagesTo(newEmail));
    }

    [Fact]
    public async Task AnEmailChangeToATakenAddressAnswersTheSameAndSendsNothing()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var other = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);

        using var response = await ChangeEmailAsync(client, other.Email, user.Password);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal("/accounts/profile", response.RedirectTarget());
        Assert.Empty(app.Mail.MessagesTo(other.Email));
        Assert.Empty(app.Mail.MessagesTo(user.Email));
    }

    [Theory]
    [InlineData("kein JSON", true)]
    [InlineData("""{"id":"abc","rawId":"abc","type":"public-key","response":{}}""", true)]
    [InlineData("{}", false)] // no options asked for, so no ceremony is underway, as when its state cookie expired
    public async Task APasskeyThatIsNoCredentialIsNotSaved(string credential, bool askedForOptions)
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = await app.SignInAsync(user);
        var page = await client.GetPageAsync("/accounts/passkeys");
        if (askedForOptions)
        {
            using var options = await client.PostHandMadeAsync(page, "/accounts/passkeys?handler=CreationOptions");
            Assert.Equal("application/json", options.Content.Headers.ContentType?.MediaType);
        }

        using var added = await client.PostHandMadeAsync(page, "/accounts/passkeys?handler=Add", ("CredentialJson", credential), ("Name", "Telefon"));
        var after = await client.GetPageAsync("/accounts/passkeys");

        Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
        Assert.Equal(["Der Passkey konnte nicht gespeichert werden. Bitte versuchen Sie es erneut."], (await added.ReadPageAsync()).ErrorMessages());
        Assert.Null(after.QuerySelector("#passkeys"));
    }

    [Fact]
    public async Task TheAccountPagesNeedASignedInUser()
    {
        var organization = await app.CreateOrganizationAsync();

        foreach (var path in new[] { "/accounts/profile", "/accounts/changepassword", "/accounts/changeemail", "/accounts/twofactor", "/accounts/passkeys" })
        {
            using var response = await app.CreateClient(organization).GetAsync(path);
            Assert.StartsWith("/accounts/signin?ReturnUrl=", response.RedirectTarget());
        }
    }

    private static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next)
    {
        var page = await client.GetPageAsync("/accounts/changepassword");
        return await page.Form("main form")
            .Set("Input.CurrentPassword", current)
            .Set("Input.NewPassword", next)
            .Set("Input.ConfirmPassword", next)
            .SubmitAsync(client);
    }

    private static async Task<HttpResponseMessage> ChangeEmailAsync(HttpClient client, string newEmail, string password)
    {
        var page = await client.GetPageAsync("/accounts/changeemail");
        return await page.Form("main form").Set("Input.NewEmail", newEmail).Set("Input.Password", password).SubmitAsync(client);
    }
}

public sealed class SqliteProfileTests(SqliteApp app) : ProfileTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProfileTests(PostgresApp app) : ProfileTests(app), IClassFixture<PostgresApp>;
