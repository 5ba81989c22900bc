using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// The wikis: a space's and the organisation's knowledge base. Pages from templates, every save a revision, a diff
/// between any two, restore as a new revision, [[links]] with stored backlinks, the page tree, a second saver refused
/// with their text kept, hostile Markdown neutralised, and guests and other organisations kept out.
/// </summary>
public abstract class WikiTests(RathausplatzApp app)
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

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string editPath, string body, string? title = null)
    {
        var form = (await client.GetPageAsync(editPath)).Form("main form.wiki-form").Set("Form.Body", body);
        if (title is not null)
            form.Set("Form.Title", title);
        return await form.SubmitAsync(client);
    }

    [Fact]
    public async Task APageFromATemplateKeepsEveryEditAsARevisionThatCanBeComparedAndRestored()
    {
        var (space, member, client) = await SpaceWithMemberAsync();
        var wiki = $"{space.Path}/wiki";

        var form = await client.GetPageAsync($"{wiki}/neu?vorlage=prozessbeschreibung");
        var template = form.QuerySelector("textarea[name='Form.Body']")!.TextContent;
        foreach (var heading in new[] { "## Zweck", "## Zuständigkeit", "## Ablauf", "## Fristen", "## Ansprechpersonen" })
            Assert.Contains(heading, template);
        using var created = await form.Form("main form.wiki-form").Set("Form.Title", "Urlaubsantrag stellen")
            .Set("Form.Body", template.Replace("Erster Schritt", "Antrag im Portal ausfüllen")).SubmitAsync(client);
        Assert.Equal($"{wiki}/urlaubsantrag-stellen", created.RedirectTarget());
        var page = await app.FindWikiPageAsync(space.Organization, space, "urlaubsantrag-stellen");

        using var edited = await SaveAsync(client, page.EditPath, "## Ablauf\n\n1. Antrag im Portal ausfüllen\n2. Die Leitung genehmigt", "Urlaub beantragen");
        Assert.Equal(page.Path, edited.RedirectTarget());
        var shown = await client.GetPageAsync(page.Path);
        Assert.Equal("Urlaub beantragen", shown.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Die Leitung genehmigt", shown.QuerySelector(".wiki-body")!.TextContent);

        var history = await client.GetPageAsync(page.HistoryPath);
        Assert.Equal(["2", "1"], history.QuerySelectorAll("tr.revision td:first-child").Select(c => c.TextContent.Trim()));
        Assert.All(history.QuerySelectorAll("tr.revision"), row => Assert.Contains(member.DisplayName, row.TextContent));

        var diff = await client.GetPageAsync(page.ComparePath(1, 2));
        Assert.Contains("Urlaubsantrag stellen", diff.QuerySelector("del")!.TextContent);
        Assert.Contains(diff.QuerySelectorAll("ins"), i => i.TextContent.Contains("2. Die Leitung genehmigt"));
        Assert.Contains(diff.QuerySelectorAll("del"), d => d.TextContent.Contains("## Zweck"));

        using var restored = await history.Form("form[action*='handler=Restore']:has(input[name=number][value='1'])").SubmitAsync(client);
        Assert.Equal(page.Path, restored.RedirectTarget());
        var revisions = await app.WikiRevisionsAsync(page, space.Organization);
        Assert.Equal([1, 2, 3], revisions.Select(r => r.Number));
        Assert.Equal(1, revisions[2].RestoredFrom);
        Assert.Equal(revisions[0].Body, revisions[2].Body);
        Assert.Equal("Urlaubsantrag stellen", revisions[2].Title);
        var now = await app.WikiPageAsync(page, space.Organization);
        Assert.Equal((3, "Urlaubsantrag stellen", "urlaubsantrag-stellen"), (now.Version, now.Title, now.Slug));
        Assert.Contains("wiederhergestellt aus Version 1", (await client.GetPageAsync(page.HistoryPath)).MainText());
    }

    [Fact]
    public async Task LinksFindPagesByTitleOrAddressAndEachPageShowsItsBacklinks()
    {
        var (space, member, client) = await SpaceWithMemberAsync();
        var target = await app.CreateWikiPageAsync(member, space, "Übergabe an das Bürgeramt", "Wie übergeben wird.");
        var source = await app.CreateWikiPageAsync(member, space, "Einarbeitung",
            "Siehe [[Übergabe an das Bürgeramt]], [[uebergabe-an-das-buergeramt|dasselbe per Adresse]] und [[Dienstwagen buchen]]. `[[kein Link]]`");

        Assert.Equal(["dienstwagen-buchen", "uebergabe-an-das-buergeramt"], await app.WikiLinksAsync(source, space.Organization));
        var shown = await client.GetPageAsync(source.Path);
        var links = shown.QuerySelectorAll(".wiki-body a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([
            ("Übergabe an das Bürgeramt", target.Path),
            ("dasselbe per Adresse", target.Path),
            ("Dienstwagen buchen", $"{source.WikiPath}/neu?titel=Dienstwagen%20buchen"),
        ], links);
        Assert.Contains("[[kein Link]]", shown.QuerySelector(".wiki-body code")!.TextContent);

        // An admin who is no member reads but does not edit: the missing page is plain text for them.
        var admin = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.OrganizationAdmin));
        var asAdmin = await admin.GetPageAsync(source.Path);
        Assert.Equal(2, asAdmin.QuerySelectorAll(".wiki-body a").Length);
        Assert.Contains("Dienstwagen buchen", asAdmin.QuerySelector(".wiki-body")!.TextContent);

        var backlinks = await client.GetPageAsync(target.Path);
        Assert.Equal(["Einarbeitung"], backlinks.QuerySelectorAll(".wiki-backlinks a").Select(a => a.TextContent));

        // The target is renamed: its address stays (the old title's key), so both links still find it.
        using var renamed = await SaveAsync(client, target.EditPath, "Neu.", "Übergabe ans Bürgeramt");
        var after = await client.GetPageAsync(source.Path);
        Assert.Equal([target.Path, target.Path], after.QuerySelectorAll(".wiki-body a").Take(2).Select(a => a.GetAttribute("href")));
        Assert.Equal(["Einarbeitung"], (await client.GetPageAsync(target.Path)).QuerySelectorAll(".wiki-backlinks a").Select(a => a.TextContent));

        // The missing page is created from its link; the link then resolves.
        var create = await client.GetPageAsync($"{source.WikiPath}/neu?titel=Dienstwagen%20buchen");
        Assert.Equal("Dienstwagen buchen", create.QuerySelector("input[name='Form.Title']")!.GetAttribute("value"));
        using var made = await create.Form("main form.wiki-form").Set("Form.Body", "Im Portal.").SubmitAsync(client);
        Assert.Contains((await client.GetPageAsync(source.Path)).QuerySelectorAll(".wiki-body a"), a => a.GetAttribute("href") == $"{source.WikiPath}/dienstwagen-buchen");
        Assert.Equal(["Einarbeitung"], (await client.GetPageAsync($"{source.WikiPath}/dienstwagen-buchen")).QuerySelectorAll(".wiki-backlinks a").Select(a => a.TextContent));

        // Links removed from the text are gone from the backlinks.
        using var unlinked = await SaveAsync(client, source.EditPath, "Nichts mehr verlinkt.");
        Assert.Empty(await app.WikiLinksAsync(source, space.Organization));
        Assert.Empty((await client.GetPageAsync(target.Path)).QuerySelectorAll(".wiki-backlinks a"));

        // Titles are unique in a wiki: they are link targets.
        var duplicate = await (await client.GetPageAsync($"{source.WikiPath}/neu")).Form("main form.wiki-form").Set("Form.Title", "einarbeitung").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(["Eine Seite mit diesem Titel gibt es in diesem Wiki schon."], (await duplicate.ReadPageAsync()).ErrorMessages());
    }

    [Fact]
    public async Task PagesFormATreeWithBreadcrumbsAndChildrenInTheirOrder()
    {
        var (space, member, client) = await SpaceWithMemberAsync();
        var handbook = await app.CreateWikiPageAsync(member, space, "Handbuch");
        var first = await app.CreateWikiPageAsync(member, space, "Anmeldung", parent: handbook);
        var second = await app.CreateWikiPageAsync(member, space, "Zugang", parent: handbook);
        var third = await app.CreateWikiPageAsync(member, space, "Drucken", parent: handbook);
        var deep = await app.CreateWikiPageAsync(member, space, "Farbdruck", parent: third);

        string[] Children(AngleSharp.Dom.IDocument doc) => [.. doc.QuerySelectorAll(".wiki-children > li > a").Select(a => a.TextContent)];
        var parent = await client.GetPageAsync(handbook.Path);
        Assert.Equal(["Anmeldung", "Zugang", "Drucken"], Children(parent));

        using var moved = await parent.Form($"form.wiki-move:has(input[value='{third.Id}'])").SubmitAsync(client, "button[value=hoch]");
        Assert.Equal(["Anmeldung", "Drucken", "Zugang"], Children(await client.GetPageAsync(handbook.Path)));

        var leaf = await client.GetPageAsync(deep.Path);
        Assert.Equal(["Wiki: " + space.Title, "Handbuch", "Drucken", "Farbdruck"], leaf.QuerySelectorAll(".wiki-breadcrumbs li").Select(li => li.TextContent.Trim()));
        var index = await client.GetPageAsync(handbook.WikiPath);
        Assert.Equal(["Handbuch", "Anmeldung", "Drucken", "Farbdruck", "Zugang"], index.QuerySelectorAll(".wiki-tree a").Select(a => a.TextContent));

        // A page cannot go under its own descendant: the form does not offer it, and a hand-made request is refused.
        var edit = await client.GetPageAsync(handbook.EditPath);
        Assert.DoesNotContain(deep.Id.ToString(), edit.QuerySelectorAll("select[name='Form.ParentId'] option").Select(o => o.GetAttribute("value")));
        using var cycle = await edit.Form("main form.wiki-form").Tamper("Form.ParentId", deep.Id.ToString()).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Null((await app.WikiPageAsync(handbook, space.Organization)).ParentId);
        _ = first; _ = second;
    }

    [Fact]
    public async Task TheSecondOfTwoConcurrentSaversIsRefusedAndKeepsTheirText()
    {
        var (space, member, first) = await SpaceWithMemberAsync();
        var colleague = await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.Staff);
        await app.AddToSpaceAsync(space, colleague, SpaceRole.Member);
        var second = await app.CreateSignedInClientAsync(colleague);
        var page = await app.CreateWikiPageAsync(member, space, "Telefonliste", "Zentrale: 100");

        var formOfFirst = await first.GetPageAsync(page.EditPath);
        var formOfSecond = await second.GetPageAsync(page.EditPath);
        using var saved = await formOfFirst.Form("main form.wiki-form").Set("Form.Body", "Zentrale: 100\nBürgerbüro: 200").SubmitAsync(first);
        Assert.Equal(page.Path, saved.RedirectTarget());
        using var refused = await formOfSecond.Form("main form.wiki-form").Set("Form.Body", "Zentrale: 100\nBauamt: 300").SubmitAsync(second);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var shown = await refused.ReadPageAsync();
        Assert.Equal(["Jemand hat die Seite gespeichert, während Sie sie bearbeitet haben."], shown.ErrorMessages());
        Assert.Equal("Zentrale: 100\nBauamt: 300", shown.QuerySelector("textarea[name='Form.Body']")!.TextContent.Replace("\r\n", "\n"));
        Assert.Contains(member.DisplayName, shown.QuerySelector(".wiki-conflict")!.TextContent);
        Assert.Contains("Bürgerbüro: 200", shown.QuerySelector(".wiki-conflict del")!.TextContent);
        Assert.Contains("Bauamt: 300", shown.QuerySelector(".wiki-conflict ins")!.TextContent);
        Assert.Equal("Zentrale: 100\nBürgerbüro: 200", (await app.WikiPageAsync(page, space.Organization)).Body);
        Assert.Equal(2, (await app.WikiRevisionsAsync(page, space.Organization)).Count);

        // Having seen the difference, the second saver saves again on purpose: a new revision, the first one kept.
        using var again = await shown.Form("main form.wiki-form").SubmitAsync(second);
        Assert.Equal(page.Path, again.RedirectTarget());
        var revisions = await app.WikiRevisionsAsync(page, space.Organization);
        Assert.Equal(["Zentrale: 100", "Zentrale: 100\nBürgerbüro: 200", "Zentrale: 100\nBauamt: 300"], revisions.Select(r => r.Body));
    }

    [Fact]
    public async Task HostileMarkdownIsNeutralised()
    {
        var (space, member, client) = await SpaceWithMemberAsync();
        const string Hostile = "<script>alert(1)</script>\n\n[klick](javascript:alert(2)) <img src=x onerror=alert(3)>\n\n"
            + "[[<script>alert(6)</script>]] [[x|<img src=x onerror=alert(7)>]] [[a](javascript:alert(8))]] {onclick=alert(9)}\n\n"
            + "![bild](javascript:alert(4)) <a href=\"data:text/html,x\" onclick=\"alert(5)\">a</a>";
        var page = await app.CreateWikiPageAsync(member, space, "Harmlos");
        using var saved = await SaveAsync(client, page.EditPath, Hostile);
        Assert.Equal(page.Path, saved.RedirectTarget());

        foreach (var path in new[] { page.Path, page.ComparePath(1, 2) })
        {
            var shown = await client.GetPageAsync(path);
            var main = shown.QuerySelector("main")!;
            Assert.Empty(main.QuerySelectorAll("script, img[onerror], [onclick], [style]"));
            Assert.DoesNotContain(main.QuerySelectorAll("a[href], img[src]"),
                e => (e.GetAttribute("href") ?? e.GetAttribute("src"))!.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                    || (e.GetAttribute("href") ?? "").StartsWith("data:", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task ADeletedPageGoesWithItsRevisionsItsSubpagesMoveUpAndLinksToItLeadToCreateIt()
    {
        var (space, member, client) = await SpaceWithMemberAsync();
        var colleague = await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.Staff);
        await app.AddToSpaceAsync(space, colleague, SpaceRole.Member);
        var colleagueClient = await app.CreateSignedInClientAsync(colleague);
        var handbook = await app.CreateWikiPageAsync(member, space, "Handbuch");
        var waste = await app.CreateWikiPageAsync(member, space, "Abfallkalender", "Die Tonnen werden dienstags geleert.", handbook);
        var bulky = await app.CreateWikiPageAsync(member, space, "Sperrmüll", "", waste);
        var overview = await app.CreateWikiPageAsync(colleague, space, "Übersicht", "Siehe [[Abfallkalender]].");
        Assert.Single((await client.GetPageAsync("/intranet/suche?q=dienstags")).QuerySelectorAll(".intranet-result"));

        // Only its author (and those who manage the wiki) may delete it.
        Assert.Null((await colleagueClient.GetPageAsync(waste.Path)).QuerySelector($"a[href='{waste.Path}/loeschen']"));
        Assert.StartsWith("/error/403", (await colleagueClient.GetAsync(waste.Path + "/loeschen")).RedirectTarget());

        var confirm = await client.GetPageAsync((await client.GetPageAsync(waste.Path)).QuerySelector($"a[href='{waste.Path}/loeschen']")!.GetAttribute("href")!);
        Assert.Contains("Ihre Unterseiten (1) rücken unter „Handbuch“.", confirm.MainText());
        Assert.Contains("Seiten, die hierher verlinken: 1.", confirm.MainText());
        using var deleted = await confirm.Form("main form").SubmitAsync(client);

        Assert.Equal(handbook.Path, deleted.RedirectTarget());
        Assert.Contains("Die Seite „Abfallkalender“ ist gelöscht.", (await client.GetPageAsync(handbook.Path)).MainText());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(waste.Path)).StatusCode);
        Assert.Empty(await app.WikiRevisionsAsync(waste, space.Organization));
        Assert.Equal(handbook.Id, (await app.WikiPageAsync(bulky, space.Organization)).ParentId);
        Assert.Contains((await client.GetPageAsync(handbook.Path)).QuerySelectorAll(".wiki-children a"), a => a.GetAttribute("href") == bulky.Path);
        var link = (await client.GetPageAsync(overview.Path)).QuerySelector(".wiki-body a")!;
        Assert.Equal($"{space.Path}/wiki/neu?titel=Abfallkalender", link.GetAttribute("href"));
        Assert.Empty((await client.GetPageAsync("/intranet/suche?q=dienstags")).QuerySelectorAll(".intranet-result"));
    }

    [Fact]
    public async Task GuestsReachNeitherTheKnowledgeBaseNorOtherSpacesWikis()
    {
        var (space, member, _) = await SpaceWithMemberAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(space.Organization, Roles.Staff);
        var other = await app.CreateSpaceAsync(owner, JoinPolicy.Open);
        var guestUser = await app.CreateUserAsync(space.Organization, Roles.Guest);
        await app.AddToSpaceAsync(space, guestUser, SpaceRole.Guest);
        var guest = await app.CreateSignedInClientAsync(guestUser);
        var knowledge = await app.CreateWikiPageAsync(member, null, Unique.Name("Reisekosten"), "Intern.");
        var foreign = await app.CreateWikiPageAsync(owner, other, "Anderer Raum", "Intern.");
        var own = await app.CreateWikiPageAsync(member, space, "Gemeinsam", "Für alle im Raum.");

        var token = await guest.GetPageAsync(own.Path);
        foreach (var target in new[] { knowledge, foreign })
        {
            foreach (var path in new[] { target.WikiPath, $"{target.WikiPath}/neu", target.Path, target.EditPath, target.HistoryPath, target.ComparePath(1, 1) })
            {
                using var response = await guest.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode} to a guest.");
            }
            foreach (var (path, fields) in new[]
            {
                ($"{target.WikiPath}/neu", new[] { ("Form.Title", "Eingeschleust"), ("Form.Body", "x") }),
                (target.EditPath, new[] { ("Form.Title", "Eingeschleust"), ("Form.Body", "x"), ("BaseVersion", "1") }),
                (target.HistoryPath + "?handler=Restore", new[] { ("number", "1"), ("baseVersion", "1") }),
                (target.Path + "?handler=Move", new[] { ("child", target.Id.ToString()), ("direction", "hoch") }),
            })
            {
                using var response = await guest.PostHandMadeAsync(token, path, fields);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {path} answered {(int)response.StatusCode} to a guest.");
            }
        }
        Assert.DoesNotContain("Wissensdatenbank", (await guest.GetPageAsync("/intranet")).MainText());

        // In their own space a guest reads and writes the wiki like the other members.
        using var edited = await SaveAsync(guest, own.EditPath, "Für alle im Raum, auch für Gäste.");
        Assert.Equal(own.Path, edited.RedirectTarget());
        Assert.Contains("auch für Gäste", (await guest.GetPageAsync(own.Path)).MainText());
    }

    [Fact]
    public async Task AnotherOrganisationsPagesAreNotFound()
    {
        var (space, member, _) = await SpaceWithMemberAsync();
        var knowledge = await app.CreateWikiPageAsync(member, null, Unique.Name("Dienstanweisung"));
        var inSpace = await app.CreateWikiPageAsync(member, space, "Raumseite");
        var elsewhere = await app.CreateOrganizationAsync();
        var foreignAdmin = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(elsewhere, Roles.OrganizationAdmin));

        foreach (var path in new[] { knowledge.Path, knowledge.EditPath, knowledge.HistoryPath, inSpace.Path, inSpace.WikiPath, inSpace.EditPath })
        {
            using var response = await foreignAdmin.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode} to another organisation.");
        }
        Assert.DoesNotContain(knowledge.Slug, (await foreignAdmin.GetPageAsync("/intranet/wiki")).Body!.InnerHtml);
    }
}

public sealed class SqliteWikiTests(SqliteApp app) : WikiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresWikiTests(PostgresApp app) : WikiTests(app), IClassFixture<PostgresApp>;
