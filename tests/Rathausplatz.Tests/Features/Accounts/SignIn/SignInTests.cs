using System.Net;
using System.Net.Http.Json;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Accounts.SignIn;

/// <summary>The password form: right and wrong passwords, a lockout after five wrong ones, no server errors for odd input.</summary>
public abstract class SignInTests(RathausplatzApp app)
{
    private const string Locked = "Ihr Konto ist nach mehreren Fehlversuchen für 15 Minuten gesperrt. Bitte versuchen Sie es später erneut oder setzen Sie Ihr Passwort zurück.";

    [Fact]
    public async Task TheRightPasswordSignsInAndGoesBackToTheLocalReturnUrl()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = app.CreateClient(organization);
        var page = await client.GetPageAsync("/accounts/signin?ReturnUrl=%2Faccounts%2Fprofile");

        using var response = await page.Form("main form").Set("Input.Email", user.Email).Set("Input.Password", user.Password).SubmitAsync(client);
        var me = await client.GetFromJsonAsync<AccountApi.Me>("/api/v1/me");

        Assert.Equal("/accounts/profile", response.RedirectTarget());
        Assert.Equal(user.Email, me!.Email);
    }

    [Fact]
    public async Task AReturnUrlToAnotherSiteLeadsHome()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = app.CreateClient(organization);
        var page = await client.GetPageAsync("/accounts/signin?ReturnUrl=https%3A%2F%2Fevil.example%2F");

        using var response = await page.Form("main form").Set("Input.Email", user.Email).Set("Input.Password", user.Password).SubmitAsync(client);

        Assert.Equal("/", response.RedirectTarget());
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownAddressGetTheSameAnswer()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);

        using var wrongPassword = await app.CreateClient(organization).SubmitSignInAsync(user.Email, "Falsches-Passwort-123");
        using var unknown = await app.CreateClient(organization).SubmitSignInAsync(Unique.Name("niemand") + "@example.org", "Falsches-Passwort-123");

        foreach (var response in new[] { wrongPassword, unknown })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(["E-Mail-Adresse oder Passwort ist falsch."], (await response.ReadPageAsync()).ErrorMessages());
        }
    }

    [Fact]
    public async Task AnAccountOfAnotherOrganizationCannotSignInHere()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(a, Roles.Citizen);

        using var atB = await app.CreateClient(b).SubmitSignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.BadRequest, atB.StatusCode);
        Assert.Equal(["E-Mail-Adresse oder Passwort ist falsch."], (await atB.ReadPageAsync()).ErrorMessages());
    }

    [Fact]
    public async Task AfterFiveWrongPasswordsEvenTheRightOneIsRefused()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = app.CreateClient(organization);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SubmitSignInAsync(user.Email, $"Falsches-Passwort-{attempt}");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        using var right = await client.SubmitSignInAsync(user.Email, user.Password);
        var lockoutEnd = await app.LockoutEndAsync(user);

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Equal([Locked], (await right.ReadPageAsync()).ErrorMessages());
        // Fifteen minutes, on the clock Identity reads (the system clock: see LetLockoutRunOutAsync).
        var fromNow = lockoutEnd!.Value - TimeProvider.System.GetUtcNow();
        Assert.InRange(fromNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task TheRightPasswordWorksAgainWhenTheLockoutHasRunOut()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = app.CreateClient(organization);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SubmitSignInAsync(user.Email, $"Falsches-Passwort-{attempt}");
        }

        app.AdvanceTime(TimeSpan.FromMinutes(16));
        await app.LetLockoutRunOutAsync(user); // Identity's lockout does not read app.Time
        using var right = await client.SubmitSignInAsync(user.Email, user.Password);

        Assert.Equal("/", right.RedirectTarget());
    }

    [Fact]
    public async Task ResettingThePasswordEndsTheLockoutAsTheMessageSuggests()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = app.CreateClient(organization);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SubmitSignInAsync(user.Email, $"Falsches-Passwort-{attempt}");
        }

        var forgot = await client.GetPageAsync("/accounts/forgotpassword");
        using var requested = await forgot.Form("main form").Set("Input.Email", user.Email).SubmitAsync(client);
        await app.RunJobsUntilIdleAsync();
        var reset = await client.GetPageAsync(Assert.Single(app.Mail.MessagesTo(user.Email)).Link().PathAndQuery);
        using var saved = await reset.Form("main form").Set("Input.Password", "Ein-neues-langes-Passwort-2026").Set("Input.ConfirmPassword", "Ein-neues-langes-Passwort-2026").SubmitAsync(client);
        using var signedIn = await client.SubmitSignInAsync(user.Email, "Ein-neues-langes-Passwort-2026");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("/", signedIn.RedirectTarget());
    }

    [Fact]
    public async Task OneWrongPasswordIsForgottenAfterASuccessfulSignIn()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = app.CreateClient(organization);

        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                using var wrong = await client.SubmitSignInAsync(user.Email, $"Falsches-Passwort-{attempt}");
            }
            using var right = await client.SubmitSignInAsync(user.Email, user.Password);
            Assert.Equal("/", right.RedirectTarget());
        }
    }

    [Theory]
    [InlineData("Input.Email", 3000)]
    [InlineData("Input.Password", 3000)]
    [InlineData("Input.Email", 0)]
    [InlineData("Input.Password", 0)]
    public async Task OddInputIsRefusedWith400NeverAServerError(string field, int length)
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = app.CreateClient(organization);
        var page = await client.GetPageAsync("/accounts/signin");

        using var response = await page.Form("main form")
            .Set("Input.Email", user.Email)
            .Set("Input.Password", user.Password)
            .Set(field, new string('x', length))
            .SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single((await response.ReadPageAsync()).ErrorMessages());
    }

    [Theory]
    [InlineData("kein JSON", true)]
    [InlineData("{}", true)]
    [InlineData("""{"id":"abc","rawId":"abc","type":"public-key","response":{}}""", true)]
    [InlineData("{}", false)] // no options asked for, so no ceremony is underway, as when its state cookie expired
    public async Task APasskeyAnswerThatIsNoCredentialIsRefusedWith400(string credential, bool askedForOptions)
    {
        var organization = await app.CreateOrganizationAsync();
        var client = app.CreateClient(organization);
        var page = await client.GetPageAsync("/accounts/signin");

        if (askedForOptions)
        {
            using var options = await client.PostHandMadeAsync(page, "/accounts/signin?handler=PasskeyOptions");
            Assert.Equal("application/json", options.Content.Headers.ContentType?.MediaType);
        }
        using var response = await client.PostHandMadeAsync(page, "/accounts/signin?handler=Passkey", ("CredentialJson", credential));
        using var me = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Die Anmeldung mit dem Passkey hat nicht geklappt."], (await response.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task AnUnbindableRememberMeIsRefusedWith400()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var client = app.CreateClient(organization);
        var page = await client.GetPageAsync("/accounts/signin");

        using var response = await page.Form("main form")
            .Set("Input.Email", user.Email)
            .Set("Input.Password", user.Password)
            .Tamper("Input.RememberMe", "vielleicht")
            .SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class SqliteSignInTests(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSignInTests(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
