using System.Net;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Reports.Public;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Accounts.Manage;

/// <summary>
/// "Konto löschen" (DSGVO Art. 17): a citizen deletes their account with their password; what was theirs alone goes,
/// what others answered stays without the name, and the kept support counts still equal their rows. Staff accounts
/// are closed by the admin, not by themselves.
/// </summary>
public abstract class AccountDeletionTests(RathausplatzApp app)
{
    [Fact]
    public async Task ACitizenDeletesTheAccountAndTheCountsFollow()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var me = await app.CreateUserAsync(org, Roles.Citizen);
        var other = await app.CreateUserAsync(org, Roles.Citizen);
        var mine = await app.SubmitProposalAsync(org, process, me, title: "Mein Vorschlag");
        var theirs = await app.SubmitProposalAsync(org, process, other, title: "Ihr Vorschlag");
        await app.SupportAsync(me, theirs);
        await app.SupportAsync(other, theirs);
        await app.CommentAsync(me, theirs, "Mein Kommentar.");
        var category = await app.CreateReportCategoryAsync(org, departmentId: null);
        var report = await app.SubmitReportAsync(org, category.Code);
        await using (var scope = app.InOrganization(org))
            Assert.Equal(SupportOutcome.Counted, await scope.Get<SupportReport>().RunAsync(report.PublicId, null, me.Id, "de",
                new MailSender(org.Name, $"https://{org.Host}"), CancellationToken.None));
        Assert.Equal(1, (await app.FindReportAsync(org, report.Id)).SupportCount);

        var client = await app.SignInAsync(me);
        var form = await client.GetPageAsync("/accounts/delete");
        using var wrong = await form.Form("main form").Set("Password", "nicht-das-passwort").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Das Passwort stimmt nicht.", (await wrong.ReadPageAsync()).MainText());
        Assert.NotNull(await app.FindAccountAsync(org, me.Email));

        using var deleted = await form.Form("main form").Set("Password", me.Password).SubmitAsync(client);
        Assert.Equal("/", deleted.RedirectTarget());
        Assert.Null(await app.FindAccountAsync(org, me.Email));
        Assert.Equal((1, 1), ((await app.FindProposalAsync(org, theirs.Id)).Proposal.SupportCount, (await app.FindProposalAsync(org, theirs.Id)).SupportRows));
        Assert.Equal(0, (await app.FindReportAsync(org, report.Id)).SupportCount);
        var (kept, _) = await app.FindProposalAsync(org, mine.Id);
        Assert.Equal(("Mein Vorschlag", null), (kept.Title, kept.AuthorId));
        await using (var scope = app.InOrganization(org))
            Assert.Null((await scope.Db.Set<ProposalComment>().SingleAsync(c => c.Body == "Mein Kommentar.")).AuthorId);
        Assert.Contains("gelöschtes Konto", (await app.CreateClient(org).GetPageAsync(RathausplatzApp.ProposalPath(process, mine.Id))).MainText());
        using var signedOut = await client.GetAsync("/accounts/profile");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }

    [Fact]
    public async Task WrongPasswordsCountTowardsTheLockoutAsAtSignIn()
    {
        var org = await app.CreateOrganizationAsync();
        var me = await app.CreateUserAsync(org, Roles.Citizen);
        var client = await app.SignInAsync(me);
        var form = await client.GetPageAsync("/accounts/delete");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await form.Form("main form").Set("Password", $"falsch-{attempt}").SubmitAsync(client);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        // Locked out: now even the right password deletes nothing.
        using var locked = await form.Form("main form").Set("Password", me.Password).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.NotNull(await app.FindAccountAsync(org, me.Email));
    }

    [Fact]
    public async Task StaffAccountsAreNotDeletedByThemselves()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var client = await app.CreateSignedInClientAsync(editor);
        var page = await client.GetPageAsync("/accounts/delete");
        Assert.Contains("Konten der Verwaltung löscht die Administration", page.MainText());
        Assert.Null(page.QuerySelector("main form"));

        // The page offers no form; a hand-made post (with the token of the editor's profile page) is refused too.
        using var refused = await client.PostHandMadeAsync(await client.GetPageAsync("/accounts/profile"), "/accounts/delete", ("Password", editor.Password));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotNull(await app.FindAccountAsync(org, editor.Email));
    }
}

public sealed class SqliteAccountDeletionTests(SqliteApp app) : AccountDeletionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAccountDeletionTests(PostgresApp app) : AccountDeletionTests(app), IClassFixture<PostgresApp>;
