using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// Participants without an account (a support confirmed by e-mail) hear of decisions and progress of the proposal by
/// mail, through the same job and the real SMTP server; once each, in the language they asked in, and never when the
/// link was not confirmed or the address belongs to an account that was told already. Each mail carries a signed
/// unsubscribe link and the RFC 8058 headers; following it (page or one-click) stops the notices of that proposal.
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

    private static string UnsubscribePage(MimeMessage mail) =>
        new Uri(Regex.Match(mail.TextBody!, @"https://\S+/abbestellen/\S+").Value).PathAndQuery;

    private async Task DecideAsync(TestOrganization org, Guid proposalId, string status = "angenommen")
    {
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));
        using var decided = await (await editor.GetPageAsync($"/beteiligung/verwaltung/vorschlaege/{proposalId}"))
            .FormWithButton("Status speichern").Set("Status", status).Set("Reason", "Passt.").SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        await app.RunJobsUntilIdleAsync();
    }

    private async Task ReportProgressAsync(TestOrganization org, Guid proposalId)
    {
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));
        using var reported = await (await editor.GetPageAsync($"/beteiligung/verwaltung/vorschlaege/{proposalId}")).FormWithButton("Neuigkeit veröffentlichen")
            .Set("Progress", "in-umsetzung").Set("PercentDone", "40").Set("UpdateText", "Die Bäume sind bestellt.").SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        await app.RunJobsUntilIdleAsync();
    }

    [Fact]
    public async Task GuestMailsCarryASignedUnsubscribeLinkAndTheListUnsubscribeHeaders()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org, Open);
        var proposal = await app.SubmitProposalAsync(org, process, await app.CreateUserAsync(org, Roles.Citizen));
        var path = RathausplatzApp.ProposalPath(process, proposal.Id);
        var guest = $"{Unique.Name("gast")}@example.org";
        await ConfirmedGuestSupportAsync(app.CreateClient(org), path, guest);

        await DecideAsync(org, proposal.Id);

        var mail = app.Mail.MessagesTo(guest).Last();
        Assert.StartsWith("Entscheidung zu", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var oneClick = mail.OneClickUnsubscribe();
        Assert.Equal(org.Host, oneClick.Host);
        Assert.Equal("https", oneClick.Scheme);
        Assert.EndsWith("/ein-klick", oneClick.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Keine Nachrichten mehr zu diesem Vorschlag? Hier abbestellen:", mail.TextBody);
        Assert.StartsWith("/beteiligung/ohne-konto/abbestellen/", UnsubscribePage(mail), StringComparison.Ordinal);
        // The support link's mail (the first one) has no such headers: it is not a notice.
        Assert.Null(app.Mail.MessagesTo(guest).First().Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task TheUnsubscribePageAsksFirstThenStopsTheNoticesOfThatProposal()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org, Open);
        var author = await app.CreateUserAsync(org, Roles.Citizen);
        var proposal = await app.SubmitProposalAsync(org, process, author);
        var path = RathausplatzApp.ProposalPath(process, proposal.Id);
        var leaving = $"{Unique.Name("weg")}@example.org";
        var staying = $"{Unique.Name("bleibt")}@example.org";
        await ConfirmedGuestSupportAsync(app.CreateClient(org), path, leaving);
        await ConfirmedGuestSupportAsync(app.CreateClient(org), path, staying);
        await DecideAsync(org, proposal.Id);
        var unsubscribe = UnsubscribePage(app.Mail.MessagesTo(leaving).Last());

        var visitor = app.CreateClient(org);
        // Opening the link (a person or a mail scanner) changes nothing; only the button does.
        var asking = await visitor.GetPageAsync(unsubscribe);
        Assert.Contains("Möchten Sie keine Nachrichten mehr darüber erhalten", asking.MainText());
        Assert.Contains("Mehr Bäume für Schatten", asking.MainText());
        using var stopped = await asking.FormWithButton("Nachrichten abbestellen").SubmitAsync(visitor);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Contains("Sie erhalten keine Nachrichten mehr zu diesem Vorschlag.", (await stopped.ReadPageAsync()).MainText());
        // The same link again: used already, 410 with a message.
        using var replayed = await visitor.GetAsync(unsubscribe);
        Assert.Equal(HttpStatusCode.Gone, replayed.StatusCode);
        Assert.Contains("Die Nachrichten zu diesem Vorschlag sind schon abbestellt.", (await replayed.ReadPageAsync()).MainText());
        using var replayedPost = await asking.FormWithButton("Nachrichten abbestellen").SubmitAsync(visitor);
        Assert.Equal(HttpStatusCode.Gone, replayedPost.StatusCode);

        var before = (leaving: app.Mail.MessagesTo(leaving).Count, staying: app.Mail.MessagesTo(staying).Count);
        app.AdvanceTime(TimeSpan.FromMinutes(1));
        await ReportProgressAsync(org, proposal.Id);

        Assert.Equal(before.leaving, app.Mail.MessagesTo(leaving).Count);
        Assert.Equal(before.staying + 1, app.Mail.MessagesTo(staying).Count);
    }

    [Fact]
    public async Task OneClickUnsubscribeWorksWithoutAntiforgeryAndRefusesForgedOrReplayedTokens()
    {
        var org = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org, Open);
        var proposal = await app.SubmitProposalAsync(org, process, await app.CreateUserAsync(org, Roles.Citizen));
        var path = RathausplatzApp.ProposalPath(process, proposal.Id);
        var guest = $"{Unique.Name("klick")}@example.org";
        await ConfirmedGuestSupportAsync(app.CreateClient(org), path, guest);
        await DecideAsync(org, proposal.Id);
        var mail = app.Mail.MessagesTo(guest).Last();
        var oneClick = mail.OneClickUnsubscribe().PathAndQuery;
        var supportToken = app.Mail.MessagesTo(guest).First().Link().AbsolutePath.Split('/').Last();
        FormUrlEncodedContent Body() => new([new("List-Unsubscribe", "One-Click")]);

        // As a mail provider does it: a bare POST, no cookies, no antiforgery token (RFC 8058).
        using var provider = app.CreateClient(org);
        using var forged = await provider.PostAsync("/beteiligung/ohne-konto/abbestellen/erfunden/ein-klick", Body());
        // The support link's token is sealed for another purpose and is worthless here.
        using var wrongKind = await provider.PostAsync($"/beteiligung/ohne-konto/abbestellen/{supportToken}/ein-klick", Body());
        // Another town's address with this token: its row is not there.
        using var otherTown = await app.CreateClient(other).PostAsync(oneClick, Body());
        using var forgedPage = await provider.GetAsync("/beteiligung/ohne-konto/abbestellen/erfunden");
        using var scanned = await provider.GetAsync(oneClick);
        using var done = await provider.PostAsync(oneClick, Body());
        using var replayed = await provider.PostAsync(oneClick, Body());

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal("Dieser Abbestell-Link ist ungültig.", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, wrongKind.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forgedPage.StatusCode);
        Assert.Contains("Dieser Abbestell-Link ist ungültig.", (await forgedPage.ReadPageAsync()).MainText());
        Assert.Equal(UnsubscribePage(mail), scanned.RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("Sie erhalten keine Nachrichten mehr zu diesem Vorschlag.", await done.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, replayed.StatusCode);
        Assert.Equal("Die Nachrichten zu diesem Vorschlag sind schon abbestellt.", await replayed.Content.ReadAsStringAsync());

        var before = app.Mail.MessagesTo(guest).Count;
        app.AdvanceTime(TimeSpan.FromMinutes(1));
        await ReportProgressAsync(org, proposal.Id);
        Assert.Equal(before, app.Mail.MessagesTo(guest).Count);
    }
}

public sealed class SqliteGuestNoticeTests(SqliteApp app) : GuestNoticeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresGuestNoticeTests(PostgresApp app) : GuestNoticeTests(app), IClassFixture<PostgresApp>;
