using System.Net;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.WithoutAccount;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// Taking part without an account where the process allows it: a support or a survey answer counts once per
/// e-mail address, and only after the address's owner used the link of the mail; an account and its own
/// address count once together; forged, expired and reused links change nothing.
/// </summary>
public abstract class GuestParticipationTests(RathausplatzApp app)
{
    /// <summary>A new spec each time: each has its own slug.</summary>
    private static ProcessSpec Open => new() { OpenWithoutAccount = true };

    private async Task<(TestOrganization Org, ParticipationProcess Process, Guid ProposalId, HttpClient Visitor)> ProposalAsync(ProcessSpec? spec = null)
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org, spec ?? Open);
        var author = await app.CreateUserAsync(org, Roles.Citizen);
        var proposal = await app.SubmitProposalAsync(org, process, author);
        return (org, process, proposal.Id, app.CreateClient(org));
    }

    /// <summary>Asks for the link on the page the proposal or survey offers, and returns it from the mail.</summary>
    private async Task<string> AskForLinkAsync(HttpClient visitor, string subjectPath, string email)
    {
        var subject = await visitor.GetPageAsync(subjectPath);
        Assert.NotNull(subject.QuerySelector($"main a[href='{subjectPath}/ohne-konto']"));
        var request = await visitor.GetPageAsync($"{subjectPath}/ohne-konto");
        using var sent = await request.Form("main form").Set("Email", email).SubmitAsync(visitor);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Bitte sehen Sie in Ihr Postfach.", (await sent.ReadPageAsync()).MainText());
        await app.RunJobsUntilIdleAsync();
        return app.Mail.MessagesTo(email.Trim().ToLowerInvariant()).Last().Link().PathAndQuery;
    }

    /// <summary>The count on the public page (cached for visitors: a confirmed support must evict it).</summary>
    private static async Task<string> ShownSupportsAsync(HttpClient visitor, string path) =>
        (await visitor.GetPageAsync(path)).QuerySelectorAll("dt").Single(dt => dt.TextContent == "Unterstützungen").NextElementSibling!.TextContent;

    private async Task<int> SupportsAsync(TestOrganization org, Guid proposalId) => (await app.FindProposalAsync(org, proposalId)).Proposal.SupportCount;

    [Fact]
    public async Task AVisitorSupportsByMailAndCountsOnceTheLinkIsConfirmed()
    {
        var (org, process, proposalId, visitor) = await ProposalAsync();
        var path = RathausplatzApp.ProposalPath(process, proposalId);
        Assert.Equal("0", await ShownSupportsAsync(visitor, path));

        var link = await AskForLinkAsync(visitor, path, " Gast.Eins@Example.org ");
        var mail = app.Mail.MessagesTo("gast.eins@example.org").Single();
        Assert.Contains("Mehr Bäume für Schatten", mail.TextBody);
        Assert.Equal(0, await SupportsAsync(org, proposalId));

        // Opening the link (as a mail scanner does) counts nothing; the button does, once.
        var confirm = await visitor.GetPageAsync(link);
        Assert.Equal(0, await SupportsAsync(org, proposalId));
        using var confirmed = await confirm.FormWithButton("Vorschlag unterstützen").SubmitAsync(visitor);
        Assert.Equal(path, confirmed.RedirectTarget());
        Assert.Equal(1, await SupportsAsync(org, proposalId));
        Assert.Equal("1", await ShownSupportsAsync(app.CreateClient(org), path));

        using var again = await confirm.FormWithButton("Vorschlag unterstützen").SubmitAsync(visitor);
        Assert.Equal(path, again.RedirectTarget());
        Assert.Contains("Sie unterstützen diesen Vorschlag bereits.", (await visitor.GetPageAsync(link)).MainText());
        var secondLink = await AskForLinkAsync(app.CreateClient(org), path, "gast.eins@example.org");
        var second = await visitor.GetPageAsync(secondLink);
        Assert.Null(second.QuerySelector("main form"));
        Assert.Contains("Sie unterstützen diesen Vorschlag bereits.", second.MainText());
        Assert.Equal(1, await SupportsAsync(org, proposalId));
    }

    [Fact]
    public async Task TenParallelConfirmationsOfOneLinkCountOnce()
    {
        var (org, process, proposalId, visitor) = await ProposalAsync();
        var link = await AskForLinkAsync(visitor, RathausplatzApp.ProposalPath(process, proposalId), "parallel@example.org");
        var form = (await visitor.GetPageAsync(link)).FormWithButton("Vorschlag unterstützen");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => form.SubmitAsync(visitor)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        foreach (var response in responses)
            response.Dispose();
        Assert.Equal(1, await SupportsAsync(org, proposalId));
    }

    [Fact]
    public async Task AnAccountAndItsOwnAddressCountOnceTogether()
    {
        var (org, process, proposalId, visitor) = await ProposalAsync();
        var path = RathausplatzApp.ProposalPath(process, proposalId);
        var citizen = await app.CreateUserAsync(org, Roles.Citizen);
        var client = await app.CreateSignedInClientAsync(citizen);
        using var supported = await (await client.GetPageAsync(path)).FormWithButton("Vorschlag unterstützen").SubmitAsync(client);

        var link = await AskForLinkAsync(visitor, path, citizen.Email.ToUpperInvariant());
        using var asGuest = await (await visitor.GetPageAsync(link)).FormWithButton("Vorschlag unterstützen").SubmitAsync(visitor);
        Assert.Equal(1, await SupportsAsync(org, proposalId));

        // The other way round: the address supported first, then its account tries.
        var other = await app.SubmitProposalAsync(org, process, citizen, "Trinkbrunnen");
        var otherPath = RathausplatzApp.ProposalPath(process, other.Id);
        var otherLink = await AskForLinkAsync(visitor, otherPath, citizen.Email);
        using var first = await (await visitor.GetPageAsync(otherLink)).FormWithButton("Vorschlag unterstützen").SubmitAsync(visitor);
        using var byAccount = await (await client.GetPageAsync(otherPath)).FormWithButton("Vorschlag unterstützen").SubmitAsync(client);
        Assert.Equal(otherPath, byAccount.RedirectTarget());
        Assert.Contains("Sie unterstützen diesen Vorschlag bereits.", (await client.GetPageAsync(otherPath)).MainText());
        Assert.Equal((1, 0), ((await app.FindProposalAsync(org, other.Id)).Proposal.SupportCount, (await app.FindProposalAsync(org, other.Id)).SupportRows));
    }

    [Fact]
    public async Task ProcessesClosedToVisitorsOfferNoWayAndRefuseTheRequest()
    {
        var (org, process, proposalId, visitor) = await ProposalAsync(new ProcessSpec());
        var path = RathausplatzApp.ProposalPath(process, proposalId);
        Assert.Null((await visitor.GetPageAsync(path)).QuerySelector($"main a[href='{path}/ohne-konto']"));
        using var request = await visitor.GetAsync($"{path}/ohne-konto");
        Assert.Equal(HttpStatusCode.NotFound, request.StatusCode);

        // Residency needs an account: the two switches together are refused.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => app.CreateProcessAsync(org, new ProcessSpec { OpenWithoutAccount = true, ResidentsOnly = true }));
        Assert.Contains(nameof(ProcessProblem.ResidentsNeedAccounts), refused.Message);
    }

    [Fact]
    public async Task BadAddressesAndForgedExpiredOrForeignLinksAreRefusedWithAMessage()
    {
        var (org, process, proposalId, visitor) = await ProposalAsync();
        var path = RathausplatzApp.ProposalPath(process, proposalId);
        var request = await visitor.GetPageAsync($"{path}/ohne-konto");
        using var bad = await request.Form("main form").Set("Email", "keine-adresse").SubmitAsync(visitor);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["Bitte geben Sie eine gültige E-Mail-Adresse an."], (await bad.ReadPageAsync()).ErrorMessages());
        var english = app.CreateClient(org, "en");
        using var badEnglish = await (await english.GetPageAsync($"{path}/ohne-konto")).Form("main form").Set("Email", "").SubmitAsync(english);
        Assert.Equal(["Please enter your e-mail address."], (await badEnglish.ReadPageAsync()).ErrorMessages());

        var link = await AskForLinkAsync(visitor, path, "spaet@example.org");
        var token = link[(link.LastIndexOf('/') + 1)..];
        using var forged = await visitor.GetAsync($"/beteiligung/ohne-konto/{token[..^4]}AAAA");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Dieser Link gilt nicht (mehr).", (await forged.ReadPageAsync()).MainText());
        using var elsewhere = await app.CreateClient(await app.CreateOrganizationAsync()).GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);

        var confirm = await visitor.GetPageAsync(link);
        app.AdvanceTime(GuestLinks.Lifetime + TimeSpan.FromMinutes(1));
        using var expired = await confirm.FormWithButton("Vorschlag unterstützen").SubmitAsync(visitor);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal(0, await SupportsAsync(org, proposalId));
    }

    [Fact]
    public async Task AVisitorAnswersASurveyOnceByTheLinkAndTheResponseCarriesNoAddress()
    {
        var org = await app.CreateOrganizationAsync();
        var s = await app.CreateSurveyAsync(org, anonymous: true, Open);
        var visitor = app.CreateClient(org);
        Assert.Null((await visitor.GetPageAsync(s.Path)).QuerySelector("main form[data-survey]"));

        var link = await AskForLinkAsync(visitor, s.Path, "umfrage@example.org");
        using var opened = await visitor.GetAsync(link);
        var questionnaire = opened.RedirectTarget();
        Assert.StartsWith($"{s.Path}?zugang=", questionnaire);
        var form = (await visitor.GetPageAsync(questionnaire)).Form("main form[data-survey]").Set(TestSurvey.Field(s.Single), "1");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => form.SubmitAsync(visitor)));
        foreach (var response in responses)
            response.Dispose();

        var (participations, answers) = await app.FindSurveyAnswersAsync(org, s.Survey.Id);
        Assert.Equal((0, 1), (participations, answers.Count));
        Assert.Null(answers[0].UserId);
        var guest = Assert.Single(await app.ReadTableAsync("GuestParticipants"), row => (string)row["Email"]! == "umfrage@example.org");
        Assert.DoesNotContain(guest.Values, v => v is DateTime or DateTimeOffset);
        var again = await visitor.GetPageAsync(questionnaire);
        Assert.Null(again.QuerySelector("main form[data-survey]"));
        Assert.Contains("Sie haben diese Umfrage schon beantwortet.", again.MainText());
    }

    [Fact]
    public async Task AnAccountThatAnsweredCannotAnswerAgainByItsAddressAndTheOtherWayRound()
    {
        var org = await app.CreateOrganizationAsync();
        var s = await app.CreateSurveyAsync(org, anonymous: false, Open);
        var citizen = await app.CreateUserAsync(org, Roles.Citizen);
        var client = await app.CreateSignedInClientAsync(citizen);
        using var byAccount = await (await client.GetPageAsync(s.Path)).Form("main form[data-survey]").Set(TestSurvey.Field(s.Single), "0").SubmitAsync(client);
        var visitor = app.CreateClient(org);
        var link = await AskForLinkAsync(visitor, s.Path, citizen.Email);
        using var opened = await visitor.GetAsync(link);
        var page = await visitor.GetPageAsync(opened.RedirectTarget());
        Assert.Null(page.QuerySelector("main form[data-survey]"));

        var second = await app.CreateSurveyAsync(org, anonymous: false, Open);
        var secondLink = await AskForLinkAsync(visitor, second.Path, citizen.Email);
        using var secondOpened = await visitor.GetAsync(secondLink);
        using var asGuest = await (await visitor.GetPageAsync(secondOpened.RedirectTarget())).Form("main form[data-survey]")
            .Set(TestSurvey.Field(second.Single), "2").SubmitAsync(visitor);
        using var thenAccount = await (await client.GetPageAsync(second.Path)).Form("main form[data-survey]").Set(TestSurvey.Field(second.Single), "0").SubmitAsync(client);
        Assert.Contains("Sie haben diese Umfrage schon beantwortet.", (await client.GetPageAsync(second.Path)).MainText());
        Assert.Single((await app.FindSurveyAnswersAsync(org, second.Survey.Id)).Responses);
    }

    [Fact]
    public async Task LinksNeverUsedAreForgottenWithTheirAddressOnceTheyExpire()
    {
        var (org, process, proposalId, visitor) = await ProposalAsync(Open with { ProposalPhase = (-1, 30) });
        var path = RathausplatzApp.ProposalPath(process, proposalId);
        await AskForLinkAsync(visitor, path, "nie-benutzt@example.org");
        await AskForLinkAsync(visitor, path, "spaeter-nochmal@example.org");
        var used = await AskForLinkAsync(visitor, path, "benutzt@example.org");
        using var confirmed = await (await visitor.GetPageAsync(used)).FormWithButton("Vorschlag unterstützen").SubmitAsync(visitor);

        async Task<string[]> AddressesAsync() => (await app.ReadTableAsync("GuestParticipants"))
            .Where(row => string.Equals(row["SubjectId"]!.ToString(), proposalId.ToString(), StringComparison.OrdinalIgnoreCase)).Select(row => (string)row["Email"]!).Order().ToArray();

        // Six days on, one address asks again: its new link works for another week.
        app.AdvanceTime(TimeSpan.FromDays(6));
        var again = await AskForLinkAsync(visitor, path, "spaeter-nochmal@example.org");
        app.AdvanceTime(TimeSpan.FromDays(3));
        await app.RunJobsUntilIdleAsync();
        Assert.Equal(["benutzt@example.org", "spaeter-nochmal@example.org"], await AddressesAsync());
        Assert.Contains("Möchten Sie diesen Vorschlag unterstützen?", (await visitor.GetPageAsync(again)).MainText());

        app.AdvanceTime(TimeSpan.FromDays(6));
        await app.RunJobsUntilIdleAsync();
        Assert.Equal(["benutzt@example.org"], await AddressesAsync());
        Assert.Equal(1, await SupportsAsync(org, proposalId));
    }
}

public sealed class SqliteGuestParticipationTests(SqliteApp app) : GuestParticipationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresGuestParticipationTests(PostgresApp app) : GuestParticipationTests(app), IClassFixture<PostgresApp>;
