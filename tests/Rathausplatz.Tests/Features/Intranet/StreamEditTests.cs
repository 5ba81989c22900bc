using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// Editing and deleting in the stream: authors change their own words (marked "bearbeitet", tags and mentions follow
/// the new text); a deleted post takes everything hanging on it along; owners and admins delete other people's
/// posts and comments as moderation, each with an audit entry. Who may do what at all: <see cref="IntranetAccessTests"/>.
/// </summary>
public abstract class StreamEditTests(RathausplatzApp app)
{
    private static string Handle(TestUser user) => "@" + StreamText.HandleOf(user.DisplayName);

    [Fact]
    public async Task AnEditedPostIsMarkedAndItsTagsAndMentionsFollowTheNewText()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var space = await app.CreateSpaceAsync(owner);
        var author = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var first = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var second = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        foreach (var member in new[] { author, first, second })
            await app.AddToSpaceAsync(space, member, SpaceRole.Member);
        var client = await app.CreateSignedInClientAsync(author);
        using var posted = await (await client.GetPageAsync(space.Path)).Form("form[action*='handler=Post']")
            .Set("Body", $"Frage an {Handle(first)} zu #Haushalt").SubmitAsync(client);
        var postId = (await app.StreamPostsAsync(space)).Single().Post.Id;
        Assert.DoesNotContain("(bearbeitet)", (await client.GetPageAsync(space.PostPath(postId))).MainText());

        var form = await client.GetPageAsync(space.PostPath(postId) + "/bearbeiten");
        Assert.Equal($"Frage an {Handle(first)} zu #Haushalt", form.QuerySelector("textarea[name=Body]")!.TextContent);
        using var edited = await form.Form("main form").Set("Body", $"Frage an {Handle(second)} zu #Stellenplan").SubmitAsync(client);

        Assert.Equal(space.PostPath(postId), edited.RedirectTarget());
        var (post, tags, mentioned) = (await app.StreamPostsAsync(space)).Single();
        Assert.Equal($"Frage an {Handle(second)} zu #Stellenplan", post.Body);
        Assert.Equal(["stellenplan"], tags);
        Assert.Equal([second.Id], mentioned);
        var shown = await client.GetPageAsync(space.PostPath(postId));
        Assert.Contains("(bearbeitet)", shown.QuerySelector(".stream-post__meta")!.TextContent);
        Assert.Equal([Handle(second)], shown.QuerySelectorAll(".stream-post__body a[href$='/mitglieder']").Select(a => a.TextContent));
        Assert.Contains("(bearbeitet)", (await client.GetPageAsync(space.Path)).QuerySelector($"#beitrag-{postId}")!.TextContent);
        // Each mention brings an in-app notice, the one added by the edit too.
        foreach (var named in new[] { first, second })
            Assert.Equal([($"{author.DisplayName} hat Sie in „{space.Title}“ erwähnt", space.PostPath(postId))],
                (await app.NoticesAsync(named)).Select(n => (n.Title, n.Link)));
        Assert.Empty((await client.GetPageAsync(space.Path + "?tag=haushalt")).QuerySelectorAll(".stream-post"));

        using var tooLong = await (await client.GetPageAsync(space.PostPath(postId) + "/bearbeiten")).Form("main form")
            .Set("Body", new string('x', StreamPost.MaxBody + 1)).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(["Der Text darf höchstens 10000 Zeichen lang sein."], (await tooLong.ReadPageAsync()).ErrorMessages());
    }

    [Fact]
    public async Task AuthorsEditTheirCommentsAndNobodyElses()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var space = await app.CreateSpaceAsync(owner);
        var author = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        await app.AddToSpaceAsync(space, author, SpaceRole.Member);
        var postId = await app.AddStreamPostAsync(space, owner, "Ein Beitrag.");
        var commentId = await app.AddStreamCommentAsync(space, postId, author, "Erster Gedanke.");
        var client = await app.CreateSignedInClientAsync(author);
        var ownerClient = await app.CreateSignedInClientAsync(owner);

        var page = await client.GetPageAsync(space.PostPath(postId));
        var link = page.QuerySelector($"#kommentar-{commentId} a[href$='/bearbeiten/{commentId}']")!.GetAttribute("href")!;
        using var edited = await (await client.GetPageAsync(link)).Form("main form").Set("Body", "Zweiter Gedanke.").SubmitAsync(client);

        Assert.Equal($"{space.PostPath(postId)}#kommentar-{commentId}", edited.RedirectTarget());
        var comment = (await client.GetPageAsync(space.PostPath(postId))).QuerySelector($"#kommentar-{commentId}")!;
        Assert.Contains("Zweiter Gedanke.", comment.TextContent);
        Assert.Contains("(bearbeitet)", comment.TextContent);
        // The owner may delete the comment (moderation), not change its words: no edit link, and the form answers 403.
        var ownerView = await ownerClient.GetPageAsync(space.PostPath(postId));
        Assert.Null(ownerView.QuerySelector($"#kommentar-{commentId} a[href*='/bearbeiten/']"));
        Assert.NotNull(ownerView.QuerySelector($"#kommentar-{commentId} form[action*='handler=DeleteComment']"));
        Assert.StartsWith("/error/403", (await ownerClient.GetAsync(link)).RedirectTarget());
    }

    [Fact]
    public async Task ADeletedPostTakesItsCommentsReactionsTagsMentionsAndConfirmationsAlong()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var space = await app.CreateSpaceAsync(owner);
        var author = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        await app.AddToSpaceAsync(space, author, SpaceRole.Member);
        var client = await app.CreateSignedInClientAsync(author);
        using var posted = await (await client.GetPageAsync(space.Path)).Form("form[action*='handler=Post']")
            .Set("Body", $"Frage an {Handle(owner)} zu #Haushalt").SubmitAsync(client);
        var postId = (await app.StreamPostsAsync(space)).Single().Post.Id;
        await app.AddStreamCommentAsync(space, postId, owner, "Antwort zur Kehrmaschine.");
        using var reacted = await (await client.GetPageAsync(space.PostPath(postId))).Form("form[action*='handler=React']").SubmitAsync(client, "button[value=gefaellt]");
        await app.MarkMustReadAsync(space, postId);
        using var confirmed = await (await client.GetPageAsync(space.PostPath(postId))).Form("form[action*='handler=Confirm']").SubmitAsync(client);
        Assert.Equal((1, 1, 1, 1, 1, 1), await app.StreamRowsOfAsync(space, postId));
        Assert.Single(await app.NoticesAsync(owner));
        Assert.Single((await client.GetPageAsync("/intranet/suche?q=Kehrmaschine")).QuerySelectorAll(".intranet-result"));

        using var deleted = await (await client.GetPageAsync(space.PostPath(postId))).Form("form[action*='handler=Delete']:not([action*='Comment'])").SubmitAsync(client);

        Assert.Equal(space.Path, deleted.RedirectTarget());
        Assert.Equal((0, 0, 0, 0, 0, 0), await app.StreamRowsOfAsync(space, postId));
        Assert.Empty(await app.NoticesAsync(owner));
        // The comment went with its post, so the search forgets it too.
        Assert.Empty((await client.GetPageAsync("/intranet/suche?q=Kehrmaschine")).QuerySelectorAll(".intranet-result"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(space.PostPath(postId))).StatusCode);
        // The author deleted their own post: no moderation, no audit entry.
        Assert.Empty(await app.StreamModerationLogAsync(space));
    }

    [Fact]
    public async Task OwnersAndAdminsDeleteOtherPeoplesTextsWithAnAuditEntry()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var admin = await app.CreateUserWithTwoFactorAsync(org, Roles.OrganizationAdmin);
        var space = await app.CreateSpaceAsync(owner);
        var author = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var colleague = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        await app.AddToSpaceAsync(space, author, SpaceRole.Member);
        await app.AddToSpaceAsync(space, colleague, SpaceRole.Member);
        var postId = await app.AddStreamPostAsync(space, author, "Unpassender Beitrag.");
        var commentId = await app.AddStreamCommentAsync(space, postId, author, "Unpassender Kommentar.");
        var ownerClient = await app.CreateSignedInClientAsync(owner);
        var adminClient = await app.CreateSignedInClientAsync(admin);
        var colleagueClient = await app.CreateSignedInClientAsync(colleague);

        // A fellow member sees no delete button for someone else's text.
        var asColleague = await colleagueClient.GetPageAsync(space.PostPath(postId));
        Assert.Null(asColleague.QuerySelector("form[action*='handler=Delete']"));
        Assert.Null(asColleague.QuerySelector("form[action*='handler=DeleteComment']"));

        using var commentGone = await (await ownerClient.GetPageAsync(space.PostPath(postId))).Form("form[action*='handler=DeleteComment']").SubmitAsync(ownerClient);
        using var postGone = await (await adminClient.GetPageAsync(space.PostPath(postId))).Form("form[action*='handler=Delete']:not([action*='Comment'])").SubmitAsync(adminClient);

        Assert.Equal(HttpStatusCode.Redirect, commentGone.StatusCode);
        Assert.Equal(space.Path, postGone.RedirectTarget());
        Assert.Equal((0, 0, 0, 0, 0, 0), await app.StreamRowsOfAsync(space, postId));
        var log = await app.StreamModerationLogAsync(space);
        Assert.Equal([(StreamRemoval.Comment, (Guid?)commentId, (Guid?)author.Id, (Guid?)owner.Id), (StreamRemoval.Post, null, author.Id, admin.Id)],
            log.Select(e => (e.Removed, e.CommentId, e.AuthorId, e.ActorId)));
        Assert.All(log, e => Assert.Equal(postId, e.PostId));
    }
}

public sealed class SqliteStreamEditTests(SqliteApp app) : StreamEditTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStreamEditTests(PostgresApp app) : StreamEditTests(app), IClassFixture<PostgresApp>;
