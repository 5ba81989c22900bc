using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// The discussion under a proposal through HTTP: threads with stances, one changeable vote per person,
/// official answers by staff, the netiquette before the first comment, and flag-and-hide with its audit.
/// </summary>
public abstract class CommentTests(RathausplatzApp app)
{
    private async Task<(TestOrganization Org, ParticipationProcess Process, Proposal Proposal, string Path)> ProposalAsync()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var proposal = await app.SubmitProposalAsync(org, process, await app.CreateUserAsync(org, Roles.Citizen));
        return (org, process, proposal, RathausplatzApp.ProposalPath(process, proposal.Id));
    }

    private static async Task<HttpResponseMessage> CommentAsync(HttpClient client, string path, string body, string stance = "neutral",
        Guid? replyTo = null, bool acceptNetiquette = true, bool official = false)
    {
        var page = await client.GetPageAsync(path);
        var form = replyTo is { } parent ? page.Form($"#kommentar-{parent} .reply-form form") : page.FormWithButton("Kommentar veröffentlichen");
        form.Set("body", body).Set("stance", stance);
        if (acceptNetiquette && form.Element.Elements["acceptsNetiquette"] is not null)
            form.Set("acceptsNetiquette", "true");
        if (official)
            form.Tamper("official", "true");
        return await form.SubmitAsync(client);
    }

    private static Guid CommentIdOf(HttpResponseMessage response) =>
        Guid.Parse(response.RedirectTarget().Split("#kommentar-")[1]);

    private async Task<List<ProposalComment>> CommentsAsync(TestOrganization org)
    {
        await using var scope = app.InOrganization(org);
        return await scope.Db.Set<ProposalComment>().AsNoTracking().OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public async Task AThreadShowsRepliesIndentedWithTheirStancesAndReplyDepthIsCapped()
    {
        var (org, _, _, path) = await ProposalAsync();
        var anna = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        var ben = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));

        using var top = await CommentAsync(anna, path, "Gute Idee, aber bitte heimische Arten.", "dafuer");
        var topId = CommentIdOf(top);
        using var reply = await CommentAsync(ben, path, "Heimische Arten vertragen die Hitze schlecht.", "dagegen", topId);
        var replyId = CommentIdOf(reply);
        using var deeper = await CommentAsync(anna, path, "Dann Zürgelbaum?", replyTo: replyId);
        using var deepest = await CommentAsync(ben, path, "Ja, gern.", replyTo: CommentIdOf(deeper));

        var page = await app.CreateClient(org).GetPageAsync(path);
        var first = page.QuerySelector($"#kommentar-{topId}")!;
        Assert.Contains("Dafür", first.QuerySelector(".comment__meta")!.TextContent);
        var nested = first.QuerySelector($".comment-thread--replies #kommentar-{replyId}")!;
        Assert.Contains("Dagegen", nested.QuerySelector(".comment__meta")!.TextContent);
        Assert.Contains("Heimische Arten vertragen die Hitze schlecht.", nested.TextContent);
        var stored = await CommentsAsync(org);
        Assert.Equal([0, 1, 2, 2], stored.Select(c => c.Depth));
        Assert.Equal(stored[2].ParentId, stored[3].ParentId);
        Assert.Equal([Stance.For, Stance.Against, Stance.Neutral, Stance.Neutral], stored.Select(c => c.Stance));
    }

    [Fact]
    public async Task OnePersonVotesOnceAndMayChangeTheVote()
    {
        var (org, _, _, path) = await ProposalAsync();
        var author = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        using var made = await CommentAsync(author, path, "Bitte auch an Trinkbrunnen denken.");
        var id = CommentIdOf(made);
        var voter = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));

        async Task<string> VoteAsync(string direction)
        {
            var page = await voter.GetPageAsync(path);
            using var response = await page.Form($"#kommentar-{id} form[action*='handler=Vote']").SubmitAsync(voter, $"button[value={direction}]");
            Assert.Equal($"{path}#kommentar-{id}", response.RedirectTarget());
            var after = await voter.GetPageAsync(path);
            return after.QuerySelector($"#kommentar-{id} .comment__votes")!.TextContent.Trim() + " | " + after.QuerySelector("main [role=status]")!.TextContent.Trim();
        }

        Assert.Equal("Hilfreich: 1, nicht hilfreich: 0 | Danke für Ihre Bewertung.", await VoteAsync("up"));
        Assert.Equal("Hilfreich: 1, nicht hilfreich: 0 | Sie haben diesen Kommentar schon so bewertet.", await VoteAsync("up"));
        Assert.Equal("Hilfreich: 0, nicht hilfreich: 1 | Ihre Bewertung ist geändert.", await VoteAsync("down"));
        await using var scope = app.InOrganization(org);
        Assert.Equal(VoteDirection.Down, (await scope.Db.Set<CommentVote>().SingleAsync(v => v.CommentId == id)).Direction);
    }

    [Fact]
    public async Task OnlyStaffAnswerOfficially()
    {
        var (org, _, _, path) = await ProposalAsync();
        var staff = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Staff));
        var citizen = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));

        var staffForm = (await staff.GetPageAsync(path)).FormWithButton("Kommentar veröffentlichen");
        using var answer = await staffForm.Set("body", "Das Grünflächenamt prüft die Standorte.").Set("official", "true").Set("acceptsNetiquette", "true").SubmitAsync(staff);
        using var pretended = await CommentAsync(citizen, path, "Ich spreche für die Stadt.", official: true);

        var page = await app.CreateClient(org).GetPageAsync(path);
        var officialComment = Assert.Single(page.QuerySelectorAll(".comment--official"));
        Assert.Contains("Das Grünflächenamt prüft die Standorte.", officialComment.TextContent);
        Assert.Contains("Offizielle Antwort", officialComment.TextContent);
        Assert.Equal([true, false], (await CommentsAsync(org)).Select(c => c.Official));
    }

    [Fact]
    public async Task TheNetiquetteIsAcceptedBeforeTheFirstCommentAndBadCommentsAreRefused()
    {
        var (org, _, _, path) = await ProposalAsync();
        var user = await app.CreateUserAsync(org, Roles.Citizen);
        var client = await app.CreateSignedInClientAsync(user);

        using var withoutNetiquette = await CommentAsync(client, path, "Erster Kommentar.", acceptNetiquette: false);
        using var empty = await CommentAsync(client, path, "   ");
        using var tooLong = await CommentAsync(client, path, new string('x', ProposalComment.MaxBody + 1));
        using var neutral = await CommentAsync(client, path, "Hm.", acceptNetiquette: true);

        Assert.Equal(HttpStatusCode.BadRequest, withoutNetiquette.StatusCode);
        Assert.Equal(["Bitte akzeptieren Sie die Netiquette, bevor Sie sich zum ersten Mal beteiligen."], (await withoutNetiquette.ReadPageAsync()).ErrorMessages());
        Assert.Equal(["Bitte schreiben Sie einen Kommentar."], (await empty.ReadPageAsync()).ErrorMessages());
        Assert.Equal(["Der Kommentar darf höchstens 2000 Zeichen lang sein."], (await tooLong.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, neutral.StatusCode);
        Assert.Single(await CommentsAsync(org));
        Assert.NotNull(await app.FindNetiquetteAcceptanceAsync(user));
        var page = await client.GetPageAsync(path);
        using var tampered = await client.PostHandMadeAsync(page, path + "?handler=Comment", ("body", "Mit erfundener Haltung."), ("stance", "egal"));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Single(await CommentsAsync(org));
    }

    [Fact]
    public async Task AChangedNetiquetteIsAcceptedAgainBeforeTheNextComment()
    {
        var (org, _, _, path) = await ProposalAsync();
        var user = await app.CreateUserAsync(org, Roles.Citizen);
        var client = await app.CreateSignedInClientAsync(user);
        using var first = await CommentAsync(client, path, "Erster Kommentar.");
        await using (var scope = app.InOrganization(org))
            await scope.Db.Set<Organization>().Where(o => o.Id == org.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.Netiquette, "Neu: Bitte bleiben Sie sachlich."));

        var page = await client.GetPageAsync(path);
        using var withoutNetiquette = await CommentAsync(client, path, "Zweiter Kommentar.", acceptNetiquette: false);
        using var accepted = await CommentAsync(client, path, "Zweiter Kommentar.");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.NotNull(page.QuerySelector("input[name=acceptsNetiquette]"));
        Assert.Equal(HttpStatusCode.BadRequest, withoutNetiquette.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var acceptance = await app.FindNetiquetteAcceptanceAsync(user);
        Assert.Equal((Netiquette.VersionOf("Neu: Bitte bleiben Sie sachlich."), app.Now), (acceptance!.TextVersion, acceptance.AcceptedAt));
        Assert.Equal(2, (await CommentsAsync(org)).Count);
    }

    [Fact]
    public async Task FlaggedContributionsAreHiddenWithAReasonThePublicReadsInstead()
    {
        var (org, process, proposal, path) = await ProposalAsync();
        var author = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        using var made = await CommentAsync(author, path, "Ein beleidigender Satz über den Nachbarn.");
        var commentId = CommentIdOf(made);
        var flagger = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        var moderatorUser = await app.CreateUserWithTwoFactorAsync(org, Roles.Moderator);
        var moderator = await app.CreateSignedInClientAsync(moderatorUser);
        var visitor = app.CreateClient(org);
        Assert.Contains("Ein beleidigender Satz", (await visitor.GetPageAsync(path)).MainText());

        var page = await flagger.GetPageAsync(path);
        using var flagged = await page.Form($"#kommentar-{commentId} .flag-form form").Set("reason", "Beleidigung").SubmitAsync(flagger);
        using var flaggedProposal = await page.FormWithButton("Melden").Set("reason", "Werbung").SubmitAsync(flagger);
        Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);

        var queue = await moderator.GetPageAsync("/beteiligung/verwaltung/moderation");
        Assert.Contains("Beleidigung", queue.MainText());
        Assert.Contains("Ein beleidigender Satz über den Nachbarn.", queue.MainText());
        var hideComment = queue.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("form[action*='handler=Hide']")
            .Single(f => f.Elements["commentId"] is AngleSharp.Html.Dom.IHtmlInputElement { Value: var v } && v == commentId.ToString());
        using var noReason = await new HtmlForm(hideComment).SubmitAsync(moderator);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["Bitte geben Sie einen Grund an."], (await noReason.ReadPageAsync()).ErrorMessages());
        using var hidden = await new HtmlForm(hideComment).Set("reason", "Beleidigung eines Nachbarn").SubmitAsync(moderator);
        Assert.Equal("/beteiligung/verwaltung/moderation", hidden.RedirectTarget());

        var publicPage = await visitor.GetPageAsync(path);
        var html = publicPage.DocumentElement.OuterHtml;
        Assert.DoesNotContain("beleidigender Satz", html);
        Assert.Contains("Von der Moderation ausgeblendet: Beleidigung eines Nachbarn", publicPage.QuerySelector($"#kommentar-{commentId}")!.TextContent);
        await using (var scope = app.InOrganization(org))
        {
            var comment = await scope.Db.Set<ProposalComment>().AsNoTracking().SingleAsync(c => c.Id == commentId);
            Assert.Equal((app.Now, moderatorUser.Id, "Beleidigung eines Nachbarn"), (comment.HiddenAt, comment.HiddenById, comment.HiddenReason));
            var action = await scope.Db.Set<ModerationAction>().AsNoTracking().SingleAsync();
            Assert.Equal((ModerationDecision.Hidden, moderatorUser.Id, commentId), (action.Decision, action.ActorId, action.CommentId));
            var flag = await scope.Db.Set<ContentFlag>().AsNoTracking().SingleAsync(f => f.CommentId == commentId);
            Assert.Equal((app.Now, ModerationDecision.Hidden), (flag.ResolvedAt, flag.Decision));
        }

        // The proposal too: its title and text leave the public pages, the reason takes their place.
        queue = await moderator.GetPageAsync("/beteiligung/verwaltung/moderation");
        using var hiddenProposal = await queue.FormWithButton("Ausblenden").Set("reason", "Werbung für ein Geschäft").SubmitAsync(moderator);
        var proposalPage = await visitor.GetPageAsync(path);
        Assert.DoesNotContain(proposal.Title, proposalPage.DocumentElement.OuterHtml);
        Assert.DoesNotContain(proposal.Body, proposalPage.DocumentElement.OuterHtml);
        Assert.Contains("Von der Moderation ausgeblendet: Werbung für ein Geschäft", proposalPage.MainText());
        Assert.DoesNotContain(proposal.Title, (await visitor.GetPageAsync($"/beteiligung/{process.Slug}")).MainText());
    }
}

public sealed class SqliteCommentTests(SqliteApp app) : CommentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCommentTests(PostgresApp app) : CommentTests(app), IClassFixture<PostgresApp>;
