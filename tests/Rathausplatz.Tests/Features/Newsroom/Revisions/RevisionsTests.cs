using System.Net;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Newsroom.Revisions;

/// <summary>What a version changed, field by field and line by line, and bringing an older version back.</summary>
public abstract class RevisionsTests(RathausplatzApp app)
{
    [Fact]
    public async Task TheDiffShowsChangedFieldsAndChangedLinesOnlyWithWordsNotJustColour()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var body = string.Join("\n", Enumerable.Range(1, 10).Select(n => $"Zeile {n}"));
        var (id, _) = await app.DraftPostAsync(editor, fill: f => f.Body = body);
        var newest = await SaveAsync(editor, id, f => (f.Title, f.Body) = ("Neuer Titel", body.Replace("Zeile 5", "Zeile fünf")));
        var client = await app.CreateSignedInClientAsync(editor);

        var page = await client.GetPageAsync($"/newsroom/{id}/history/{newest}");

        var sections = page.QuerySelectorAll("section.diff-field").ToDictionary(s => s.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal(["Titel", "Text (Markdown)"], sections.Keys);
        Assert.Equal("Neuer Titel", sections["Titel"].QuerySelector("ins")!.TextContent.Replace("+ hinzugefügt:", "").Trim());
        Assert.Contains("entfernt:", sections["Titel"].QuerySelector("del .kern-sr-only")!.TextContent);
        var text = sections["Text (Markdown)"];
        Assert.Equal(["Zeile 5"], text.QuerySelectorAll("del").Select(d => d.TextContent.Replace("− entfernt:", "").Trim()));
        Assert.Equal(["Zeile fünf"], text.QuerySelectorAll("ins").Select(d => d.TextContent.Replace("+ hinzugefügt:", "").Trim()));
        // Two lines of context either side; the rest is summed up.
        Assert.Equal(["Zeile 3", "Zeile 4", "Zeile 6", "Zeile 7"], text.QuerySelectorAll(".diff-unchanged").Select(l => l.TextContent.Trim()));
        Assert.Equal(2, text.QuerySelectorAll(".diff-skipped").Length);
    }

    [Fact]
    public async Task AnOlderVersionComparesWithTheCurrentState()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var topic = await app.AddTopicAsync(org, "Verkehr");
        var (id, _) = await app.DraftPostAsync(editor);
        var first = await RevisionIdsAsync(editor, id);
        await SaveAsync(editor, id, f => (f.Summary, f.TopicIds) = ("Neu gefasst", [topic.Id]));
        var client = await app.CreateSignedInClientAsync(editor);

        var page = await client.GetPageAsync($"/newsroom/{id}/history/{first[0]}?mit=aktuell");

        var sections = page.QuerySelectorAll("section.diff-field").ToDictionary(s => s.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal(["Zusammenfassung", "Themen"], sections.Keys);
        Assert.Contains("Verkehr", sections["Themen"].QuerySelector("ins")!.TextContent);
        Assert.Contains("Kurz gesagt", sections["Zusammenfassung"].QuerySelector("del")!.TextContent);
    }

    [Fact]
    public async Task RestoringAVersionSavesItAgainWithANewRevisionAndAnAuditEntry()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (id, slug) = await app.PublishedPostAsync(editor);
        var first = (await RevisionIdsAsync(editor, id))[0];
        await SaveAsync(editor, id, f => f.Title = "Versehentlich geändert");
        var client = await app.CreateSignedInClientAsync(editor);

        var page = await client.GetPageAsync($"/newsroom/{id}/history/{first}");
        using var restored = await page.FormWithButton("Version wiederherstellen").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var publicPage = await app.CreateClient(org).GetPageAsync($"/aktuelles/{slug}");
        Assert.Equal("Titel " + slug, publicPage.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal(3, (await RevisionIdsAsync(editor, id)).Count);
        await using var scope = app.InOrganization(org);
        var audit = await scope.Db.Set<PostAuditEntry>().SingleAsync(a => a.PostId == id && a.Action == PostAction.Restored);
        Assert.Equal(editor.Id, audit.ActorId);
        Assert.Contains(editor.DisplayName, audit.Comment);
        var postPage = await client.GetPageAsync($"/newsroom/{id}");
        Assert.Contains("Version wiederhergestellt", postPage.QuerySelector("#audit-heading")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task UnderFourEyesReviewALivePostIsNotRestoredInPlace()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (id, slug) = await app.PublishedPostAsync(editor);
        var first = (await RevisionIdsAsync(editor, id))[0];
        await SaveAsync(editor, id, f => f.Title = "Zweite Fassung");
        await app.SetFourEyesReviewAsync(org, true);
        var client = await app.CreateSignedInClientAsync(editor);

        var page = await client.GetPageAsync($"/newsroom/{id}/history/{first}");
        using var refused = await page.FormWithButton("Version wiederherstellen").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var answer = await HtmlPages.ParseAsync(refused.RequestMessage!.RequestUri!, await refused.Content.ReadAsStringAsync());
        Assert.Contains("zuerst zurück", answer.QuerySelector("#error-summary")!.TextContent);
        var publicPage = await app.CreateClient(org).GetPageAsync($"/aktuelles/{slug}");
        Assert.Equal("Zweite Fassung", publicPage.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnotherOrganizationsEditorNeitherSeesNorRestoresAVersion()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (id, _) = await app.DraftPostAsync(editor);
        var first = (await RevisionIdsAsync(editor, id))[0];
        var stranger = await app.CreateEditorAsync(await app.CreateOrganizationAsync());
        var client = await app.CreateSignedInClientAsync(stranger);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/newsroom/{id}/history/{first}")).StatusCode);
        var outcome = await app.AsEditorAsync(stranger, (s, me) => s.Get<Rathausplatz.Features.Newsroom.Revisions.RestoreRevision>().RunAsync(id, first, me, default));
        Assert.Equal(SaveOutcome.NotFound, outcome.Outcome);
    }

    private async Task<Guid> SaveAsync(TestUser editor, Guid id, Action<PostForm> change)
    {
        await using var scope = app.InOrganization(editor.Organization);
        var post = await scope.Db.Set<Post>().AsNoTracking().Include(p => p.Topics).Include(p => p.Districts).SingleAsync(p => p.Id == id);
        var form = post.ToForm();
        change(form);
        var saved = await scope.Get<SavePost>().UpdateAsync(id, form, RathausplatzApp.ActorOf(editor), default);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        app.AdvanceTime(TimeSpan.FromMinutes(1));
        return (await RevisionIdsAsync(editor, id))[^1];
    }

    /// <summary>Oldest first.</summary>
    private async Task<List<Guid>> RevisionIdsAsync(TestUser editor, Guid id)
    {
        await using var scope = app.InOrganization(editor.Organization);
        return (await scope.Db.Set<PostRevision>().Where(r => r.PostId == id).Select(r => new { r.Id, r.CreatedAt }).ToListAsync())
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => r.Id).ToList();
    }
}

public sealed class SqliteRevisionsTests(SqliteApp app) : RevisionsTests(app), IClassFixture<SqliteApp>;
public sealed class PostgresRevisionsTests(PostgresApp app) : RevisionsTests(app), IClassFixture<PostgresApp>;
