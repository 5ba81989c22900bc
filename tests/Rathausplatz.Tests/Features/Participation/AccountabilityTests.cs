using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Accountability;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Features.Participation.Surveys;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// Accountability: accepted proposals carry progress like budget projects; everyone who took part hears of decisions,
/// answers and progress (in the app and by mail, once, whatever retries); "Meine Beteiligung" shows what came of it.
/// </summary>
public abstract class AccountabilityTests(RathausplatzApp app)
{
    private sealed record Town(TestOrganization Org, ParticipationProcess Process, Proposal Proposal, TestUser Author, HttpClient Editor);

    private async Task<Town> TownAsync()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var author = await app.CreateUserAsync(org, Roles.Citizen);
        var proposal = await app.SubmitProposalAsync(org, process, author);
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));
        return new(org, process, proposal, author, editor);
    }

    private static string Desk(Town town) => $"/beteiligung/verwaltung/vorschlaege/{town.Proposal.Id}";

    private static async Task SetStatusAsync(Town town, string status, string? reason = null)
    {
        var desk = await town.Editor.GetPageAsync(Desk(town));
        using var saved = await desk.FormWithButton("Status speichern").Set("Status", status).Set("Reason", reason ?? "").SubmitAsync(town.Editor);
        Assert.Equal(Desk(town), saved.RedirectTarget());
    }

    private static async Task<HttpResponseMessage> ReportAsync(Town town, string progress, string percent, string text)
    {
        var desk = await town.Editor.GetPageAsync(Desk(town));
        return await desk.FormWithButton("Neuigkeit veröffentlichen").Set("Progress", progress).Set("PercentDone", percent).Set("UpdateText", text)
            .SubmitAsync(town.Editor);
    }

    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    private static string NavEntry(IDocument page) => page.QuerySelector("nav a[href='/benachrichtigungen']")!.TextContent.Trim();

    [Fact]
    public async Task AnAcceptedProposalCarriesProgressOnItsPublicPage()
    {
        var town = await TownAsync();
        var openDesk = await town.Editor.GetPageAsync(Desk(town));
        Assert.DoesNotContain("Neuigkeit veröffentlichen", openDesk.QuerySelector("main")!.TextContent);

        await SetStatusAsync(town, "angenommen");
        using var empty = await ReportAsync(town, "in-umsetzung", "30", "");
        using var reported = await ReportAsync(town, "in-umsetzung", "30", "Der **Bauantrag** ist gestellt.");
        var page = await app.CreateClient(town.Org).GetPageAsync(RathausplatzApp.ProposalPath(town.Process, town.Proposal.Id));

        Assert.Equal(["Bitte schreiben Sie, was sich getan hat."], (await empty.ReadPageAsync()).ErrorMessages());
        Assert.Equal(Desk(town), reported.RedirectTarget());
        Assert.Contains("In Umsetzung", page.QuerySelector(".project-progress")!.TextContent);
        Assert.Equal("30", page.QuerySelector("progress")!.GetAttribute("value"));
        Assert.Equal("Bauantrag", page.QuerySelector(".project-update strong")!.TextContent);
        var (stored, _) = await app.FindProposalAsync(town.Org, town.Proposal.Id);
        Assert.Equal((ProjectProgress.InProgress, 30), (stored.Progress, stored.PercentDone));
    }

    [Fact]
    public async Task AnOpenProposalHasNoProgressFormAndAForgedPostIsRefused()
    {
        var town = await TownAsync();
        var desk = await town.Editor.GetPageAsync(Desk(town));
        var action = desk.FormWithButton("Status speichern").Element.Action.Replace("handler=Status", "handler=Progress", StringComparison.Ordinal);

        using var forged = await town.Editor.PostHandMadeAsync(desk, action, ("Progress", "fertig"), ("PercentDone", "100"), ("UpdateText", "Erledigt."));

        Assert.DoesNotContain("Neuigkeit veröffentlichen", desk.QuerySelector("main")!.TextContent);
        Assert.Equal(["Fortschritt gibt es nur für angenommene oder umgesetzte Vorschläge."], (await forged.ReadPageAsync()).ErrorMessages());
        var publicPage = await app.CreateClient(town.Org).GetPageAsync(RathausplatzApp.ProposalPath(town.Process, town.Proposal.Id));
        Assert.Null(publicPage.QuerySelector("progress"));
    }

    [Fact]
    public async Task ParticipantsHearOfDecisionAnswerAndProgressAndNobodyElseDoes()
    {
        var town = await TownAsync();
        var supporter = await app.CreateUserAsync(town.Org, Roles.Citizen);
        var commenter = await app.CreateUserAsync(town.Org, Roles.Citizen);
        var bystander = await app.CreateUserAsync(town.Org, Roles.Citizen);
        var elsewhere = await app.CreateUserAsync(town.Org, Roles.Citizen);
        await app.SupportAsync(supporter, town.Proposal);
        await app.CommentAsync(commenter, town.Proposal);
        await app.SetLanguageAsync(supporter, "en");
        var other = await app.SubmitProposalAsync(town.Org, town.Process, elsewhere, "Ein Brunnen");
        await app.SupportAsync(bystander, other);
        var otherTown = await TownAsync();
        await app.SupportAsync(await app.CreateUserAsync(otherTown.Org, Roles.Citizen), otherTown.Proposal);
        await app.RunJobsUntilIdleAsync();

        using var logs = app.Logs.Record();
        await SetStatusAsync(town, "angenommen", "Passt in den Haushalt.");
        app.AdvanceTime(TimeSpan.FromMinutes(1));
        using var answer = await (await town.Editor.GetPageAsync(Desk(town))).FormWithButton("Antwort veröffentlichen")
            .Set("Answer", "Wir pflanzen im Herbst.").SubmitAsync(town.Editor);
        app.AdvanceTime(TimeSpan.FromMinutes(1));
        using var reported = await ReportAsync(town, "in-umsetzung", "40", "Die Bäume sind bestellt.");
        await app.RunJobsUntilIdleAsync();

        foreach (var participant in new[] { town.Author, supporter, commenter })
        {
            Assert.Equal(3, (await app.NoticesAsync(participant)).Count);
            Assert.Equal(3, app.Mail.MessagesTo(participant.Email).Count);
        }
        foreach (var outsider in new[] { bystander, elsewhere, otherTown.Author })
        {
            Assert.Empty(await app.NoticesAsync(outsider));
            Assert.Empty(app.Mail.MessagesTo(outsider.Email));
        }
        var authorNotices = await app.NoticesAsync(town.Author);
        Assert.Equal(["Entscheidung zu „Mehr Bäume für Schatten“: Angenommen", "Offizielle Antwort zu „Mehr Bäume für Schatten“",
            "Neues zur Umsetzung von „Mehr Bäume für Schatten“: In Umsetzung, 40 % erledigt"], authorNotices.Select(n => n.Title).ToList());
        Assert.All(authorNotices, n => Assert.Equal(RathausplatzApp.ProposalPath(town.Process, town.Proposal.Id), n.Link));
        var english = app.Mail.MessagesTo(supporter.Email);
        Assert.Contains(english, m => m.Subject!.StartsWith("Decision on “Mehr Bäume für Schatten”", StringComparison.Ordinal));
        Assert.Contains("Begründung: Passt in den Haushalt.", app.Mail.MessagesTo(town.Author.Email).First(m => m.Subject!.StartsWith("Entscheidung", StringComparison.Ordinal)).TextBody);
        Assert.Contains($"https://{town.Org.Host}{RathausplatzApp.ProposalPath(town.Process, town.Proposal.Id)}", english[0].TextBody);
        // Who took part stays out of the logs.
        foreach (var participant in new[] { town.Author, supporter, commenter })
            Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(participant.Email, StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains(participant.Id.ToString(), StringComparison.OrdinalIgnoreCase));
        // Mailed at once, so the notices are stored as mailed and the notice digest leaves them out: a day later, still three mails.
        Assert.All(authorNotices, n => Assert.NotNull(n.MailedAt));
        app.AdvanceTime(TimeSpan.FromDays(1));
        await app.RunJobsUntilIdleAsync();
        Assert.Equal(3, app.Mail.MessagesTo(town.Author.Email).Count);
    }

    [Fact]
    public async Task VotersOfAProjectHearOfItsProgressAndVotersOfOthersDoNot()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateBudgetProcessAsync(org);
        var benches = await app.AddProjectAsync(org, process, "Bänke mit Lehnen", "30.000");
        var fountain = await app.AddProjectAsync(org, process, "Trinkbrunnen", "50.000");
        var voter = await app.CreateUserAsync(org, Roles.Citizen);
        var otherVoter = await app.CreateUserAsync(org, Roles.Citizen);
        await app.CastBallotAsync(voter, process.Slug, benches, fountain);
        await app.CastBallotAsync(otherVoter, process.Slug, fountain);
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));

        var desk = await editor.GetPageAsync($"/beteiligung/verwaltung/verfahren/{process.Slug}/projekte/{benches.Id}");
        using var reported = await desk.FormWithButton("Neuigkeit veröffentlichen").Set("Progress", "fertig").Set("PercentDone", "80")
            .Set("UpdateText", "Alle Bänke stehen.").SubmitAsync(editor);
        await app.RunJobsUntilIdleAsync();

        var notice = Assert.Single(await app.NoticesAsync(voter));
        Assert.Equal("Neues zur Umsetzung von „Bänke mit Lehnen“: Fertig, 100 % erledigt", notice.Title);
        Assert.Equal($"/beteiligung/{process.Slug}/haushalt/projekte/{benches.Id}", notice.Link);
        Assert.Single(app.Mail.MessagesTo(voter.Email));
        Assert.Empty(await app.NoticesAsync(otherVoter));
        Assert.Empty(app.Mail.MessagesTo(otherVoter.Email));
    }

    [Fact]
    public async Task RunningANoticeJobAgainTellsNobodyTwice()
    {
        var town = await TownAsync();
        var supporter = await app.CreateUserAsync(town.Org, Roles.Citizen);
        await app.SupportAsync(supporter, town.Proposal);
        await app.RunJobsUntilIdleAsync();

        await SetStatusAsync(town, "abgelehnt", "Dort liegen Leitungen.");
        // Twice by hand (a retry after a crash, a second node), then once more by the worker.
        await app.RunNoticeJobsAgainAsync(town.Org);
        await app.RunNoticeJobsAgainAsync(town.Org);
        await app.RunJobsUntilIdleAsync();
        await app.RunNoticeJobsAgainAsync(town.Org);
        await app.RunJobsUntilIdleAsync();

        foreach (var participant in new[] { town.Author, supporter })
        {
            Assert.Single(await app.NoticesAsync(participant));
            Assert.Single(app.Mail.MessagesTo(participant.Email));
        }
    }

    [Fact]
    public async Task TheInboxShowsPostsAndNoticesTogetherAndOnlyOnesOwn()
    {
        var town = await TownAsync();
        var author = await app.CreateSignedInClientAsync(town.Author);
        var settings = await author.GetPageAsync("/abonnement/konto");
        using var subscribed = await settings.Form().SubmitAsync(author);
        var post = await app.PublishedPostAsync(await app.CreateEditorAsync(town.Org));
        await app.RunJobsUntilIdleAsync();
        app.AdvanceTime(TimeSpan.FromMinutes(5));
        await SetStatusAsync(town, "angenommen");
        await app.RunJobsUntilIdleAsync();
        var notice = Assert.Single(await app.NoticesAsync(town.Author));
        var stranger = await app.CreateSignedInClientAsync(await app.CreateUserAsync(town.Org, Roles.Citizen));

        // The stranger tries first: had it marked the notice read, the author's inbox below would show it read.
        using var strangersTry = await stranger.GetAsync($"/benachrichtigungen/{notice.Id}");
        var inbox = await author.GetPageAsync("/benachrichtigungen");
        var strangersInbox = await stranger.GetPageAsync("/benachrichtigungen");
        using var opened = await author.GetAsync($"/benachrichtigungen/{notice.Id}");
        var afterOpening = await author.GetPageAsync("/benachrichtigungen");

        var items = inbox.QuerySelectorAll("main li.notification").Select(li => Squash(li.TextContent)).ToList();
        Assert.Equal(2, items.Count);
        Assert.StartsWith("Ungelesen: Entscheidung zu „Mehr Bäume für Schatten“: Angenommen Beteiligung", items[0]);
        Assert.Equal("Benachrichtigungen (2)", NavEntry(inbox));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, strangersTry.StatusCode);
        Assert.Empty(strangersInbox.QuerySelectorAll("main li.notification"));
        Assert.Equal(RathausplatzApp.ProposalPath(town.Process, town.Proposal.Id), opened.RedirectTarget());
        Assert.Equal("Benachrichtigungen (1)", NavEntry(afterOpening));
        Assert.NotNull((await app.NoticesAsync(town.Author)).Single().ReadAt);
        // The older item is the post; opening it still leads to the post.
        using var openedPost = await author.GetAsync(inbox.QuerySelectorAll("main li.notification")[1].QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal($"/aktuelles/{post.Slug}", openedPost.RedirectTarget());
    }

    [Fact]
    public async Task MarkAllReadCoversNoticesAndLeavesOthersAlone()
    {
        var town = await TownAsync();
        var supporter = await app.CreateUserAsync(town.Org, Roles.Citizen);
        await app.SupportAsync(supporter, town.Proposal);
        await SetStatusAsync(town, "angenommen");
        await app.RunJobsUntilIdleAsync();
        var author = await app.CreateSignedInClientAsync(town.Author);

        var before = await author.GetPageAsync("/benachrichtigungen");
        using var marked = await before.FormWithButton("Alle als gelesen markieren").SubmitAsync(author);

        Assert.Equal("Benachrichtigungen (1)", NavEntry(before));
        Assert.NotNull(Assert.Single(await app.NoticesAsync(town.Author)).ReadAt);
        Assert.Null(Assert.Single(await app.NoticesAsync(supporter)).ReadAt);
    }

    [Fact]
    public async Task MyParticipationListsWhatCameOfEveryContributionWithoutLinkingAnAnonymousAnswer()
    {
        var town = await TownAsync();
        var person = await app.CreateUserAsync(town.Org, Roles.Citizen);
        var client = await app.CreateSignedInClientAsync(person);
        var supported = await app.SubmitProposalAsync(town.Org, town.Process, town.Author, "Ein Brunnen");
        var mine = await app.SubmitProposalAsync(town.Org, town.Process, person, "Mehr Radwege");
        var untouched = await app.SubmitProposalAsync(town.Org, town.Process, town.Author, "Ein Kiosk");
        await app.SupportAsync(person, supported);
        await app.CommentAsync(person, town.Proposal);
        await SetStatusAsync(town, "angenommen");
        using var reported = await ReportAsync(town, "in-umsetzung", "25", "Die Pflanzlöcher sind gegraben.");
        var survey = await app.CreateSurveyAsync(town.Org, anonymous: true);
        await AnswerAsync(person, survey);
        var (_, responses) = await app.FindSurveyAnswersAsync(town.Org, survey.Survey.Id);
        var response = Assert.Single(responses);

        var page = await client.GetPageAsync("/beteiligung/meine");

        var proposals = page.QuerySelectorAll("#proposals-heading + ul > li").Select(li => Squash(li.TextContent)).ToList();
        Assert.Equal(3, proposals.Count);
        Assert.Contains(proposals, p => p.StartsWith("Mehr Radwege Von Ihnen: geschrieben", StringComparison.Ordinal));
        Assert.Contains(proposals, p => p.StartsWith("Ein Brunnen Von Ihnen: unterstützt", StringComparison.Ordinal));
        var accepted = Assert.Single(proposals, p => p.StartsWith("Mehr Bäume für Schatten Von Ihnen: kommentiert", StringComparison.Ordinal));
        Assert.Contains("Angenommen · In Umsetzung · 25 % erledigt", accepted);
        Assert.Contains("Die Pflanzlöcher sind gegraben.", accepted);
        Assert.DoesNotContain(proposals, p => p.Contains("Ein Kiosk", StringComparison.Ordinal));
        var surveyItem = Squash(Assert.Single(page.QuerySelectorAll("#surveys-heading + ul > li")).TextContent);
        Assert.StartsWith(survey.Survey.Title, surveyItem);
        Assert.DoesNotContain(response.Id.ToString(), page.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Null(page.QuerySelector($"a[href$='/umfragen/{survey.Survey.Id}/ergebnisse']"));

        await ReleaseResultsAsync(town.Org, survey.Survey.Id);
        var released = await client.GetPageAsync("/beteiligung/meine");
        Assert.NotNull(released.QuerySelector($"a[href='/beteiligung/{survey.Process.Slug}/umfragen/{survey.Survey.Id}/ergebnisse']"));
        Assert.DoesNotContain(response.Id.ToString(), released.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sie haben noch in keinem Bürgerhaushalt abgestimmt.", released.MainText());
    }

    private async Task AnswerAsync(TestUser person, TestSurvey s)
    {
        var client = await app.CreateSignedInClientAsync(person);
        var page = await client.GetPageAsync(s.Path);
        using var saved = await page.Form("main form[data-survey]")
            .Set(TestSurvey.Field(s.Single), "0").Check(TestSurvey.Field(s.Multiple), "0").Set(TestSurvey.Field(s.Other), "Flohmarkt")
            .Set(TestSurvey.Field(s.Scale), "4")
            .Set(TestSurvey.Field(s.Ranking, 0), "2").Set(TestSurvey.Field(s.Ranking, 1), "1").Set(TestSurvey.Field(s.Ranking, 2), "3")
            .Set(TestSurvey.Field(s.Matrix, 0), "3").Set(TestSurvey.Field(s.Matrix, 1), "1").Set(TestSurvey.Field(s.Text), "Schatten.")
            .SubmitAsync(client);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
    }

    private async Task ReleaseResultsAsync(TestOrganization org, Guid surveyId)
    {
        await using var scope = app.InOrganization(org);
        await scope.Db.Set<Survey>().Where(s => s.Id == surveyId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ResultsReleased, true));
    }
}

public sealed class SqliteAccountabilityTests(SqliteApp app) : AccountabilityTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAccountabilityTests(PostgresApp app) : AccountabilityTests(app), IClassFixture<PostgresApp>;
