using System.Net;
using AngleSharp.Dom;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// The permission matrix of a space: every kind of person × every page and form of the space, each with the
/// exact answer. "403" is the app's way of forbidding a page (a redirect to /error/403, which answers 403),
/// "signin" the redirect to the sign-in form, "302" a form that did its work, "400" one refused with a
/// message, "200+"/"200-" a page that does or does not show the space's content.
/// </summary>
public abstract class IntranetAccessTests(RathausplatzApp app)
{
    /// <summary>The columns of the matrix, in the order the expectations list them.</summary>
    private static readonly string[] Actors = ["owner", "member", "guest", "staff", "admin", "other-guest", "citizen", "anonymous"];

    /// <summary>One row per resource or action, for a space that staff join on request.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["space page"] = "200 200 200 200 200 404 403 signin",
        ["tag filter"] = "200 200 200 403 200 404 403 signin",
        ["older posts"] = "200 200 200 403 200 404 403 signin",
        ["post page"] = "200 200 200 403 200 404 403 signin",
        ["members page"] = "200 200 200 403 200 404 403 signin",
        ["own stream"] = "200+ 200+ 200+ 200- 200- 200- 403 signin",
        ["space list"] = "200+ 200+ 200+ 200+ 200+ 200- 403 signin",
        ["new space form"] = "200 200 403 200 200 403 403 signin",
        ["join"] = "400 400 400 403 403 404 403 signin",
        ["request"] = "400 400 400 302 302 404 403 signin",
        // The admin adds the same colleague after the owner did: already a member.
        ["invite staff"] = "302 403 403 403 400 404 403 signin",
        ["invite guest"] = "302 403 403 403 302 404 403 signin",
        ["role change"] = "302 403 403 403 302 404 403 signin",
        ["leave"] = "400 302 302 403 403 404 403 signin",
        ["post"] = "302 302 302 403 403 404 403 signin",
        ["comment"] = "302 302 302 403 403 404 403 signin",
        ["react"] = "302 302 302 403 403 404 403 signin",
        // The member wrote the post and the comment: only authors edit; owners and admins also delete (moderation).
        ["edit post form"] = "403 200 403 403 403 404 403 signin",
        ["edit post"] = "403 302 403 403 403 404 403 signin",
        ["edit comment form"] = "403 200 403 403 403 404 403 signin",
        ["edit comment"] = "403 302 403 403 403 404 403 signin",
        ["delete post"] = "302 302 403 403 302 404 403 signin",
        ["delete comment"] = "302 302 403 403 302 404 403 signin",
        // Must-read: the leadership marks; members (guests included) confirm; author and leadership see the report.
        ["mark must-read"] = "302 403 403 403 302 404 403 signin",
        ["confirm read"] = "302 302 302 403 403 404 403 signin",
        ["read report"] = "200 200 403 403 200 404 403 signin",
        // People and skills are for staff: guests are no colleagues (403, like opening a space).
        ["people finder"] = "200 200 403 200 200 403 403 signin",
        ["own profile form"] = "200 200 403 200 200 403 403 signin",
        ["colleague profile"] = "200 200 403 200 200 403 403 signin",
        ["save profile"] = "302 302 403 302 302 403 403 signin",
        // The member's own skill: nobody confirms their own.
        ["endorse"] = "302 400 403 302 302 403 403 signin",
        ["questions"] = "200 200 403 200 200 403 403 signin",
        ["ask"] = "302 302 403 302 302 403 403 signin",
        ["question page"] = "200 200 403 200 200 403 403 signin",
        ["answer"] = "302 302 403 302 302 403 403 signin",
        // The owner asked: only the asker marks the best answer, admins included.
        ["best answer"] = "302 403 403 403 403 403 403 signin",
        // The member wrote the answer: only its author edits it; admins also delete it (the owner is just another colleague here).
        ["edit answer form"] = "403 200 403 403 403 403 403 signin",
        ["edit answer"] = "403 302 403 403 403 403 403 signin",
        ["delete answer"] = "403 302 403 403 302 403 403 signin",
        // Tasks (the space is a project): read like the stream, written by members, guests included.
        ["task list"] = "200 200 200 403 200 404 403 signin",
        ["task board"] = "200 200 200 403 200 404 403 signin",
        ["task page"] = "200 200 200 403 200 404 403 signin",
        ["new task"] = "302 302 302 403 403 404 403 signin",
        ["edit task"] = "302 302 302 403 403 404 403 signin",
        ["move task"] = "302 302 302 403 403 404 403 signin",
        // Documents: the download and preview URLs answer exactly as the pages do.
        ["document list"] = "200 200 200 403 200 404 403 signin",
        ["document page"] = "200 200 200 403 200 404 403 signin",
        ["document download"] = "200 200 200 403 200 404 403 signin",
        ["document preview"] = "200 200 200 403 200 404 403 signin",
        ["upload document"] = "302 302 302 403 403 404 403 signin",
        // A post's attached files: answered exactly like the post page; a post with files like a post.
        ["attachment download"] = "200 200 200 403 200 404 403 signin",
        ["attachment preview"] = "200 200 200 403 200 404 403 signin",
        ["post with attachment"] = "302 302 302 403 403 404 403 signin",
        ["new version"] = "302 302 302 403 403 404 403 signin",
        ["document comment"] = "302 302 302 403 403 404 403 signin",
        // The member wrote the document comment: as in the stream, only authors edit; owners and admins also delete.
        ["edit document comment form"] = "403 200 403 403 403 404 403 signin",
        ["edit document comment"] = "403 302 403 403 403 404 403 signin",
        ["delete document comment"] = "302 302 403 403 302 404 403 signin",
        // The space's wiki: read like the stream, written by members (guests included); admins read only.
        ["space wiki"] = "200 200 200 403 200 404 403 signin",
        ["space wiki page"] = "200 200 200 403 200 404 403 signin",
        ["space wiki history"] = "200 200 200 403 200 404 403 signin",
        ["space wiki new page"] = "302 302 302 403 403 404 403 signin",
        ["space wiki edit"] = "302 302 302 403 403 404 403 signin",
        // The member wrote the page: its author deletes it, and so do the owners and admins who manage the wiki.
        ["space wiki delete"] = "302 302 403 403 302 404 403 signin",
        // The knowledge base: all staff read and write; guests never see it.
        ["knowledge base"] = "200 200 404 200 200 404 403 signin",
        ["knowledge base page"] = "200 200 404 200 200 404 403 signin",
        ["knowledge base new page"] = "302 302 404 302 302 404 403 signin",
        ["knowledge base edit"] = "302 302 404 302 302 404 403 signin",
        // The member wrote it; the owner is just another colleague here, the admins manage the knowledge base.
        ["knowledge base delete"] = "403 302 404 403 302 404 403 signin",
        // Search: "200+" when the item is among the results (its link), "200-" when not. A hit appears exactly
        // where the item's own page above answers 200 with content.
        ["search post"] = "200+ 200+ 200+ 200- 200+ 200- 403 signin",
        ["search comment"] = "200+ 200+ 200+ 200- 200+ 200- 403 signin",
        ["search space wiki page"] = "200+ 200+ 200+ 200- 200+ 200- 403 signin",
        ["search knowledge base page"] = "200+ 200+ 200- 200+ 200+ 200- 403 signin",
        ["search document"] = "200+ 200+ 200+ 200- 200+ 200- 403 signin",
        ["search task"] = "200+ 200+ 200+ 200- 200+ 200- 403 signin",
        ["search space"] = "200+ 200+ 200+ 200+ 200+ 200- 403 signin",
        ["search colleague"] = "200+ 200+ 200- 200+ 200+ 200- 403 signin",
        // A question is found by its title and by its answers' words, both leading to the question page (staff only).
        ["search question"] = "200+ 200+ 200- 200+ 200+ 200- 403 signin",
        ["search answer"] = "200+ 200+ 200- 200+ 200+ 200- 403 signin",
        ["search document comment"] = "200+ 200+ 200+ 200- 200+ 200- 403 signin",
    };

    public static TheoryData<string> Resources() => [.. Expected.Keys];

    private sealed record Town(TestOrganization Org, TestSpace Space, Guid PostId, Dictionary<string, TestUser?> People, TestUser Member,
        Guid SkillId, Guid QuestionId, Guid AnswerId, Guid TaskId, Guid DocumentId, TestWikiPage SpaceWikiPage, TestWikiPage KnowledgeBasePage,
        Guid CommentId, Guid AttachmentId, Guid DocumentCommentId);

    /// <summary>Words that only the space's stream contains, so a page showing them shows the space's content.</summary>
    private const string Secret = "Vertraulich-Haushaltsentwurf";

    private async Task<Town> TownAsync(JoinPolicy policy = JoinPolicy.OnRequest)
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var member = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var guest = await app.CreateUserAsync(org, Roles.Guest);
        var staff = await app.CreateUserWithTwoFactorAsync(org, Roles.Editor);
        var admin = await app.CreateUserWithTwoFactorAsync(org, Roles.OrganizationAdmin);
        var otherGuest = await app.CreateUserAsync(org, Roles.Guest);
        var citizen = await app.CreateUserAsync(org, Roles.Citizen);
        var space = await app.CreateSpaceAsync(owner, policy, title: Unique.Name("Haushalt"), kind: SpaceKind.Project);
        await app.AddToSpaceAsync(space, member, SpaceRole.Member);
        await app.AddToSpaceAsync(space, guest, SpaceRole.Guest);
        var other = await app.CreateSpaceAsync(owner, JoinPolicy.InvitationOnly);
        await app.AddToSpaceAsync(other, otherGuest, SpaceRole.Guest);
        var postId = await app.AddStreamPostAsync(space, member, $"{Secret} #planung");
        var commentId = await app.AddStreamCommentAsync(space, postId, owner, "Rückfrage zur Rechnungsprüfung");
        await app.AddStreamPostAsync(other, owner, "Nur für den anderen Raum.");
        await app.CreateProfileAsync(member, skills: "Haushaltsrecht");
        var questionId = await app.AskExpertsAsync(owner, "Wer kennt sich mit dem Haushalt aus?", "haushaltsrecht");
        var answerId = await app.AnswerExpertQuestionAsync(member, questionId, "Ich, und Frau Berger aus der Kämmerei.");
        var spaceWikiPage = await app.CreateWikiPageAsync(member, space, "Ablage", Secret);
        var knowledgeBasePage = await app.CreateWikiPageAsync(member, null, Unique.Name("Reisekosten"), Secret);
        var people = new Dictionary<string, TestUser?>
        {
            ["owner"] = owner,
            ["member"] = member,
            ["guest"] = guest,
            ["staff"] = staff,
            ["admin"] = admin,
            ["other-guest"] = otherGuest,
            ["citizen"] = citizen,
            ["anonymous"] = null,
        };
        var taskId = await app.AddTaskAsync(space, owner, "Haushalt prüfen", member);
        var documentId = await app.AddDocumentAsync(space, owner, "Entwurf", "entwurf.pdf", "application/pdf", DocumentTests.Pdf);
        var documentCommentId = await app.AddDocumentCommentAsync(space, documentId, member, "Die Gliederung passt.");
        var attachmentId = await app.AddStreamAttachmentAsync(space, postId, "plan.png", "image/png", StreamAttachmentTests.Png, preview: StreamAttachmentTests.Png);
        return new Town(org, space, postId, people, member, await app.SkillIdAsync(member, "Haushaltsrecht"), questionId, answerId, taskId, documentId, spaceWikiPage, knowledgeBasePage,
            commentId, attachmentId, documentCommentId);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task EveryoneGetsExactlyTheAnswerOfTheMatrix(string resource)
    {
        var town = await TownAsync();
        using var log = app.Logs.Record();
        var answers = new List<string>();
        foreach (var actor in Actors)
        {
            var person = town.People[actor];
            var client = person is null ? app.CreateClient(town.Org) : await app.CreateSignedInClientAsync(person);
            answers.Add(await AnswerAsync(client, person is not null, town, resource));
        }
        // A crash shows its exception beside the row.
        var errors = string.Join("\n", log.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.Message));
        Assert.True(errors.Length == 0, $"{resource}: {string.Join(' ', answers)}\n{errors}");
        Assert.Equal($"{resource}: {Expected[resource]}", $"{resource}: {string.Join(' ', answers)}");
    }

    [Fact]
    public async Task AnInvitationOnlySpaceDoesNotExistForStaffOutsideIt()
    {
        var town = await TownAsync(JoinPolicy.InvitationOnly);
        var staff = await app.CreateSignedInClientAsync(town.People["staff"]!);
        var admin = await app.CreateSignedInClientAsync(town.People["admin"]!);

        var answers = new List<string>();
        foreach (var resource in new[] { "space page", "post page", "members page", "join", "request", "post", "edit post form", "delete post",
            "read report", "task list", "task page",
            "move task", "document page", "document download", "document preview", "upload document",
            "space wiki", "space wiki page", "space wiki edit", "attachment download", "attachment preview", "post with attachment",
            "edit document comment form", "delete document comment", "space list" })
            answers.Add(await AnswerAsync(staff, true, town, resource));

        Assert.Equal("404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 404 200-", string.Join(' ', answers));
        Assert.Equal("200", await AnswerAsync(admin, true, town, "space page"));
        Assert.Equal("200- 200- 200- 200-", string.Join(' ', [await AnswerAsync(staff, true, town, "search space"),
            await AnswerAsync(staff, true, town, "search post"), await AnswerAsync(staff, true, town, "search task"), await AnswerAsync(staff, true, town, "search document comment")]));
        Assert.Equal("200+ 200+ 200+", string.Join(' ', [await AnswerAsync(admin, true, town, "search space"), await AnswerAsync(admin, true, town, "search post"),
            await AnswerAsync(admin, true, town, "search document comment")]));
    }

    [Fact]
    public async Task AnotherOrganisationsSpaceIsNotFound()
    {
        var town = await TownAsync();
        var elsewhere = await app.CreateOrganizationAsync();
        var foreignAdmin = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(elsewhere, Roles.OrganizationAdmin));
        var foreignStaff = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(elsewhere, Roles.Staff));
        // The foreign people ask at their own town's host, with the ids of this town's space and post.
        var foreignTown = town with { Org = elsewhere };

        foreach (var client in new[] { foreignAdmin, foreignStaff })
            foreach (var resource in new[] { "space page", "post page", "members page", "request", "post", "comment", "invite guest",
                "edit post form", "edit post", "delete post", "delete comment", "mark must-read", "confirm read", "read report",
                "colleague profile", "endorse", "question page", "answer", "best answer", "edit answer form", "edit answer", "delete answer",
                "task list", "task page", "edit task", "document page", "document download", "document preview", "document comment",
                "edit document comment form", "edit document comment", "delete document comment",
                "attachment download", "attachment preview", "post with attachment", "space wiki", "space wiki page", "space wiki edit", "space wiki delete", "knowledge base page", "knowledge base edit", "knowledge base delete" })
                Assert.Equal($"{resource}: 404", $"{resource}: {await AnswerAsync(client, true, foreignTown, resource)}");
        var list = await foreignAdmin.GetPageAsync("/intranet/raeume");
        Assert.DoesNotContain(town.Space.Title, list.Body!.TextContent);
        // Their search finds none of this town's items, however it is asked.
        foreach (var client in new[] { foreignAdmin, foreignStaff })
            foreach (var q in new[] { "Haushaltsentwurf", "haushalt", "Rechnungsprüfung", "entwurf", "Haushaltsrecht", "Kaemmerei", "Gliederung" })
            {
                var found = await client.GetPageAsync("/intranet/suche?q=" + Uri.EscapeDataString(q));
                Assert.Empty(found.QuerySelectorAll(".intranet-result"));
            }
    }

    [Fact]
    public async Task AGuestReachesNothingOutsideTheirSpaces()
    {
        var town = await TownAsync();
        var guest = await app.CreateSignedInClientAsync(town.People["guest"]!);
        // The organisation's staff pages and back offices: a guest is no member of staff.
        foreach (var path in new[] { "/newsroom", "/admin", "/meldungen/bearbeitung", "/beteiligung/verwaltung", "/intranet/raeume/neu", "/intranet/personen" })
        {
            using var response = await guest.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.RedirectTarget().StartsWith("/error/403"),
                $"{path} answered {(int)response.StatusCode} {response.Headers.Location} to a guest.");
        }
        var list = await guest.GetPageAsync("/intranet/raeume");
        Assert.Equal([town.Space.Title], list.QuerySelectorAll(".space-card h3").Select(h => h.TextContent.Trim()));
        // Search: the other space's post, the knowledge base page and the colleague's profile stay unfound; only their space's items come up.
        foreach (var q in new[] { "anderen", "Haushaltsentwurf", "Haushaltsrecht", "Raum", "haushalt", "Kaemmerei", "Gliederung" })
        {
            var found = await guest.GetPageAsync("/intranet/suche?q=" + Uri.EscapeDataString(q));
            var links = found.QuerySelectorAll(".intranet-result a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.All(links, link => Assert.StartsWith(town.Space.Path, link));
        }
    }

    private async Task<string> AnswerAsync(HttpClient client, bool signedIn, Town town, string resource)
    {
        var s = town.Space;
        IDocument? tokenPage = signedIn ? await client.GetPageAsync("/") : null;
        Task<HttpResponseMessage> Post(string path, params (string, string)[] fields) => tokenPage is null
            ? client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))))
            : client.PostHandMadeAsync(tokenPage, path, fields);
        // A multipart form with the page's token (when there is one), the fields and a PDF.
        Task<HttpResponseMessage> Upload(string path, params (string, string)[] fields) => UploadAs(path, "file", fields);
        Task<HttpResponseMessage> UploadAs(string path, string fileField, params (string, string)[] fields)
        {
            var content = new MultipartFormDataContent();
            if (tokenPage?.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { } token)
                content.Add(new StringContent(token), "__RequestVerificationToken");
            foreach (var (name, value) in fields)
                content.Add(new StringContent(value), name);
            content.Add(new ByteArrayContent(DocumentTests.Pdf), fileField, "plan.pdf");
            return client.PostAsync(path, content);
        }

        using var response = resource switch
        {
            "space page" => await client.GetAsync(s.Path),
            "tag filter" => await client.GetAsync(s.Path + "?tag=planung"),
            "older posts" => await client.GetAsync(s.Path + "?cursor=" + new Rathausplatz.Features.Intranet.Stream.StreamQuery.Cursor(app.Now.AddDays(1), Guid.Empty).Encode()),
            "post page" => await client.GetAsync(s.PostPath(town.PostId)),
            "members page" => await client.GetAsync(s.MembersPath),
            "own stream" => await client.GetAsync("/intranet"),
            "space list" => await client.GetAsync("/intranet/raeume"),
            "new space form" => await client.GetAsync("/intranet/raeume/neu"),
            "join" => await Post(s.Path + "?handler=Join"),
            "request" => await Post(s.Path + "?handler=Request"),
            "invite staff" => await Post(s.MembersPath + "?handler=Add", ("StaffEmail", town.People["staff"]!.Email)),
            "invite guest" => await Post(s.MembersPath + "?handler=Invite", ("GuestName", "Verein Grün"), ("GuestEmail", Unique.Name("verein") + "@example.org")),
            "role change" => await Post(s.MembersPath + "?handler=Role", ("userId", town.Member.Id.ToString()), ("role", nameof(SpaceRole.Member))),
            "leave" => await Post(s.Path + "?handler=Leave"),
            "post" => await Post(s.Path + "?handler=Post", ("Body", "Ein Beitrag.")),
            "comment" => await Post(s.PostPath(town.PostId) + "?handler=Comment", ("Body", "Ein Kommentar.")),
            "react" => await Post(s.PostPath(town.PostId) + "?handler=React", ("kind", "hilfreich")),
            "edit post form" => await client.GetAsync(s.PostPath(town.PostId) + "/bearbeiten"),
            "edit post" => await Post(s.PostPath(town.PostId) + "/bearbeiten", ("Body", $"{Secret} #planung geändert")),
            "edit comment form" => await client.GetAsync(s.PostPath(town.PostId) + "/bearbeiten/" + await app.AddStreamCommentAsync(s, town.PostId, town.Member, "Kommentar.")),
            "edit comment" => await Post(s.PostPath(town.PostId) + "/bearbeiten/" + await app.AddStreamCommentAsync(s, town.PostId, town.Member, "Kommentar."), ("Body", "Geändert.")),
            "delete post" => await Post(s.PostPath(await app.AddStreamPostAsync(s, town.Member, "Zum Löschen.")) + "?handler=Delete"),
            "delete comment" => await Post(s.PostPath(town.PostId) + "?handler=DeleteComment",
                ("commentId", (await app.AddStreamCommentAsync(s, town.PostId, town.Member, "Zum Löschen.")).ToString())),
            "mark must-read" => await Post(s.PostPath(town.PostId) + "?handler=MustRead", ("mark", "an")),
            "confirm read" => await Post(s.PostPath(await MustReadPostAsync(s, town.Member)) + "?handler=Confirm"),
            "read report" => await client.GetAsync(s.PostPath(await MustReadPostAsync(s, town.Member)) + "/gelesen"),
            "people finder" => await client.GetAsync("/intranet/personen?faehigkeit=haushalt"),
            "own profile form" => await client.GetAsync("/intranet/personen/ich"),
            "colleague profile" => await client.GetAsync($"/intranet/personen/{town.Member.Id}"),
            "save profile" => await Post("/intranet/personen/ich?handler=Save", ("JobTitle", "Sachbearbeitung")),
            "endorse" => await Post($"/intranet/personen/{town.Member.Id}?handler=Endorse", ("skillId", town.SkillId.ToString())),
            "questions" => await client.GetAsync("/intranet/personen/fragen"),
            "ask" => await Post("/intranet/personen/fragen", ("Title", "Noch eine Frage?"), ("Skills", "haushaltsrecht")),
            "question page" => await client.GetAsync($"/intranet/personen/fragen/{town.QuestionId}"),
            "answer" => await Post($"/intranet/personen/fragen/{town.QuestionId}?handler=Answer", ("Body", "Eine Antwort.")),
            "best answer" => await Post($"/intranet/personen/fragen/{town.QuestionId}?handler=Best", ("answerId", town.AnswerId.ToString())),
            "edit answer form" => await client.GetAsync(AnswerEditPath(town, await NewAnswerAsync(town))),
            "edit answer" => await Post(AnswerEditPath(town, await NewAnswerAsync(town)), ("Body", "Geändert.")),
            "delete answer" => await Post($"/intranet/personen/fragen/{town.QuestionId}?handler=DeleteAnswer", ("answerId", (await NewAnswerAsync(town)).ToString())),
            "task list" => await client.GetAsync(s.TasksPath),
            "task board" => await client.GetAsync(s.TasksPath + "/board"),
            "task page" => await client.GetAsync(s.TaskPath(town.TaskId)),
            "new task" => await Post(s.TasksPath + "/neu", ("Input.Title", "Neue Aufgabe"), ("Input.State", "Open")),
            "edit task" => await Post(s.TaskPath(town.TaskId), ("Input.Title", "Haushalt prüfen"), ("Input.State", "Open"),
                ("Input.Version", (await app.TaskAsync(s, town.TaskId)).Version.ToString())),
            "move task" => await Post(s.TasksPath + "/board?handler=Move", ("taskId", town.TaskId.ToString()), ("state", "InProgress"),
                ("version", (await app.TaskAsync(s, town.TaskId)).Version.ToString())),
            "attachment download" => await client.GetAsync(s.AttachmentPath(town.PostId, town.AttachmentId)),
            "attachment preview" => await client.GetAsync(s.AttachmentPath(town.PostId, town.AttachmentId) + "/vorschau"),
            "post with attachment" => await UploadAs(s.Path + "?handler=Post", "files", ("Body", "Mit Anhang.")),
            "document list" => await client.GetAsync(s.DocumentsPath),
            "document page" => await client.GetAsync(s.DocumentPath(town.DocumentId)),
            "document download" => await client.GetAsync(s.FilePath(town.DocumentId, 1)),
            "document preview" => await client.GetAsync(s.FilePath(town.DocumentId, 1) + "/vorschau"),
            "upload document" => await Upload(s.DocumentsPath, ("Title", "Ein Dokument")),
            "new version" => await Upload(s.DocumentPath(town.DocumentId) + "?handler=Version"),
            "document comment" => await Post(s.DocumentPath(town.DocumentId) + "?handler=Comment", ("Body", "Ein Kommentar.")),
            "edit document comment form" => await client.GetAsync(DocumentCommentEditPath(town, await NewDocumentCommentAsync(town))),
            "edit document comment" => await Post(DocumentCommentEditPath(town, await NewDocumentCommentAsync(town)), ("Body", "Geändert.")),
            "delete document comment" => await Post(s.DocumentPath(town.DocumentId) + "?handler=DeleteComment",
                ("commentId", (await NewDocumentCommentAsync(town)).ToString())),
            "space wiki" => await client.GetAsync(town.SpaceWikiPage.WikiPath),
            "space wiki page" => await client.GetAsync(town.SpaceWikiPage.Path),
            "space wiki history" => await client.GetAsync(town.SpaceWikiPage.HistoryPath),
            "space wiki new page" => await Post(town.SpaceWikiPage.WikiPath + "/neu", ("Form.Title", Unique.Name("Seite")), ("Form.Body", "Neu.")),
            "space wiki edit" => await Post(town.SpaceWikiPage.EditPath, ("Form.Title", "Ablage"), ("Form.Body", "Geändert."),
                ("BaseVersion", (await app.WikiVersionAsync(town.SpaceWikiPage, town.Org)).ToString())),
            "space wiki delete" => await Post((await app.CreateWikiPageAsync(town.Member, s, Unique.Name("Zum Löschen"))).Path + "/loeschen"),
            "knowledge base delete" => await Post((await app.CreateWikiPageAsync(town.Member, null, Unique.Name("Zum Löschen"))).Path + "/loeschen"),
            "knowledge base" => await client.GetAsync(town.KnowledgeBasePage.WikiPath),
            "knowledge base page" => await client.GetAsync(town.KnowledgeBasePage.Path),
            "knowledge base new page" => await Post(town.KnowledgeBasePage.WikiPath + "/neu", ("Form.Title", Unique.Name("Seite")), ("Form.Body", "Neu.")),
            "knowledge base edit" => await Post(town.KnowledgeBasePage.EditPath, ("Form.Title", "Reisekosten " + town.KnowledgeBasePage.Id), ("Form.Body", "Geändert."),
                ("BaseVersion", (await app.WikiVersionAsync(town.KnowledgeBasePage, town.Org)).ToString())),
            "search post" or "search space wiki page" or "search knowledge base page" => await client.GetAsync("/intranet/suche?q=Haushaltsentwurf"),
            "search comment" => await client.GetAsync("/intranet/suche?q=Rechnungspr%C3%BCfung"),
            "search document" => await client.GetAsync("/intranet/suche?q=entwurf"),
            "search task" => await client.GetAsync("/intranet/suche?q=pruefen"),
            "search space" => await client.GetAsync("/intranet/suche?q=haushalt"),
            "search colleague" => await client.GetAsync("/intranet/suche?q=Haushaltsrecht"),
            "search question" => await client.GetAsync("/intranet/suche?q=kennt%20Haushalt"),
            "search answer" => await client.GetAsync("/intranet/suche?q=Kaemmerei"),
            "search document comment" => await client.GetAsync("/intranet/suche?q=gliederung"),
            _ => throw new ArgumentOutOfRangeException(nameof(resource)),
        };
        var secret = resource switch
        {
            "own stream" => Secret,
            "space list" => s.Title,
            "search post" => Link(s.PostPath(town.PostId)),
            "search comment" => Link(s.PostPath(town.PostId) + "#kommentar-" + town.CommentId),
            "search space wiki page" => Link(town.SpaceWikiPage.Path),
            "search knowledge base page" => Link(town.KnowledgeBasePage.Path),
            "search document" => Link(s.DocumentPath(town.DocumentId)),
            "search task" => Link(s.TaskPath(town.TaskId)),
            "search space" => Link(s.Path),
            "search colleague" => Link($"/intranet/personen/{town.Member.Id}"),
            "search question" or "search answer" => Link($"/intranet/personen/fragen/{town.QuestionId}"),
            "search document comment" => Link(s.DocumentPath(town.DocumentId) + "#kommentar-" + town.DocumentCommentId),
            _ => null,
        };
        return await ClassifyAsync(response, secret);
    }

    /// <summary>A search result's link as the page writes it.</summary>
    private static string Link(string path) => $"href=\"{path}\"";

    /// <summary>A fresh answer and document comment by the member for each request, so one actor's deletion leaves the next one something.</summary>
    private Task<Guid> NewAnswerAsync(Town town) => app.AnswerExpertQuestionAsync(town.Member, town.QuestionId, "Zum Ändern.");

    private Task<Guid> NewDocumentCommentAsync(Town town) => app.AddDocumentCommentAsync(town.Space, town.DocumentId, town.Member, "Zum Ändern.");

    private static string AnswerEditPath(Town town, Guid answerId) => $"/intranet/personen/fragen/{town.QuestionId}/antworten/{answerId}/bearbeiten";

    private static string DocumentCommentEditPath(Town town, Guid commentId) => $"{town.Space.DocumentPath(town.DocumentId)}/kommentare/{commentId}/bearbeiten";

    private async Task<Guid> MustReadPostAsync(TestSpace space, TestUser author)
    {
        var postId = await app.AddStreamPostAsync(space, author, "Bitte lesen.");
        await app.MarkMustReadAsync(space, postId);
        return postId;
    }

    private static async Task<string> ClassifyAsync(HttpResponseMessage response, string? secret)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK when secret is not null:
                return (await response.Content.ReadAsStringAsync()).Contains(secret) ? "200+" : "200-";
            case HttpStatusCode.Redirect:
                var target = response.RedirectTarget();
                return target.StartsWith("/accounts/signin") ? "signin" : target.StartsWith("/error/403") ? "403" : "302";
            default:
                return ((int)response.StatusCode).ToString();
        }
    }
}

public sealed class SqliteIntranetAccessTests(SqliteApp app) : IntranetAccessTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresIntranetAccessTests(PostgresApp app) : IntranetAccessTests(app), IClassFixture<PostgresApp>;
