using System.Net;
using System.Net.Http.Json;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Accounts.SignUp;

/// <summary>
/// Signing up through the form: one confirmation mail, nothing works before the link is opened,
/// and the form never tells whether an address already has an account.
/// </summary>
public abstract class RegisterTests(RathausplatzApp app)
{
    [Fact]
    public async Task ANewCitizenRegistersConfirmsByMailAndSignsIn()
    {
        var organization = await app.CreateOrganizationAsync();
        var email = Unique.Name("neu") + "@example.org";
        var client = app.CreateClient(organization);

        using var registered = await RegisterAsync(client, "Bea Bürger", email);
        await app.RunJobsUntilIdleAsync();
        var mail = Assert.Single(app.Mail.MessagesTo(email));
        using var confirmed = await client.GetAsync(mail.Link());
        var confirmedPage = await confirmed.ReadPageAsync();
        using var signedIn = await client.SubmitSignInAsync(email, RathausplatzApp.Password);
        var me = await client.GetFromJsonAsync<AccountApi.Me>("/api/v1/me");

        Assert.Equal("/accounts/registered", registered.RedirectTarget());
        Assert.Contains("E-Mail-Adresse bestätigen", mail.Subject);
        Assert.Equal($"https://{organization.Host}/accounts/confirm", mail.Link().GetLeftPart(UriPartial.Path));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("E-Mail-Adresse bestätigt", confirmedPage.MainText());
        Assert.Equal("/", signedIn.RedirectTarget());
        Assert.Equal(("Bea Bürger", email, false), (me!.DisplayName, me.Email, me.TwoFactorEnabled));
        Assert.Equal([Roles.Citizen], me.Roles);
    }

    [Fact]
    public async Task SigningInBeforeConfirmingIsRefusedWithAHint()
    {
        var organization = await app.CreateOrganizationAsync();
        var email = Unique.Name("neu") + "@example.org";
        var client = app.CreateClient(organization);
        using var registered = await RegisterAsync(client, "Bea Bürger", email);

        using var signIn = await client.SubmitSignInAsync(email, RathausplatzApp.Password);
        var page = await signIn.ReadPageAsync();
        using var me = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(["Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."], page.ErrorMessages());
        Assert.NotNull(page.QuerySelector("main a[href='/accounts/resendconfirmation']"));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        await app.RunJobsUntilIdleAsync();
    }

    [Fact]
    public async Task RegisteringATakenAddressAnswersLikeANewOneAndTellsOnlyTheOwner()
    {
        var organization = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserAsync(organization, Roles.Citizen);
        var newcomer = Unique.Name("neu") + "@example.org";

        using var forNew = await RegisterAsync(app.CreateClient(organization), "Neu Ling", newcomer);
        using var forTaken = await RegisterAsync(app.CreateClient(organization), "Jemand Anderes", owner.Email, password: "Ein-ganz-anderes-Passwort");
        await app.RunJobsUntilIdleAsync();

        Assert.Equal((HttpStatusCode.Redirect, "/accounts/registered"), (forTaken.StatusCode, forTaken.RedirectTarget()));
        Assert.Equal(forNew.RedirectTarget(), forTaken.RedirectTarget());
        var note = Assert.Single(app.Mail.MessagesTo(owner.Email));
        Assert.Contains("Sie haben bereits ein Konto", note.Subject);
        Assert.Equal($"https://{organization.Host}/accounts/forgotpassword", note.Link().ToString());
        var account = await app.FindAccountAsync(organization, owner.Email);
        Assert.Equal((owner.Id, owner.DisplayName), (account!.Id, account.DisplayName));
        Assert.Equal(2, await app.CountAccountsAsync(organization)); // the owner and the newcomer, nobody else
        using var stillTheOldPassword = await app.CreateClient(organization).SubmitSignInAsync(owner.Email, owner.Password);
        Assert.Equal("/", stillTheOldPassword.RedirectTarget());
    }

    [Fact]
    public async Task RegisteringAnUnconfirmedAddressAgainSendsTheConfirmationAgain()
    {
        var organization = await app.CreateOrganizationAsync();
        var email = Unique.Name("neu") + "@example.org";
        using var first = await RegisterAsync(app.CreateClient(organization), "Bea Bürger", email);

        using var second = await RegisterAsync(app.CreateClient(organization), "Bea Bürger", email);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal("/accounts/registered", second.RedirectTarget());
        var mails = app.Mail.MessagesTo(email);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Contains("E-Mail-Adresse bestätigen", m.Subject));
        Assert.Equal(1, await app.CountAccountsAsync(organization));
        using var confirmed = await app.CreateClient(organization).GetAsync(mails[^1].Link());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    [Fact]
    public async Task SomeoneSigningUpInEnglishGetsTheMailInEnglish()
    {
        var organization = await app.CreateOrganizationAsync();
        var email = Unique.Name("new") + "@example.org";

        using var registered = await RegisterAsync(app.CreateClient(organization, language: "en"), "Bea Burger", email);
        await app.RunJobsUntilIdleAsync();

        var mail = Assert.Single(app.Mail.MessagesTo(email));
        Assert.Equal($"Confirm your e-mail address – {organization.Name}", mail.Subject);
        Assert.Equal("en", (await app.FindAccountAsync(organization, email))!.PreferredLanguage);
    }

    [Fact]
    public async Task AnAddressWithAnApostropheCanRegister()
    {
        var organization = await app.CreateOrganizationAsync();
        var email = $"o'neil.{Unique.Name("neu")}@example.org";
        var client = app.CreateClient(organization);

        using var registered = await RegisterAsync(client, "Siobhan O'Neil", email);
        await app.RunJobsUntilIdleAsync();
        using var confirmed = await client.GetAsync(Assert.Single(app.Mail.MessagesTo(email)).Link());
        using var signedIn = await client.SubmitSignInAsync(email, RathausplatzApp.Password);

        Assert.Equal("/accounts/registered", registered.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("/", signedIn.RedirectTarget());
    }

    public static TheoryData<string, string, string, string> RefusedInputs => new()
    {
        // field, value (everything else valid), German message, English message
        { "Input.DisplayName", "", "Bitte geben Sie Ihren Namen an.", "Please enter your name." },
        { "Input.Email", "", "Bitte geben Sie Ihre E-Mail-Adresse an.", "Please enter your e-mail address." },
        { "Input.Password", "", "Bitte wählen Sie ein Passwort.", "Please choose a password." },
        { "Input.ConfirmPassword", "", "Bitte wiederholen Sie das Passwort.", "Please repeat the password." },
        { "Input.DisplayName", new string('x', 3000), "Höchstens 100 Zeichen.", "At most 100 characters." },
        { "Input.Email", new string('x', 3000) + "@example.org", "Höchstens 254 Zeichen.", "At most 254 characters." },
        { "Input.Password", new string('p', 3000), "Das Passwort muss zwischen 10 und 128 Zeichen lang sein.", "The password must be between 10 and 128 characters long." },
        { "Input.Password", "kurz", "Das Passwort muss zwischen 10 und 128 Zeichen lang sein.", "The password must be between 10 and 128 characters long." },
        { "Input.Email", "keine-adresse", "Bitte geben Sie eine gültige E-Mail-Adresse an.", "Please enter a valid e-mail address." },
        { "Input.ConfirmPassword", "Ein-anderes-Passwort-2026", "Die Passwörter stimmen nicht überein.", "The passwords do not match." },
        { "Input.AcceptPrivacy", "", "Bitte bestätigen Sie, dass Sie die Datenschutzerklärung gelesen haben.", "Please confirm that you have read the privacy policy." },
        { "Input.AcceptPrivacy", "abc", "Der eingegebene Wert ist für „Datenschutzerklärung“ ungültig.", "The value entered for “Privacy policy” is not valid." },
    };

    [Theory]
    [MemberData(nameof(RefusedInputs))]
    public async Task BadInputIsRefusedWith400InTheBrowsersLanguageAndNothingIsStored(string field, string value, string german, string english)
    {
        var organization = await app.CreateOrganizationAsync();

        using var inGerman = await RegisterWithAsync(app.CreateClient(organization), field, value);
        using var inEnglish = await RegisterWithAsync(app.CreateClient(organization, language: "en"), field, value);

        await AssertRefusedAsync(organization, inGerman, german);
        await AssertRefusedAsync(organization, inEnglish, english);
    }

    [Fact]
    public async Task EverythingEmptyNamesEveryMissingField()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = app.CreateClient(organization);
        var page = await client.GetPageAsync("/accounts/register");

        using var response = await page.FormWithButton("Konto anlegen").SubmitAsync(client);
        var refused = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(5, refused.ErrorMessages().Count);
        Assert.Equal(0, await app.CountAccountsAsync(organization));
    }

    private async Task AssertRefusedAsync(TestOrganization organization, HttpResponseMessage response, string message)
    {
        var page = await response.ReadPageAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, page.ErrorMessages());
        Assert.Equal(0, await app.CountAccountsAsync(organization));
        Assert.Empty(await app.JobsAsync(j => j.Kind == Mailer.JobKind && j.OrganizationId == organization.Id));
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string name, string email, string password = RathausplatzApp.Password) =>
        FillAndSubmitAsync(client, name, email, password, form => { });

    /// <summary>A complete, valid form except for one field.</summary>
    private static Task<HttpResponseMessage> RegisterWithAsync(HttpClient client, string field, string value) =>
        FillAndSubmitAsync(client, "Bea Bürger", Unique.Name("neu") + "@example.org", RathausplatzApp.Password, form =>
        {
            if (field == "Input.AcceptPrivacy" && value == "")
                form.Check(field);
            else if (field == "Input.AcceptPrivacy")
                form.Tamper(field, value);
            else
                form.Set(field, value);
        });

    private static async Task<HttpResponseMessage> FillAndSubmitAsync(HttpClient client, string name, string email, string password, Action<HtmlForm> change)
    {
        var page = await client.GetPageAsync("/accounts/register");
        var form = page.Form("main form") // the only form, whatever the language of its button
            .Set("Input.DisplayName", name)
            .Set("Input.Email", email)
            .Set("Input.Password", password)
            .Set("Input.ConfirmPassword", password)
            .Set("Input.AcceptPrivacy", "true");
        change(form);
        return await form.SubmitAsync(client);
    }
}

public sealed class SqliteRegisterTests(SqliteApp app) : RegisterTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRegisterTests(PostgresApp app) : RegisterTests(app), IClassFixture<PostgresApp>;
