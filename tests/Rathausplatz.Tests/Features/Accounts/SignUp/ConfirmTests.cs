using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Accounts.SignUp;

/// <summary>
/// The confirmation link proves the address only when it is exactly the one mailed, for this
/// account, at this organisation, within 24 hours; anything else answers 400 and explains.
/// </summary>
public abstract class ConfirmTests(RathausplatzApp app)
{
    private const string Invalid = "Der Link ist ungültig oder abgelaufen.";

    [Theory]
    [InlineData("a wrong code")]
    [InlineData("the code of another account")]
    [InlineData("a forged user id")]
    [InlineData("a user id that is no id")]
    [InlineData("a code that is not base64")]
    [InlineData("an overlong code")]
    [InlineData("no code")]
    public async Task ALinkWithAChangedPartIsRefused(string change)
    {
        var organization = await app.CreateOrganizationAsync();
        var (email, link) = await RegisterAsync(organization);
        var (_, otherLink) = await RegisterAsync(organization);
        var query = QueryHelpers.ParseQuery(link.Query);
        var (userId, code) = change switch
        {
            "a wrong code" => (query["userId"].ToString(), Base64("CfDJ8-not-the-token")),
            "the code of another account" => (query["userId"].ToString(), QueryHelpers.ParseQuery(otherLink.Query)["code"].ToString()),
            "a forged user id" => (Guid.CreateVersion7().ToString(), query["code"].ToString()),
            "a user id that is no id" => ("1 OR 1=1", query["code"].ToString()),
            "a code that is not base64" => (query["userId"].ToString(), "%%%kein*base64!"),
            "an overlong code" => (query["userId"].ToString(), new string('A', 5000)),
            _ => (query["userId"].ToString(), ""),
        };

        using var response = await app.CreateClient(organization).GetAsync(
            QueryHelpers.AddQueryString("/accounts/confirm", new Dictionary<string, string?> { ["userId"] = userId, ["code"] = code }));

        await AssertRefusedAsync(response);
        Assert.False((await app.FindAccountAsync(organization, email))!.EmailConfirmed);
    }

    [Fact]
    public async Task ALinkOlderThan24HoursIsRefusedAndAYoungerOneWorks()
    {
        var organization = await app.CreateOrganizationAsync();
        var (email, _) = await RegisterAsync(organization);
        var account = await app.FindAccountAsync(organization, email);
        // Identity's token provider reads the system clock, not the app's TimeProvider, so the age is
        // written into the token rather than reached by moving app.Time (see LinkCodeIssuedAtAsync).
        var now = TimeProvider.System.GetUtcNow();
        var expired = await app.LinkCodeIssuedAtAsync(organization, account!.Id, "EmailConfirmation", now.AddHours(-25));
        var fresh = await app.LinkCodeIssuedAtAsync(organization, account.Id, "EmailConfirmation", now.AddHours(-23));
        var client = app.CreateClient(organization);

        using var tooOld = await client.GetAsync(ConfirmPath(account.Id, expired));
        var stillUnconfirmed = (await app.FindAccountAsync(organization, email))!.EmailConfirmed;
        using var young = await client.GetAsync(ConfirmPath(account.Id, fresh));

        await AssertRefusedAsync(tooOld);
        Assert.False(stillUnconfirmed);
        Assert.Equal(HttpStatusCode.OK, young.StatusCode);
        Assert.True((await app.FindAccountAsync(organization, email))!.EmailConfirmed);
    }

    [Fact]
    public async Task ALinkOfOneOrganizationIsRefusedAtAnothersHost()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        var (email, link) = await RegisterAsync(a);

        using var atB = await app.CreateClient(b).GetAsync(link.PathAndQuery);
        var unconfirmedAfterB = !(await app.FindAccountAsync(a, email))!.EmailConfirmed;
        using var atA = await app.CreateClient(a).GetAsync(link.PathAndQuery);

        await AssertRefusedAsync(atB);
        Assert.True(unconfirmedAfterB);
        Assert.Equal(HttpStatusCode.OK, atA.StatusCode);
    }

    [Fact]
    public async Task ANewLinkGoesOnlyToAnUnconfirmedAccountAndTheAnswerIsAlwaysTheSame()
    {
        var organization = await app.CreateOrganizationAsync();
        var (unconfirmed, _) = await RegisterAsync(organization);
        var confirmed = await app.CreateUserAsync(organization, Rathausplatz.Features.Accounts.Roles.Citizen);
        var unknown = Unique.Name("niemand") + "@example.org";

        var answers = new List<string>();
        foreach (var email in new[] { unconfirmed, confirmed.Email, unknown })
        {
            var client = app.CreateClient(organization);
            var page = await client.GetPageAsync("/accounts/resendconfirmation");
            using var response = await page.Form("main form").Set("Input.Email", email).SubmitAsync(client);
            answers.Add(response.RedirectTarget());
        }
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(["/accounts/registered", "/accounts/registered", "/accounts/registered"], answers);
        Assert.Equal(2, app.Mail.MessagesTo(unconfirmed).Count); // the first one and the new one
        Assert.Empty(app.Mail.MessagesTo(confirmed.Email));
        Assert.Empty(app.Mail.MessagesTo(unknown));
    }

    [Fact]
    public async Task TheRefusalIsInEnglishWhenTheBrowserAsksForIt()
    {
        var organization = await app.CreateOrganizationAsync();

        using var response = await app.CreateClient(organization, language: "en").GetAsync(ConfirmPath(Guid.CreateVersion7(), Base64("x")));
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The link is invalid or has expired.", page.QuerySelector("h1")?.TextContent.Trim());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var page = await response.ReadPageAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Invalid, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main a[href='/accounts/resendconfirmation']"));
    }

    /// <summary>Signs up through the form and returns the address and the link from the confirmation mail.</summary>
    private async Task<(string Email, Uri Link)> RegisterAsync(TestOrganization organization)
    {
        var email = Unique.Name("neu") + "@example.org";
        var client = app.CreateClient(organization);
        var page = await client.GetPageAsync("/accounts/register");
        using var response = await page.Form("main form")
            .Set("Input.DisplayName", "Bea Bürger")
            .Set("Input.Email", email)
            .Set("Input.Password", RathausplatzApp.Password)
            .Set("Input.ConfirmPassword", RathausplatzApp.Password)
            .Set("Input.AcceptPrivacy", "true")
            .SubmitAsync(client);
        Assert.Equal("/accounts/registered", response.RedirectTarget());
        await app.RunJobsUntilIdleAsync();
        return (email, Assert.Single(app.Mail.MessagesTo(email)).Link());
    }

    private static string ConfirmPath(Guid userId, string code) =>
        QueryHelpers.AddQueryString("/accounts/confirm", new Dictionary<string, string?> { ["userId"] = userId.ToString(), ["code"] = code });

    private static string Base64(string text) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(text));
}

public sealed class SqliteConfirmTests(SqliteApp app) : ConfirmTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresConfirmTests(PostgresApp app) : ConfirmTests(app), IClassFixture<PostgresApp>;
