using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Accounts.SignIn;

/// <summary>
/// "Passwort vergessen": a mail only to confirmed accounts, the same answer for any address, and a
/// link that sets the password once.
/// </summary>
public abstract class ResetPasswordTests(RathausplatzApp app)
{
    private const string NewPassword = "Ein-neues-langes-Passwort-2026";

    [Fact]
    public async Task AConfirmedAccountGetsOneResetMail()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);

        using var response = await RequestResetAsync(app.CreateClient(organization), user.Email);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = Assert.Single(app.Mail.MessagesTo(user.Email));
        Assert.Contains("Passwort zurücksetzen", mail.Subject);
        Assert.Equal($"https://{organization.Host}/accounts/resetpassword", mail.Link().GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task AnUnknownAddressGetsNoMailButTheSameAnswer()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var unknown = Unique.Name("niemand") + "@example.org";

        using var forKnown = await RequestResetAsync(app.CreateClient(organization), user.Email);
        using var forUnknown = await RequestResetAsync(app.CreateClient(organization), unknown);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal((await forKnown.ReadPageAsync()).MainText(), (await forUnknown.ReadPageAsync()).MainText());
        Assert.Contains("Wenn zu dieser Adresse ein Konto gehört", (await forUnknown.ReadPageAsync()).MainText());
        Assert.Empty(app.Mail.MessagesTo(unknown));
    }

    [Fact]
    public async Task TheLinkSetsTheNewPasswordAndTheOldOneStopsWorking()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var link = await ResetLinkAsync(user);
        var client = app.CreateClient(organization);

        using var saved = await ChooseAsync(client, link, NewPassword);
        using var withOld = await app.CreateClient(organization).SubmitSignInAsync(user.Email, user.Password);
        using var withNew = await app.CreateClient(organization).SubmitSignInAsync(user.Email, NewPassword);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Ihr Passwort wurde geändert.", (await saved.ReadPageAsync()).MainText());
        Assert.Equal(HttpStatusCode.BadRequest, withOld.StatusCode);
        Assert.Equal("/", withNew.RedirectTarget());
    }

    [Fact]
    public async Task ALinkUsedOnceIsRefusedTheSecondTime()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var link = await ResetLinkAsync(user);

        using var first = await ChooseAsync(app.CreateClient(organization), link, NewPassword);
        using var second = await ChooseAsync(app.CreateClient(organization), link, "Noch-ein-anderes-Passwort-2026");
        using var withFirst = await app.CreateClient(organization).SubmitSignInAsync(user.Email, NewPassword);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(["Der Link ist ungültig oder abgelaufen."], (await second.ReadPageAsync()).ErrorMessages());
        Assert.Equal("/", withFirst.RedirectTarget());
    }

    [Fact]
    public async Task AResetLinkOfOneOrganizationDoesNothingAtAnother()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(a, Roles.Citizen);
        var link = await ResetLinkAsync(user);

        using var atB = await ChooseAsync(app.CreateClient(b), new Uri($"https://{b.Host}{link.PathAndQuery}"), NewPassword);
        using var oldStillWorks = await app.CreateClient(a).SubmitSignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.BadRequest, atB.StatusCode);
        Assert.Equal("/", oldStillWorks.RedirectTarget());
    }

    [Fact]
    public async Task AnUnconfirmedAccountGetsNoResetMail()
    {
        var organization = await app.CreateOrganizationAsync();
        var email = Unique.Name("neu") + "@example.org";
        var client = app.CreateClient(organization);
        var register = await client.GetPageAsync("/accounts/register");
        using var registered = await register.Form("main form")
            .Set("Input.DisplayName", "Bea Bürger").Set("Input.Email", email)
            .Set("Input.Password", RathausplatzApp.Password).Set("Input.ConfirmPassword", RathausplatzApp.Password)
            .Set("Input.AcceptPrivacy", "true").SubmitAsync(client);
        await app.RunJobsUntilIdleAsync();

        using var response = await RequestResetAsync(client, email);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(app.Mail.MessagesTo(email), m => m.Subject?.Contains("Passwort zurücksetzen") == true);
    }

    [Theory]
    [InlineData("?userId=not-a-guid&code=abc")]
    [InlineData("?userId=0190b4a2-0000-7000-8000-000000000000&code=%25%25%25")]
    [InlineData("")]
    public async Task AMalformedLinkShowsTheInvalidLinkMessage(string query)
    {
        var organization = await app.CreateOrganizationAsync();

        using var response = await app.CreateClient(organization).GetAsync("/accounts/resetpassword" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Der Link ist ungültig oder abgelaufen."], (await response.ReadPageAsync()).ErrorMessages());
    }

    [Fact]
    public async Task ATooShortNewPasswordIsRefusedAndTheLinkStillWorks()
    {
        var organization = await app.CreateOrganizationAsync();
        var user = await app.CreateUserAsync(organization, Roles.Citizen);
        var link = await ResetLinkAsync(user);

        using var tooShort = await ChooseAsync(app.CreateClient(organization), link, "kurz");
        using var good = await ChooseAsync(app.CreateClient(organization), link, NewPassword);

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(["Das Passwort muss zwischen 10 und 128 Zeichen lang sein."], (await tooShort.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    private static async Task<HttpResponseMessage> RequestResetAsync(HttpClient client, string email)
    {
        var page = await client.GetPageAsync("/accounts/forgotpassword");
        return await page.Form("main form").Set("Input.Email", email).SubmitAsync(client);
    }

    private async Task<Uri> ResetLinkAsync(TestUser user)
    {
        using var response = await RequestResetAsync(app.CreateClient(user.Organization), user.Email);
        await app.RunJobsUntilIdleAsync();
        return Assert.Single(app.Mail.MessagesTo(user.Email)).Link();
    }

    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, Uri link, string password)
    {
        var page = await client.GetPageAsync(link.PathAndQuery);
        return await page.Form("main form").Set("Input.Password", password).Set("Input.ConfirmPassword", password).SubmitAsync(client);
    }
}

public sealed class SqliteResetPasswordTests(SqliteApp app) : ResetPasswordTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresResetPasswordTests(PostgresApp app) : ResetPasswordTests(app), IClassFixture<PostgresApp>;
