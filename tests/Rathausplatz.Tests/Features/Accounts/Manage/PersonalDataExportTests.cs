using System.Net;
using System.Text.Json.Nodes;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Accounts.Manage;

/// <summary>
/// "Meine Daten herunterladen": everything stored about the account as one JSON file (DSGVO Art. 15 and 20), found
/// through the data model; nothing about other people, no secrets of the account.
/// </summary>
public abstract class PersonalDataExportTests(RathausplatzApp app)
{
    [Fact]
    public async Task TheFileHoldsTheAccountsRowsAndNoOneElses()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var me = await app.CreateUserAsync(org, Roles.Citizen);
        var other = await app.CreateUserAsync(org, Roles.Citizen);
        await app.SubmitProposalAsync(org, process, me, title: "Mein eigener Vorschlag");
        var theirs = await app.SubmitProposalAsync(org, process, other, title: "Der Vorschlag der Nachbarin");
        await app.SupportAsync(me, theirs);
        await app.CommentAsync(me, theirs, "Mein Kommentar dazu.");
        await app.CommentAsync(other, theirs, "Ein Kommentar von jemand anderem.");
        await app.SubscribeAndConfirmAsync(org, me.Email);

        var client = await app.SignInAsync(me);
        var profile = await client.GetPageAsync("/accounts/profile");
        var link = profile.QuerySelector("main a[download]")!;
        Assert.Equal("Meine Daten herunterladen (JSON)", link.TextContent.Trim());
        using var download = await client.GetAsync(link.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"meine-daten-{app.TownToday:yyyy-MM-dd}.json", download.Content.Headers.ContentDisposition?.FileName);
        var text = await download.Content.ReadAsStringAsync();
        var file = JsonNode.Parse(text)!;
        Assert.Equal(me.Email, (string?)file["konto"]!["Email"]);
        Assert.Equal(me.DisplayName, (string?)file["konto"]!["DisplayName"]);
        var data = file["daten"]!;
        Assert.Equal("Mein eigener Vorschlag", (string?)Assert.Single(data["Proposal"]!.AsArray())!["Title"]);
        Assert.Equal(theirs.Id.ToString(), (string?)Assert.Single(data["ProposalSupport"]!.AsArray())!["ProposalId"]);
        Assert.Equal("Mein Kommentar dazu.", (string?)Assert.Single(data["ProposalComment"]!.AsArray())!["Body"]);
        // Kept about the address, without the account: the subscription, with its consent record.
        Assert.Equal(me.Email, (string?)Assert.Single(data["Subscription"]!.AsArray())!["Email"]);

        Assert.DoesNotContain("Der Vorschlag der Nachbarin", text);
        Assert.DoesNotContain("Ein Kommentar von jemand anderem.", text);
        Assert.DoesNotContain(other.Email, text);
        foreach (var secret in new[] { "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Secret", "IdentityUserToken" })
            Assert.DoesNotContain(secret, text);
    }

    [Fact]
    public async Task OnlyTheSignedInAccountGetsItsFile()
    {
        var org = await app.CreateOrganizationAsync();
        using var anonymous = await app.CreateClient(org).GetAsync("/accounts/profile?handler=Download");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/accounts/signin", anonymous.RedirectTarget(), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class SqlitePersonalDataExportTests(SqliteApp app) : PersonalDataExportTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPersonalDataExportTests(PostgresApp app) : PersonalDataExportTests(app), IClassFixture<PostgresApp>;
