using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// Editing and deleting comments on documents, by the stream's rules: authors change and remove their own words,
/// owners and admins remove other people's with an entry in the space's moderation log, and the search follows.
/// Who may do what at all: <see cref="IntranetAccessTests"/>.
/// </summary>
public abstract class DocumentCommentEditTests(RathausplatzApp app)
{
    private static string EditPath(TestSpace space, Guid documentId, Guid commentId) =>
        $"{space.DocumentPath(documentId)}/kommentare/{commentId}/bearbeiten";

    private static async Task<List<string>> FoundAsync(HttpClient client, string query) =>
        (await client.GetPageAsync("/intranet/suche?q=" + Uri.EscapeDataString(query)))
        .QuerySelectorAll(".intranet-result h3 a").Select(a => a.GetAttribute("href")!).ToList();

    private async Task<(TestSpace Space, TestUser Owner, TestUser Author, Guid DocumentId)> DocumentAsync()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var space = await app.CreateSpaceAsync(owner, JoinPolicy.OnRequest);
        var author = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        await app.AddToSpaceAsync(space, author, SpaceRole.Member);
        var documentId = await app.AddDocumentAsync(space, owner, "Lageplan", "lageplan.pdf", "application/pdf", DocumentTests.Pdf);
        return (space, owner, author, documentId);
    }

    [Fact]
    public async Task AuthorsEditAndDeleteTheirCommentsAndTheSearchFollows()
    {
        var (space, _, author, documentId) = await DocumentAsync();
        var fellow = await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.Staff);
        await app.AddToSpaceAsync(space, fellow, SpaceRole.Member);
        var colleague = await app.CreateSignedInClientAsync(fellow);
        var client = await app.CreateSignedInClientAsync(author);
        var commentId = await app.AddDocumentCommentAsync(space, documentId, author, "Die Zufahrt fehlt.");
        var documentPath = space.DocumentPath(documentId);
        var anchor = $"{documentPath}#kommentar-{commentId}";
        Assert.Equal([anchor], await FoundAsync(colleague, "Zufahrt"));

        // A fellow member finds neither link nor button on someone else's comment, and hand-made requests are refused.
        var asFellow = await colleague.GetPageAsync(documentPath);
        Assert.Null(asFellow.QuerySelector($"#kommentar-{commentId} a[href$='/bearbeiten']"));
        Assert.Null(asFellow.QuerySelector($"#kommentar-{commentId} form[action*='handler=DeleteComment']"));
        Assert.StartsWith("/error/403", (await colleague.GetAsync(EditPath(space, documentId, commentId))).RedirectTarget());
        using (var reworded = await colleague.PostHandMadeAsync(asFellow, EditPath(space, documentId, commentId), ("Body", "Fremde Worte.")))
            Assert.StartsWith("/error/403", reworded.RedirectTarget());
        using (var removed = await colleague.PostHandMadeAsync(asFellow, documentPath + "?handler=DeleteComment", ("commentId", commentId.ToString())))
            Assert.StartsWith("/error/403", removed.RedirectTarget());

        var link = (await client.GetPageAsync(documentPath)).QuerySelector($"#kommentar-{commentId} a[href$='/bearbeiten']")!.GetAttribute("href")!;
        Assert.Equal(EditPath(space, documentId, commentId), link);
        var form = await client.GetPageAsync(link);
        Assert.Equal("Die Zufahrt fehlt.", form.QuerySelector("textarea[name=Body]")!.TextContent);
        using (var tooLong = await form.Form("main form").Set("Body", new string('x', 4001)).SubmitAsync(client))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
            Assert.Equal(["Der Text darf höchstens 4000 Zeichen lang sein."], (await tooLong.ReadPageAsync()).ErrorMessages());
        }
        using (var edited = await form.Form("main form").Set("Body", "Der **Wendehammer** ist eingezeichnet.").SubmitAsync(client))
            Assert.Equal(anchor, edited.RedirectTarget());

        Assert.Contains("Der Wendehammer ist eingezeichnet.", (await colleague.GetPageAsync(documentPath)).QuerySelector($"#kommentar-{commentId}")!.TextContent);
        Assert.Equal([anchor], await FoundAsync(colleague, "Wendehammer"));
        Assert.Empty(await FoundAsync(colleague, "Zufahrt"));

        using (var deleted = await (await client.GetPageAsync(documentPath)).Form($"#kommentar-{commentId} form[action*='handler=DeleteComment']").SubmitAsync(client))
            Assert.Equal($"{documentPath}#comments-heading", deleted.RedirectTarget());
        Assert.Null((await client.GetPageAsync(documentPath)).QuerySelector($"#kommentar-{commentId}"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(EditPath(space, documentId, commentId))).StatusCode);
        Assert.Equal(0, await app.SearchEntriesAsync(space.Organization, commentId));
        Assert.Empty(await FoundAsync(colleague, "Wendehammer"));
        // The author removed their own words: no moderation, no audit entry.
        Assert.Empty(await app.StreamModerationLogAsync(space));
    }

    [Fact]
    public async Task OwnersAndAdminsDeleteOtherPeoplesCommentsWithAnAuditEntryAndOtherSpacesGuestsReachNothing()
    {
        var (space, owner, author, documentId) = await DocumentAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.OrganizationAdmin);
        var otherGuest = await app.CreateUserAsync(space.Organization, Roles.Guest);
        await app.AddToSpaceAsync(await app.CreateSpaceAsync(owner, JoinPolicy.InvitationOnly), otherGuest, SpaceRole.Guest);
        var first = await app.AddDocumentCommentAsync(space, documentId, author, "Unpassender Kommentar.");
        var second = await app.AddDocumentCommentAsync(space, documentId, author, "Noch einer.");
        var documentPath = space.DocumentPath(documentId);
        var ownerClient = await app.CreateSignedInClientAsync(owner);
        var adminClient = await app.CreateSignedInClientAsync(admin);
        var guestClient = await app.CreateSignedInClientAsync(otherGuest);

        // A guest of another space: the space does not exist for them.
        Assert.Equal(HttpStatusCode.NotFound, (await guestClient.GetAsync(EditPath(space, documentId, first))).StatusCode);
        using (var notFound = await guestClient.PostHandMadeAsync(await guestClient.GetPageAsync("/"), documentPath + "?handler=DeleteComment", ("commentId", first.ToString())))
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);

        // Owners and admins delete, but do not reword.
        var asOwner = await ownerClient.GetPageAsync(documentPath);
        Assert.Null(asOwner.QuerySelector($"#kommentar-{first} a[href$='/bearbeiten']"));
        Assert.StartsWith("/error/403", (await ownerClient.GetAsync(EditPath(space, documentId, first))).RedirectTarget());
        using (var byOwner = await asOwner.Form($"#kommentar-{first} form[action*='handler=DeleteComment']").SubmitAsync(ownerClient))
            Assert.Equal(HttpStatusCode.Redirect, byOwner.StatusCode);
        using (var byAdmin = await (await adminClient.GetPageAsync(documentPath)).Form($"#kommentar-{second} form[action*='handler=DeleteComment']").SubmitAsync(adminClient))
            Assert.Equal(HttpStatusCode.Redirect, byAdmin.StatusCode);

        Assert.Empty((await ownerClient.GetPageAsync(documentPath)).QuerySelectorAll(".stream-comment"));
        // Both at the same (fake) moment: the owner's deletion listed first.
        var log = (await app.StreamModerationLogAsync(space)).OrderBy(e => e.ActorId != owner.Id).ToList();
        Assert.Equal([(StreamRemoval.DocumentComment, (Guid?)first, (Guid?)author.Id, (Guid?)owner.Id), (StreamRemoval.DocumentComment, second, author.Id, admin.Id)],
            log.Select(e => (e.Removed, e.CommentId, e.AuthorId, e.ActorId)));
        Assert.All(log, e => Assert.Equal(documentId, e.PostId));
    }
}

public sealed class SqliteDocumentCommentEditTests(SqliteApp app) : DocumentCommentEditTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDocumentCommentEditTests(PostgresApp app) : DocumentCommentEditTests(app), IClassFixture<PostgresApp>;
