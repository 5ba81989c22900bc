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
    public async Task AnExpertQuestionIsFoundByStaffThroughItsTitleTextAndAnswersNotByGuests()
    {
        var (space, member, client) = await SpaceWithMemberAsync();
        var guest = await app.CreateUserAsync(space.Organization, Roles.Guest);
        await app.AddToSpaceAsync(space, guest, SpaceRole.Guest);
        var guestClient = await app.CreateSignedInClientAsync(guest);
        var colleague = await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.Staff);
        var questionId = await app.AskExpertsAsync(member, "Wann dürfen Bäume geschnitten werden?", "grünflächen",
            body: "Es geht um die **Straßenbäume** am Marktplatz.");
        var answerId = await app.AnswerExpertQuestionAsync(colleague, questionId, "Nicht im Frühjahr, wegen der Brutzeit.");
        var question = $"/intranet/personen/fragen/{questionId}";

        foreach (var query in new[] { "Baum", "geschnitten", "strasse", "markt", "fruehjahr", "Brutzeit Baum" })
            Assert.True((await SearchAsync(client, query)).Any(h => h.Href == question), $"\"{query}\" did not find the question.");
        Assert.Single(await SearchAsync(client, "Brutzeit Strassenbaeume"));
        var page = await client.GetPageAsync("/intranet/suche?q=brutzeit&art=fragen");
        Assert.Contains("Frage an die Expert:innen", page.QuerySelector(".intranet-result__meta")!.TextContent);
        Assert.Contains("<mark>Brutzeit</mark>", page.QuerySelector(".intranet-result__snippet")!.InnerHtml);
        Assert.Empty(await SearchAsync(client, "brutzeit", "&art=kommentare"));
        // A guest is no colleague: the question page answers 403, and search does not find it.
        foreach (var query in new[] { "Baum", "Brutzeit" })
            Assert.Empty(await SearchAsync(guestClient, query));

        // An answer that goes takes its words with it; the question stays findable by its own.
        var colleagueClient = await app.CreateSignedInClientAsync(colleague);
        using (var deleted = await (await colleagueClient.GetPageAsync(question)).Form($"#antwort-{answerId} form[action*='handler=DeleteAnswer']").SubmitAsync(colleagueClient))
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await SearchAsync(client, "Brutzeit"));
        Assert.Contains(question, (await SearchAsync(client, "Strassenbaeume")).Select(h => h.Href));
        // A new answer is found at once.
        await app.AnswerExpertQuestionAsync(member, questionId, "Das Grünflächenamt weiß es.");
        Assert.Contains(question, (await SearchAsync(client, "gruenflaechenamt")).Select(h => h.Href));
    }

    [Fact]
    public async Task ADocumentCommentIsFoundByTheSpaceAndGoesWithItsDocument()
    {
        var (space, member, client) = await SpaceWithMemberAsync();
        var guest = await app.CreateUserAsync(space.Organization, Roles.Guest);
        await app.AddToSpaceAsync(space, guest, SpaceRole.Guest);
        var admin = await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.OrganizationAdmin);
        var outsider = await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.Staff);
        var elsewhere = await app.CreateOrganizationAsync();
        var foreignAdmin = await app.CreateUserWithTwoFactorAsync(elsewhere, Roles.OrganizationAdmin);
        var documentId = await app.AddDocumentAsync(space, member, "Lageplan", "lageplan.pdf", "application/pdf", DocumentTests.Pdf);
        var shown = await client.GetPageAsync(space.DocumentPath(documentId));
        using (var commented = await shown.Form("form[action*='handler=Comment']").Set("Body", "Die **Müllabfuhr** fährt über die Brücke.").SubmitAsync(client))
            Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);
        var link = (await SearchAsync(client, "muellabfuhr")).Single().Href;
        Assert.StartsWith(space.DocumentPath(documentId) + "#kommentar-", link);

        foreach (var person in new[] { guest, admin })
        {
            var other = await app.CreateSignedInClientAsync(person);
            foreach (var query in new[] { "Müllabfuhr", "bruecke", "fährt Brücken" })
                Assert.Equal([link], (await SearchAsync(other, query)).Select(h => h.Href));
        }
        foreach (var person in new[] { outsider, foreignAdmin })
            Assert.Empty(await SearchAsync(await app.CreateSignedInClientAsync(person), "Müllabfuhr"));

        // Deleting the document deletes its comments, and the index forgets them.
        var commentId = Guid.Parse(link.Split("#kommentar-")[1]);
        using (var deleted = await (await client.GetPageAsync(space.DocumentPath(documentId))).Form("form[action*='handler=Delete']").SubmitAsync(client))
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await app.SearchEntriesAsync(space.Organization, commentId));
        Assert.Empty(await SearchAsync(client, "Müllabfuhr"));
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
