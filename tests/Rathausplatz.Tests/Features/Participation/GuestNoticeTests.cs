using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// Participants without an account (a support confirmed by e-mail) hear of decisions and progress of the proposal by
/// mail, through the same job and the real SMTP server; once each, in the language they asked in, and never when the
/// link was not confirmed or the address belongs to an account that was told already.
/// </summary>
public abstract class GuestNoticeTests(RathausplatzApp app)
{
    private static ProcessSpec Open => new() { OpenWithoutAccount = true };

    private async Task ConfirmedGuestSupportAsync(HttpClient visitor, string path, string email, bool confirm = true, string button = "Vorschlag unterstützen")
    {
        var request = await visitor.GetPageAsync($"{path}/ohne-konto");
        using var sent = await request.Form("main form").Set("Email", email).SubmitAsync(visitor);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        await app.RunJobsUntilIdleAsync();
        if (!confirm)
            return;
        var link = app.Mail.MessagesTo(email).Last().Link().PathAndQuery;
        using var confirmed = await (await visitor.GetPageAsync(link)).FormWithButton(button).SubmitAsync(visitor);
        Assert.Equal(path, confirmed.RedirectTarget());
    }

    [Fact]
    public async Task GuestsWhoSupportedHearOfDecisionAndProgressByMailOnce()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org, Open);
        var author = await app.CreateUserAsync(org, Roles.Citizen);
        var proposal = await app.SubmitProposalAsync(org, process, author);
        var path = RathausplatzApp.ProposalPath(process, proposal.Id);
        var german = $"{Unique.Name("gast")}@example.org";
        var english = $"{Unique.Name("guest")}@example.org";
        var unconfirmed = $"{Unique.Name("offen")}@example.org";
        var englishVisitor = app.CreateClient(org, "en");
        await ConfirmedGuestSupportAsync(app.CreateClient(org), path, german);
        await ConfirmedGuestSupportAsync(englishVisitor, path, english, button: "Support proposal");
        await ConfirmedGuestSupportAsync(app.CreateClient(org), path, unconfirmed, confirm: false);
        // The author's own address, confirmed as a guest too: one person, told once as the account.
        await ConfirmedGuestSupportAsync(app.CreateClient(org), path, author.Email.ToLowerInvariant());
        var before = (german: app.Mail.MessagesTo(german).Count, english: app.Mail.MessagesTo(english).Count,
            unconfirmed: app.Mail.MessagesTo(unconfirmed).Count, author: app.Mail.MessagesTo(author.Email).Count);

        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));
        var desk = $"/beteiligung/verwaltung/vorschlaege/{proposal.Id}";
        using var decided = await (await editor.GetPageAsync(desk)).FormWithButton("Status speichern").Set("Status", "angenommen").Set("Reason", "Passt.").SubmitAsync(editor);
        app.AdvanceTime(TimeSpan.FromMinutes(1));
        using var reported = await (await editor.GetPageAsync(desk)).FormWithButton("Neuigkeit veröffentlichen")
            .Set("Progress", "in-umsetzung").Set("PercentDone", "40").Set("UpdateText", "Die Bäume sind bestellt.").SubmitAsync(editor);
        await app.RunJobsUntilIdleAsync();
        await app.RunNoticeJobsAgainAsync(org);
        await app.RunJobsUntilIdleAsync();

        var germanMails = app.Mail.MessagesTo(german).Skip(before.german).ToList();
        Assert.Equal(["Entscheidung zu „Mehr Bäume für Schatten“: Angenommen", "Neues zur Umsetzung von „Mehr Bäume für Schatten“: In Umsetzung, 40 % erledigt"],
            germanMails.Select(m => m.Subject!.Split(" – ")[0]).Order(StringComparer.Ordinal).ToList());
        Assert.All(germanMails, m => Assert.Contains("ohne Konto unterstützt", m.TextBody));
        Assert.All(germanMails, m => Assert.Contains($"https://{org.Host}{path}", m.TextBody));
        var englishMails = app.Mail.MessagesTo(english).Skip(before.english).ToList();
        Assert.Equal(2, englishMails.Count);
        Assert.Contains(englishMails, m => m.Subject!.StartsWith("Decision on “Mehr Bäume für Schatten”", StringComparison.Ordinal));
        Assert.Equal(before.unconfirmed, app.Mail.MessagesTo(unconfirmed).Count);
        Assert.Equal(before.author + 2, app.Mail.MessagesTo(author.Email).Count);
    }
}

public sealed class SqliteGuestNoticeTests(SqliteApp app) : GuestNoticeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresGuestNoticeTests(PostgresApp app) : GuestNoticeTests(app), IClassFixture<PostgresApp>;
