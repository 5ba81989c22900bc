using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// /intranet/suche: German words found however they are spelt and inflected, the index kept in step with edits,
/// paging and counts over readable items only. Who finds what (the permission matrix) is in <see cref="IntranetAccessTests"/>.
/// </summary>
public abstract class IntranetSearchTests(RathausplatzApp app)
{
    private async Task<(TestSpace Space, TestUser Member, HttpClient Client)> SpaceWithMemberAsync()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var space = await app.CreateSpaceAsync(owner, JoinPolicy.OnRequest);
        var member = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        await app.AddToSpaceAsync(space, member, SpaceRole.Member);
        return (space, member, await app.CreateSignedInClientAsync(member));
    }

    private static async Task<List<(string Href, string TitleHtml, string SnippetHtml)>> SearchAsync(HttpClient client, string query, string extra = "")
    {
        var found = await client.GetPageAsync("/intranet/suche?q=" + Uri.EscapeDataString(query) + extra);
        return found.QuerySelectorAll(".intranet-result").Select(r => (r.QuerySelector("h3 a")!.GetAttribute("href")!,
            r.QuerySelector("h3 a")!.InnerHtml, r.QuerySelector(".intranet-result__snippet")!.InnerHtml)).ToList();
    }

    [Fact]
    public async Task WordsAreFoundWithUmlautsFoldedStemmedAndByTheirBeginning()
    {
        var (space, member, client) = await SpaceWithMemberAsync();
        var postId = await app.AddStreamPostAsync(space, member, "Die Bäume an der Straße am Marktplatz werden im Frühjahr geschnitten.");
        var page = await app.CreateWikiPageAsync(member, space, "Gebührenordnung", "Was die **Müllabfuhr** kostet.");

        foreach (var query in new[] { "Baum", "Bäumen", "Strasse", "STRASSE", "markt", "fruehjahr", "geschnitten Baum" })
        {
            var hits = await SearchAsync(client, query);
            Assert.True(hits.Any(h => h.Href == space.PostPath(postId)), $"\"{query}\" did not find the post.");
        }
        var baum = (await SearchAsync(client, "Baum")).Single(h => h.Href == space.PostPath(postId));
        Assert.Contains("<mark>Bäume</mark>", baum.TitleHtml + baum.SnippetHtml);
        foreach (var query in new[] { "Gebühren", "gebuehr", "Müllabfuhr", "muell" })
            Assert.Contains(page.Path, (await SearchAsync(client, query)).Select(h => h.Href));
        // All words must match; a word that is not there finds nothing.
        Assert.Empty(await SearchAsync(client, "Baum Gebühren"));
        Assert.Empty(await SearchAsync(client, "Laternen"));
    }

    [Fact]
    public async Task AnEditedItemIsFoundByItsNewWordsAndNoLongerByItsOldOnes()
    {
        var (space, member, client) = await SpaceWithMemberAsync();
        var page = await app.CreateWikiPageAsync(member, space, "Ablage", "Ordner im Keller.");
        var edit = (await client.GetPageAsync(page.EditPath)).Form("main form.wiki-form").Set("Form.Body", "Alles liegt jetzt im Dachboden.");
        using (var saved = await edit.SubmitAsync(client))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Contains(page.Path, (await SearchAsync(client, "Dachboden")).Select(h => h.Href));
        Assert.Empty(await SearchAsync(client, "Keller"));

        await app.CreateProfileAsync(member, "Kämmerei", skills: ["Vergaberecht", "Excel"]);
        var profile = $"/intranet/personen/{member.Id}";
        Assert.Contains(profile, (await SearchAsync(client, "Vergaberecht")).Select(h => h.Href));
        await app.RemoveSkillAsync(member, "vergaberecht");
        Assert.Empty(await SearchAsync(client, "Vergaberecht"));
        Assert.Contains(profile, (await SearchAsync(client, "Kämmerei excel")).Select(h => h.Href));
    }

    [Fact]
    public async Task ADeletedAccountLeavesNoProfileInTheIndex()
    {
        var (space, member, client) = await SpaceWithMemberAsync();
        var colleague = await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.Staff);
        await app.CreateProfileAsync(colleague, "Standesamt", skills: ["Eheschließungen"]);
        Assert.Equal(1, await app.SearchEntriesAsync(space.Organization, colleague.Id));
        Assert.Contains($"/intranet/personen/{colleague.Id}", (await SearchAsync(client, "Eheschliessungen")).Select(h => h.Href));

        await app.DeleteAccountAsync(colleague);

        Assert.Equal(0, await app.SearchEntriesAsync(space.Organization, colleague.Id));
        Assert.Empty(await SearchAsync(client, "Eheschliessungen"));
    }

    [Fact]
    public async Task PagingAndCountsCoverOnlyWhatTheSearcherMayRead()
    {
        var (space, member, client) = await SpaceWithMemberAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.Staff);
        var closed = await app.CreateSpaceAsync(owner, JoinPolicy.InvitationOnly);
        for (var i = 0; i < 15; i++)
            await app.AddStreamPostAsync(closed, owner, $"Sitzungsprotokoll Nummer {i}", app.Now.AddMinutes(i));
        for (var i = 0; i < 13; i++)
            await app.AddStreamPostAsync(space, member, $"Sitzungsprotokoll Teil {i}", app.Now.AddMinutes(-i));

        var first = await client.GetPageAsync("/intranet/suche?q=sitzungsprotokoll");
        Assert.Equal(10, first.QuerySelectorAll(".intranet-result").Length);
        Assert.Contains("Beiträge (13)", first.QuerySelector(".search-kinds")!.TextContent);
        var more = first.QuerySelectorAll(".pager a").Single(a => a.TextContent.Contains("Weitere"));
        var second = await client.GetPageAsync(more.GetAttribute("href")!);
        var links = first.QuerySelectorAll(".intranet-result h3 a").Concat(second.QuerySelectorAll(".intranet-result h3 a"))
            .Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(13, links.Distinct().Count());
        Assert.All(links, l => Assert.StartsWith(space.Path + "/beitraege/", l));
        Assert.DoesNotContain(second.QuerySelectorAll(".pager a"), a => a.TextContent.Contains("Weitere"));

        // Filtered by kind: the same thirteen; another kind: none.
        Assert.Equal(10, (await SearchAsync(client, "sitzungsprotokoll", "&art=beitraege")).Count);
        Assert.Empty(await SearchAsync(client, "sitzungsprotokoll", "&art=dokumente"));
    }

    [Fact]
    public async Task QueriesThatAreNoSyntaxAndAnEmptyFormAnswerCalmly()
    {
        var (_, _, client) = await SpaceWithMemberAsync();
        foreach (var query in new[] { "\"", "a OR b*", "NEAR(x y)", "title:foo", "&|!:*" })
        {
            using var response = await client.GetAsync("/intranet/suche?q=" + Uri.EscapeDataString(query));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var empty = await client.GetPageAsync("/intranet/suche");
        Assert.NotNull(empty.QuerySelector("form[role=search] input[name=q]"));
        Assert.Empty(empty.QuerySelectorAll(".intranet-result"));
    }
}

public sealed class SqliteIntranetSearchTests(SqliteApp app) : IntranetSearchTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresIntranetSearchTests(PostgresApp app) : IntranetSearchTests(app), IClassFixture<PostgresApp>;
