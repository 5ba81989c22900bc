using System.Net;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// Debates through HTTP: an editor switches the component on and opens a question, participants answer with the
/// shared threaded comments and stances, the page counts the stances, a closed debate is read-only, and flags
/// on debate comments reach the moderation queue.
/// </summary>
public abstract class DebateTests(RathausplatzApp app)
{
    private static async Task<HttpResponseMessage> CommentAsync(HttpClient client, string path, string body, string stance = "neutral", Guid? replyTo = null)
    {
        var page = await client.GetPageAsync(path);
        var form = replyTo is { } parent ? page.Form($"#kommentar-{parent} .reply-form form") : page.FormWithButton("Kommentar veröffentlichen");
        form.Set("body", body).Set("stance", stance);
        if (form.Element.Elements["acceptsNetiquette"] is not null)
            form.Set("acceptsNetiquette", "true");
        return await form.SubmitAsync(client);
    }

    private static Guid CommentIdOf(HttpResponseMessage response) => Guid.Parse(response.RedirectTarget().Split("#kommentar-")[1]);

    private async Task<List<ProposalComment>> CommentsAsync(TestOrganization org)
    {
        await using var scope = app.InOrganization(org);
        return await scope.Db.Set<ProposalComment>().AsNoTracking().OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync();
    }

    [Fact]
    public async Task AnEditorOpensADebateAndParticipantsDiscussItWithStancesThatThePageCounts()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));
        var visitor = app.CreateClient(org);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/beteiligung/{process.Slug}/debatten")).StatusCode);

        var processForm = await editor.GetPageAsync($"/beteiligung/verwaltung/verfahren/{process.Slug}");
        using var switched = await processForm.Form("main form").Set("Input.DebatesEnabled", "true").SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var backOffice = await editor.GetPageAsync($"/beteiligung/verwaltung/verfahren/{process.Slug}");
        Assert.Equal($"/beteiligung/verwaltung/verfahren/{process.Slug}/debatten",
            backOffice.QuerySelector("section[aria-labelledby=debates-heading] a.kern-btn")!.GetAttribute("href"));

        var form = await editor.GetPageAsync($"/beteiligung/verwaltung/verfahren/{process.Slug}/debatten");
        using var refused = await form.Form("main form").Set("Input.Title", " ").SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Bitte geben Sie die Frage an."], (await refused.ReadPageAsync()).ErrorMessages());
        using var opened = await form.Form("main form").Set("Input.Title", "Soll der Marktplatz autofrei werden?")
            .Set("Input.Introduction", "## Worum es geht\n<script>alert(1)</script><img src=x onerror=alert(2)>[Plan](javascript:alert(3))")
            .Set("Input.LastDay", app.TownToday.AddDays(5).ToString("yyyy-MM-dd")).SubmitAsync(editor);
        var editPath = opened.RedirectTarget();
        var debateId = Guid.Parse(editPath[(editPath.LastIndexOf('/') + 1)..]);
        var path = RathausplatzApp.DebatePath(process, debateId);

        var page = await visitor.GetPageAsync(path);
        Assert.Equal("Soll der Marktplatz autofrei werden?", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Worum es geht", page.QuerySelector(".prose h2")!.TextContent);
        // Raw HTML stays text (escaped), never an element; the javascript: link loses its target.
        Assert.Null(page.QuerySelector(".prose script, .prose img, .prose [onerror]"));
        Assert.DoesNotContain("javascript:", page.QuerySelector(".prose")!.InnerHtml);
        Assert.Contains(app.TownToday.AddDays(5).ToString("dd.MM.yyyy"), page.QuerySelector(".debate__status")!.TextContent);
        Assert.Null(page.QuerySelector("form[action*='handler=Comment']"));
        Assert.Equal(path, (await visitor.GetPageAsync($"/beteiligung/{process.Slug}")).QuerySelector("section[aria-labelledby=debates-heading] li a")!.GetAttribute("href"));

        var anna = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        var ben = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        var staff = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Staff));
        using var forIt = await CommentAsync(anna, path, "Ja, dann haben Kinder Platz. <script>alert(1)</script>", "dafuer");
        var forId = CommentIdOf(forIt);
        using var against = await CommentAsync(ben, path, "Nein, der Markt braucht Zufahrt.", "dagegen", forId);
        using var neutral = await CommentAsync(anna, path, "Lieferzeiten wären ein Kompromiss.");
        var staffForm = (await staff.GetPageAsync(path)).FormWithButton("Kommentar veröffentlichen");
        using var official = await staffForm.Set("body", "Lieferverkehr bliebe bis 10 Uhr erlaubt.").Set("stance", "dagegen").Set("official", "true")
            .Set("acceptsNetiquette", "true").SubmitAsync(staff);
        Assert.Equal(HttpStatusCode.Redirect, official.StatusCode);

        page = await visitor.GetPageAsync(path);
        var counts = page.QuerySelectorAll(".stance-counts div").Select(d => d.TextContent.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal([["Dafür", "1"], ["Dagegen", "1"], ["Neutral", "1"]], counts.Select(c => c.ToArray()));
        Assert.Contains("<script>alert(1)</script>", page.QuerySelector($"#kommentar-{forId} .comment__body")!.TextContent);
        Assert.Null(page.QuerySelector(".comment__body script"));
        Assert.Contains("Nein, der Markt braucht Zufahrt.", page.QuerySelector($"#kommentar-{forId} .comment-thread--replies")!.TextContent);
        Assert.Contains("Offizielle Antwort", Assert.Single(page.QuerySelectorAll(".comment--official")).TextContent);
        var stored = await CommentsAsync(org);
        Assert.All(stored, c => Assert.Equal((debateId, (Guid?)null), (c.DebateId!.Value, c.ProposalId)));
        Assert.Equal([Stance.For, Stance.Against, Stance.Neutral, Stance.Against], stored.Select(c => c.Stance));
        Assert.Contains("4 Kommentare", (await visitor.GetPageAsync($"/beteiligung/{process.Slug}/debatten")).MainText());
    }

    [Fact]
    public async Task AClosedDebateIsReadOnlyForEveryone()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var editorUser = await app.CreateUserWithTwoFactorAsync(org, Roles.Editor);
        var open = await app.CreateDebateAsync(org, process, editorUser, lastDay: 0);
        var openPath = RathausplatzApp.DebatePath(process, open.Id);
        var anna = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        using var made = await CommentAsync(anna, openPath, "Noch heute offen.", "dafuer");
        var commentId = CommentIdOf(made);

        // The cached public page lives no longer than until the debate closes at midnight.
        app.Time.Advance(open.ClosesAt!.Value - app.Now - TimeSpan.FromSeconds(20));
        await app.CreateClient(org).GetPageAsync(openPath);
        Assert.Equal(TimeSpan.FromSeconds(20), app.PageCache.LifetimeOf(openPath));

        app.Time.Advance(TimeSpan.FromSeconds(20));
        var staff = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Staff));
        var page = await anna.GetPageAsync(openPath);
        Assert.Contains("Debatte geschlossen", page.QuerySelector(".debate__status")!.TextContent);
        Assert.Contains("Die Debatte ist geschlossen; Kommentare sind nicht mehr möglich.", page.MainText());
        Assert.Null(page.QuerySelector("form[action*='handler=Comment']"));
        Assert.Null(page.QuerySelector("form[action*='handler=Vote']"));

        using var comment = await anna.PostHandMadeAsync(page, openPath + "?handler=Comment", ("body", "Zu spät."), ("stance", "dafuer"));
        Assert.Equal(HttpStatusCode.BadRequest, comment.StatusCode);
        Assert.Equal(["Die Debatte ist geschlossen; Kommentare sind nicht mehr möglich."], (await comment.ReadPageAsync()).ErrorMessages());
        var staffPage = await staff.GetPageAsync(openPath);
        using var staffComment = await staff.PostHandMadeAsync(staffPage, openPath + "?handler=Comment", ("body", "Amtlich zu spät."), ("official", "true"),
            ("acceptsNetiquette", "true"));
        Assert.Equal(HttpStatusCode.BadRequest, staffComment.StatusCode);
        using var vote = await anna.PostHandMadeAsync(page, openPath + "?handler=Vote", ("commentId", commentId.ToString()), ("direction", "up"));
        Assert.Equal(HttpStatusCode.BadRequest, vote.StatusCode);
        Assert.Single(await CommentsAsync(org));
        await using var scope = app.InOrganization(org);
        Assert.False(await scope.Db.Set<CommentVote>().AnyAsync());
        Assert.Contains("geschlossen", (await app.CreateClient(org).GetPageAsync($"/beteiligung/{process.Slug}/debatten")).MainText());
    }

    [Fact]
    public async Task ADebateIsNotFoundWhileTheComponentIsOffOrInAnotherTown()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var editorUser = await app.CreateUserWithTwoFactorAsync(org, Roles.Editor);
        var off = await app.CreateDebateAsync(org, process, editorUser, enable: false);
        var other = await app.CreateOrganizationAsync();
        var foreignProcess = await app.CreateProcessAsync(other);
        var foreign = await app.CreateDebateAsync(other, foreignProcess, await app.CreateUserWithTwoFactorAsync(other, Roles.Editor));
        var editor = await app.CreateSignedInClientAsync(editorUser);

        foreach (var path in new[] { RathausplatzApp.DebatePath(process, off.Id), $"/beteiligung/{process.Slug}/debatten",
                     RathausplatzApp.DebatePath(foreignProcess, foreign.Id), RathausplatzApp.DebatePath(process, foreign.Id),
                     $"/beteiligung/verwaltung/verfahren/{process.Slug}/debatten/{foreign.Id}", $"/beteiligung/verwaltung/verfahren/{foreignProcess.Slug}/debatten" })
        {
            using var response = await editor.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        }
        // The editor still reaches its form, which says the component is off.
        Assert.Contains("Debatten sind in diesem Verfahren ausgeschaltet", (await editor.GetPageAsync($"/beteiligung/verwaltung/verfahren/{process.Slug}/debatten/{off.Id}")).MainText());
    }

    [Fact]
    public async Task VotesCountOnceAndAFlaggedDebateCommentIsHiddenByTheModeration()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var debate = await app.CreateDebateAsync(org, process, await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));
        var path = RathausplatzApp.DebatePath(process, debate.Id);
        var author = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        using var made = await CommentAsync(author, path, "Ein beleidigender Satz über den Nachbarn.", "dagegen");
        var commentId = CommentIdOf(made);
        var other = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));

        var page = await other.GetPageAsync(path);
        using var up = await page.Form($"#kommentar-{commentId} form[action*='handler=Vote']").SubmitAsync(other, "button[value=up]");
        using var again = await page.Form($"#kommentar-{commentId} form[action*='handler=Vote']").SubmitAsync(other, "button[value=up]");
        Assert.Equal($"{path}#kommentar-{commentId}", up.RedirectTarget());
        Assert.Equal("Hilfreich: 1, nicht hilfreich: 0", (await other.GetPageAsync(path)).QuerySelector($"#kommentar-{commentId} .comment__votes")!.TextContent.Trim());

        using var flagged = await page.Form($"#kommentar-{commentId} .flag-form form").Set("reason", "Beleidigung").SubmitAsync(other);
        Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);
        var moderatorUser = await app.CreateUserWithTwoFactorAsync(org, Roles.Moderator);
        var moderator = await app.CreateSignedInClientAsync(moderatorUser);
        var queue = await moderator.GetPageAsync("/beteiligung/verwaltung/moderation");
        Assert.Contains("Kommentar in der Debatte „Soll der Marktplatz autofrei werden?“", queue.MainText());
        Assert.Equal($"{path}#kommentar-{commentId}", queue.QuerySelector(".flagged-item a")!.GetAttribute("href"));
        using var hidden = await queue.FormWithButton("Ausblenden").Set("reason", "Beleidigung eines Nachbarn").SubmitAsync(moderator);
        Assert.Equal("/beteiligung/verwaltung/moderation", hidden.RedirectTarget());

        var publicPage = await app.CreateClient(org).GetPageAsync(path);
        Assert.DoesNotContain("beleidigender Satz", publicPage.DocumentElement.OuterHtml);
        Assert.Contains("Von der Moderation ausgeblendet: Beleidigung eines Nachbarn", publicPage.QuerySelector($"#kommentar-{commentId}")!.TextContent);
        Assert.Equal("0", publicPage.QuerySelector(".stance-counts__item--dagegen dd")!.TextContent);
        Assert.Contains("Kommentar in der Debatte", (await moderator.GetPageAsync("/beteiligung/verwaltung/moderation")).QuerySelector("#decisions-heading + ul")!.TextContent);
        await using var scope = app.InOrganization(org);
        var action = await scope.Db.Set<ModerationAction>().AsNoTracking().SingleAsync();
        Assert.Equal((ModerationDecision.Hidden, moderatorUser.Id, (Guid?)debate.Id, (Guid?)null, (Guid?)commentId),
            (action.Decision, action.ActorId, action.DebateId, action.ProposalId, action.CommentId));
        Assert.Equal(1, await scope.Db.Set<CommentVote>().CountAsync(v => v.CommentId == commentId));
    }

    [Fact]
    public async Task RemovingADebateRemovesItsComments()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var editorUser = await app.CreateUserWithTwoFactorAsync(org, Roles.Editor);
        var debate = await app.CreateDebateAsync(org, process, editorUser);
        var path = RathausplatzApp.DebatePath(process, debate.Id);
        using var made = await CommentAsync(await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen)), path, "Gern.");
        var editor = await app.CreateSignedInClientAsync(editorUser);

        using var removed = await (await editor.GetPageAsync($"/beteiligung/verwaltung/verfahren/{process.Slug}/debatten/{debate.Id}"))
            .FormWithButton("Debatte löschen").SubmitAsync(editor);

        Assert.Equal($"/beteiligung/verwaltung/verfahren/{process.Slug}", removed.RedirectTarget());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient(org).GetAsync(path)).StatusCode);
        Assert.Empty(await CommentsAsync(org));
    }
}

public sealed class SqliteDebateTests(SqliteApp app) : DebateTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDebateTests(PostgresApp app) : DebateTests(app), IClassFixture<PostgresApp>;
