using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// Must-read posts ("Pflichtlektüre"): the owner marks a post, members find it pinned above the space's stream and
/// their own until they press "Gelesen" (stored once), and the owner's read report counts who has and who has not.
/// Who may do what at all: <see cref="IntranetAccessTests"/>.
/// </summary>
public abstract class MustReadTests(RathausplatzApp app)
{
    [Fact]
    public async Task MembersSeeAMustReadPinnedUntilTheyConfirmItAndTheOwnerSeesWhoHas()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var space = await app.CreateSpaceAsync(owner);
        var reader = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var late = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var guest = await app.CreateUserAsync(org, Roles.Guest);
        await app.AddToSpaceAsync(space, reader, SpaceRole.Member);
        await app.AddToSpaceAsync(space, late, SpaceRole.Member);
        await app.AddToSpaceAsync(space, guest, SpaceRole.Guest);
        var postId = await app.AddStreamPostAsync(space, owner, "Neue Dienstanweisung zur Zeiterfassung.");
        await app.AddStreamPostAsync(space, reader, "Ein neuerer, gewöhnlicher Beitrag.", app.Now.AddMinutes(1));
        var ownerClient = await app.CreateSignedInClientAsync(owner);
        var readerClient = await app.CreateSignedInClientAsync(reader);
        Assert.Null((await readerClient.GetPageAsync(space.Path)).QuerySelector("#must-read-heading"));

        using var marked = await (await ownerClient.GetPageAsync(space.PostPath(postId))).Form("form[action*='handler=MustRead']").SubmitAsync(ownerClient, "button[value=an]");

        Assert.Equal(space.PostPath(postId), marked.RedirectTarget());
        // Every member but the one who marked it gets an in-app notice, in their language.
        Assert.Equal([($"Pflichtlektüre in „{space.Title}“", space.PostPath(postId))], (await app.NoticesAsync(reader)).Select(n => (n.Title, n.Link)));
        Assert.Single(await app.NoticesAsync(guest));
        Assert.Empty(await app.NoticesAsync(owner));
        foreach (var path in new[] { space.Path, "/intranet" })
        {
            var pinned = await readerClient.GetPageAsync(path);
            Assert.Equal([$"pflicht-{postId}"], pinned.QuerySelectorAll(".must-read-pinned .stream-post").Select(p => p.Id));
            // Pinned above the stream: the section comes before the newest ordinary post.
            Assert.True(pinned.QuerySelector(".must-read-pinned")!.CompareDocumentPosition(pinned.QuerySelector("#stream-heading")!)
                .HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        }

        // "Gelesen" straight from the own stream, twice: one confirmation, back to the stream, nothing pinned any more.
        var mine = await readerClient.GetPageAsync("/intranet");
        using var confirmed = await mine.Form(".must-read-pinned form").SubmitAsync(readerClient);
        using var again = await mine.Form(".must-read-pinned form").SubmitAsync(readerClient);
        Assert.Equal("/intranet", confirmed.RedirectTarget());
        Assert.Equal("/intranet", again.RedirectTarget());
        Assert.Single(await app.ReadConfirmationsAsync(space, postId));
        Assert.Null((await readerClient.GetPageAsync("/intranet")).QuerySelector(".must-read-pinned"));
        Assert.Null((await readerClient.GetPageAsync(space.Path)).QuerySelector(".must-read-pinned"));
        Assert.Contains("Sie haben diesen Beitrag als gelesen bestätigt.", (await readerClient.GetPageAsync(space.PostPath(postId))).MainText());
        // The guest confirms on the post's page.
        var guestClient = await app.CreateSignedInClientAsync(guest);
        using var guestConfirmed = await (await guestClient.GetPageAsync(space.PostPath(postId))).Form("form[action*='handler=Confirm']").SubmitAsync(guestClient);
        Assert.Equal(space.PostPath(postId), guestConfirmed.RedirectTarget());

        var report = await ownerClient.GetPageAsync(space.PostPath(postId) + "/gelesen");
        Assert.Contains("2 von 4 Mitgliedern haben bestätigt.", report.MainText());
        Assert.Equal(new[] { owner.DisplayName, late.DisplayName }.Order(StringComparer.CurrentCulture),
            report.QuerySelectorAll("section[aria-labelledby=open-heading] li").Select(li => li.TextContent.Split(" (")[0]));
        Assert.Equal(new[] { guest.DisplayName, reader.DisplayName }.Order(StringComparer.CurrentCulture),
            report.QuerySelectorAll("section[aria-labelledby=confirmed-heading] li").Select(li => li.TextContent.Split(" (")[0]));
        Assert.Contains("Noch nicht bestätigt (2)", report.MainText());
        // A member who is not the author gets no report.
        Assert.StartsWith("/error/403", (await readerClient.GetAsync(space.PostPath(postId) + "/gelesen")).RedirectTarget());
        Assert.Null((await readerClient.GetPageAsync(space.PostPath(postId))).QuerySelector("a[href$='/gelesen']"));
    }

    [Fact]
    public async Task TakingTheMarkBackUnpinsThePostAndTheReportIsGone()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var space = await app.CreateSpaceAsync(owner);
        var member = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        await app.AddToSpaceAsync(space, member, SpaceRole.Member);
        var postId = await app.AddStreamPostAsync(space, member, "Bitte lesen.");
        await app.MarkMustReadAsync(space, postId);
        var ownerClient = await app.CreateSignedInClientAsync(owner);
        var memberClient = await app.CreateSignedInClientAsync(member);
        Assert.NotNull((await memberClient.GetPageAsync("/intranet")).QuerySelector(".must-read-pinned"));
        // The author (a plain member) sees the report of their own post.
        Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync(space.PostPath(postId) + "/gelesen")).StatusCode);

        var memberPage = await memberClient.GetPageAsync(space.PostPath(postId));
        var page = await ownerClient.GetPageAsync(space.PostPath(postId));
        using var unmarked = await page.Form("form[action*='handler=MustRead']").SubmitAsync(ownerClient, "button[value=aus]");

        Assert.Null((await memberClient.GetPageAsync("/intranet")).QuerySelector(".must-read-pinned"));
        Assert.Equal(HttpStatusCode.NotFound, (await ownerClient.GetAsync(space.PostPath(postId) + "/gelesen")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await memberClient.PostHandMadeAsync(memberPage, space.PostPath(postId) + "?handler=Confirm")).StatusCode);
    }
}

public sealed class SqliteMustReadTests(SqliteApp app) : MustReadTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMustReadTests(PostgresApp app) : MustReadTests(app), IClassFixture<PostgresApp>;
