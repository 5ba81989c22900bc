using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// The stream of a space and a person's own stream: Markdown made safe, #tags that filter, @mentions that reach
/// members only, reactions once per person and kind, overlong texts refused, and keyset paging across spaces.
/// </summary>
public abstract class StreamTests(RathausplatzApp app)
{
    private async Task<(TestSpace Space, TestUser Member, HttpClient Client)> SpaceWithMemberAsync()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var space = await app.CreateSpaceAsync(owner);
        var member = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        await app.AddToSpaceAsync(space, member, SpaceRole.Member);
        return (space, member, await app.CreateSignedInClientAsync(member));
    }

    private static string Handle(TestUser user) => "@" + StreamText.HandleOf(user.DisplayName);

    [Fact]
    public async Task TagsFilterTheStreamAndMentionsReachOnlyMembers()
    {
        var (space, author, client) = await SpaceWithMemberAsync();
        var colleague = await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.Staff);
        var outsider = await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.Staff);
        await app.AddToSpaceAsync(space, colleague, SpaceRole.Member);

        var page = await client.GetPageAsync(space.Path);
        using var posted = await page.Form("form[action*='handler=Post']")
            .Set("Body", $"Frage an {Handle(colleague)} und {Handle(outsider)}: wer kennt sich mit #E-Akte aus? #Digitalisierung").SubmitAsync(client);
        using var other = await (await client.GetPageAsync(space.Path)).Form("form[action*='handler=Post']").Set("Body", "Mittagspause um 12.").SubmitAsync(client);

        var (post, tags, mentioned) = (await app.StreamPostsAsync(space))[0];
        Assert.Equal(["digitalisierung", "e-akte"], tags);
        Assert.Equal([colleague.Id], mentioned);
        var stream = await client.GetPageAsync(space.Path);
        var body = stream.QuerySelector($"#beitrag-{post.Id} .stream-post__body")!;
        Assert.Equal($"{space.Path}?tag=e-akte", body.QuerySelector("a[href*='tag=']")!.GetAttribute("href"));
        Assert.Equal([Handle(colleague)], body.QuerySelectorAll("a[href$='/mitglieder']").Select(a => a.TextContent));

        var filtered = await client.GetPageAsync(space.Path + "?tag=e-akte");
        Assert.Equal([post.Id.ToString()], filtered.QuerySelectorAll(".stream-post").Select(p => p.Id!["beitrag-".Length..]));
        Assert.Contains("Beiträge mit #e-akte", filtered.MainText());

        var mine = await (await app.CreateSignedInClientAsync(colleague)).GetPageAsync("/intranet");
        Assert.Contains($"{author.DisplayName} hat Sie in „{space.Title}“ erwähnt", mine.MainText());
    }

    [Fact]
    public async Task HostileMarkdownIsNeutralised()
    {
        var (space, _, client) = await SpaceWithMemberAsync();
        const string Hostile = "<script>alert(1)</script>\n\n[klick](javascript:alert(2)) <img src=x onerror=alert(3)>\n\n"
            + "![bild](javascript:alert(4)) <a href=\"data:text/html,x\" onclick=\"alert(5)\">a</a> #tag\"><script>x</script>";
        var page = await client.GetPageAsync(space.Path);
        using var posted = await page.Form("form[action*='handler=Post']").Set("Body", Hostile).SubmitAsync(client);
        var postId = (await app.StreamPostsAsync(space)).Single().Post.Id;
        using var commented = await (await client.GetPageAsync(space.PostPath(postId))).Form("form[action*='handler=Comment']").Set("Body", Hostile).SubmitAsync(client);

        foreach (var path in new[] { space.Path, space.PostPath(postId), "/intranet" })
        {
            var shown = await client.GetPageAsync(path);
            foreach (var body in shown.QuerySelectorAll(".stream-post__body"))
            {
                Assert.Empty(body.QuerySelectorAll("script, img[onerror], [onclick], [style]"));
                Assert.DoesNotContain(body.QuerySelectorAll("a[href], img[src]"),
                    e => (e.GetAttribute("href") ?? e.GetAttribute("src"))!.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                        || (e.GetAttribute("href") ?? "").StartsWith("data:", StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public async Task OverlongTextsAreRefusedWithAClearMessage()
    {
        var (space, member, client) = await SpaceWithMemberAsync();
        var postId = await app.AddStreamPostAsync(space, member, "Ein Beitrag.");
        var english = await app.CreateSignedInClientAsync(member);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var post = await (await client.GetPageAsync(space.Path)).Form("form[action*='handler=Post']")
            .Set("Body", new string('x', StreamPost.MaxBody + 1)).SubmitAsync(client);
        using var comment = await (await client.GetPageAsync(space.PostPath(postId))).Form("form[action*='handler=Comment']")
            .Set("Body", new string('x', StreamComment.MaxBody + 1)).SubmitAsync(client);
        using var englishPost = await (await english.GetPageAsync(space.Path)).Form("form[action*='handler=Post']")
            .Set("Body", new string('x', StreamPost.MaxBody + 1)).SubmitAsync(english);
        using var empty = await (await client.GetPageAsync(space.Path)).Form("form[action*='handler=Post']").Set("Body", "  ").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(["Der Text darf höchstens 10000 Zeichen lang sein."], (await post.ReadPageAsync()).ErrorMessages());
        Assert.Equal(new string('x', StreamPost.MaxBody + 1), (await post.ReadPageAsync()).QuerySelector("textarea[name=Body]")!.TextContent);
        Assert.Equal(["Der Text darf höchstens 4000 Zeichen lang sein."], (await comment.ReadPageAsync()).ErrorMessages());
        Assert.Equal(["The text may be at most 10000 characters long."], (await englishPost.ReadPageAsync()).ErrorMessages());
        Assert.Equal(["Bitte schreiben Sie einen Text."], (await empty.ReadPageAsync()).ErrorMessages());
        Assert.Single(await app.StreamPostsAsync(space));
    }

    [Fact]
    public async Task ReactionsCountOncePerPersonAndKind()
    {
        var (space, member, client) = await SpaceWithMemberAsync();
        var postId = await app.AddStreamPostAsync(space, member, "Neue Vorlage für Vermerke.");

        async Task<string> ReactAsync(string kind)
        {
            var page = await client.GetPageAsync(space.PostPath(postId));
            using var answer = await page.Form("form[action*='handler=React']").SubmitAsync(client, $"button[value={kind}]");
            Assert.Equal(space.PostPath(postId), answer.RedirectTarget());
            return (await client.GetPageAsync(space.PostPath(postId))).QuerySelector(".reaction-form")!.TextContent;
        }

        Assert.Contains("Gefällt mir (1)", await ReactAsync("gefaellt"));
        var twice = await ReactAsync("hilfreich");
        Assert.Contains("Gefällt mir (1)", twice);
        Assert.Contains("Hilfreich (1)", twice);
        Assert.Contains("Gefällt mir (0)", await ReactAsync("gefaellt"));
        Assert.Contains("Gefällt mir: 0", (await client.GetPageAsync(space.Path)).MainText());
        Assert.Contains("Hilfreich: 1", (await client.GetPageAsync(space.Path)).MainText());
    }

    [Fact]
    public async Task TheOwnStreamShowsTheSpacesOfThePersonNewestFirstPagedByCursor()
    {
        var (first, member, client) = await SpaceWithMemberAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(first.Organization, Roles.Staff);
        var second = await app.CreateSpaceAsync(owner);
        var foreign = await app.CreateSpaceAsync(owner);
        await app.AddToSpaceAsync(second, member, SpaceRole.Guest);
        var start = app.Now.AddDays(-1);
        var expected = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            expected.Add(await app.AddStreamPostAsync(i % 2 == 0 ? first : second, owner, $"Beitrag {i}", start.AddMinutes(i)));
            await app.AddStreamPostAsync(foreign, owner, $"Fremd {i}", start.AddMinutes(i));
        }
        // Two posts in the same instant: the id breaks the tie, and paging neither repeats nor loses one.
        expected.Add(await app.AddStreamPostAsync(first, owner, "Gleichzeitig A", start.AddMinutes(5)));
        expected.Add(await app.AddStreamPostAsync(second, owner, "Gleichzeitig B", start.AddMinutes(5)));

        var seen = new List<Guid>();
        var path = "/intranet";
        var pages = 0;
        while (path is not null)
        {
            var page = await client.GetPageAsync(path);
            Assert.DoesNotContain("Fremd", page.MainText());
            seen.AddRange(page.QuerySelectorAll(".stream-post").Select(p => Guid.Parse(p.Id!["beitrag-".Length..])));
            path = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
            pages++;
        }

        Assert.Equal(2, pages);
        var all = (await app.StreamPostsAsync(first)).Concat(await app.StreamPostsAsync(second)).Select(p => p.Post)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Select(p => p.Id).ToList();
        Assert.Equal(all, seen);
        Assert.Equal(expected.Order(), seen.Order());
    }
}

public sealed class SqliteStreamTests(SqliteApp app) : StreamTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStreamTests(PostgresApp app) : StreamTests(app), IClassFixture<PostgresApp>;
