using System.Net;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Tests.Support;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Newsroom;

/// <summary>Drafts, direct publishing, four-eyes review, schedules, revisions and who may do what.</summary>
public abstract class EditorialWorkflowTests(RathausplatzApp app)
{
    [Fact]
    public async Task AnEditorWritesAndPublishesDirectlyThroughTheBackOffice()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var client = await app.CreateSignedInClientAsync(editor);
        var slug = Unique.Name("radweg");

        var form = (await client.GetPageAsync("/newsroom/new/nachricht")).Form();
        using var saved = await form.Set("Input.Title", "Neuer Radweg").Set("Input.Summary", "Er ist fertig.").Set("Input.Slug", slug).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var postPath = saved.Headers.Location!.OriginalString;

        var anonymous = app.CreateClient(org);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/aktuelles/{slug}")).StatusCode);

        using var published = await (await client.GetPageAsync(postPath)).FormWithButton("Veröffentlichen").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var page = await anonymous.GetPageAsync($"/aktuelles/{slug}");
        Assert.Equal("Neuer Radweg", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Neuer Radweg", (await anonymous.GetPageAsync("/")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task UnderFourEyesReviewTheAuthorCannotApproveButAnotherEditorCan()
    {
        var org = await app.CreateOrganizationAsync();
        await app.SetFourEyesReviewAsync(org, true);
        var author = await app.CreateEditorAsync(org);
        var reviewer = await app.CreateEditorAsync(org);
        var (id, slug) = await app.DraftPostAsync(author);

        Assert.Equal(PublishOutcome.NeedsReview, await app.PublishAsync(author, id));
        Assert.Equal(SubmitOutcome.Submitted, await app.AsEditorAsync(author, (s, me) => s.Get<SubmitForReview>().RunAsync(id, me, default)));
        Assert.Equal(ApproveOutcome.OwnPost, await app.AsEditorAsync(author, (s, me) => s.Get<ApprovePost>().RunAsync(id, me, default)));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient(org).GetAsync($"/aktuelles/{slug}")).StatusCode);

        Assert.Equal(ApproveOutcome.Published, await app.AsEditorAsync(reviewer, (s, me) => s.Get<ApprovePost>().RunAsync(id, me, default)));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(org).GetAsync($"/aktuelles/{slug}")).StatusCode);
        var actions = await AuditAsync(author, id);
        // The clock stands still in tests, so compare the steps, not their order.
        Assert.Equal(new[] { PostAction.Created, PostAction.Submitted, PostAction.Approved, PostAction.Published }.Order(), actions.Order());
    }

    [Fact]
    public async Task TheAuthorSeesNoApproveButtonOnTheirOwnSubmittedPost()
    {
        var org = await app.CreateOrganizationAsync();
        await app.SetFourEyesReviewAsync(org, true);
        var author = await app.CreateEditorAsync(org);
        var reviewer = await app.CreateEditorAsync(org);
        var (id, _) = await app.DraftPostAsync(author);
        await app.AsEditorAsync(author, (s, me) => s.Get<SubmitForReview>().RunAsync(id, me, default));

        var asAuthor = await (await app.CreateSignedInClientAsync(author)).GetPageAsync($"/newsroom/{id}");
        var asReviewer = await (await app.CreateSignedInClientAsync(reviewer)).GetPageAsync("/newsroom?ansicht=pruefung");

        Assert.DoesNotContain(asAuthor.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Freigeben");
        Assert.Contains(asReviewer.QuerySelectorAll("main table a"), a => a.GetAttribute("href") == $"/newsroom/{id}");
    }

    [Fact]
    public async Task UnderFourEyesReviewALivePostIsNotChangedUnseen()
    {
        var org = await app.CreateOrganizationAsync();
        var author = await app.CreateEditorAsync(org);
        var (id, slug) = await app.PublishedPostAsync(author);
        await app.SetFourEyesReviewAsync(org, true);
        var client = await app.CreateSignedInClientAsync(author);

        var form = (await client.GetPageAsync($"/newsroom/{id}/edit")).Form();
        using var refused = await form.Set("Input.Title", "Heimlich geändert").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await app.CreateClient(org).GetPageAsync($"/aktuelles/{slug}");
        Assert.Equal("Titel " + slug, page.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task AReviewerSendsAPostBackWithAComment()
    {
        var org = await app.CreateOrganizationAsync();
        await app.SetFourEyesReviewAsync(org, true);
        var author = await app.CreateEditorAsync(org);
        var reviewer = await app.CreateEditorAsync(org);
        var (id, _) = await app.DraftPostAsync(author);
        await app.AsEditorAsync(author, (s, me) => s.Get<SubmitForReview>().RunAsync(id, me, default));
        var reviewerClient = await app.CreateSignedInClientAsync(reviewer);

        var page = await reviewerClient.GetPageAsync($"/newsroom/{id}");
        using var empty = await page.FormWithButton("Zurückgeben").SubmitAsync(reviewerClient);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var sentBack = await page.FormWithButton("Zurückgeben").Set("Comment", "Bitte die Uhrzeit ergänzen.").SubmitAsync(reviewerClient);
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);

        var post = await PostAsync(author, id);
        Assert.Equal(PostStatus.Draft, post.Status);
        Assert.Equal("Bitte die Uhrzeit ergänzen.", post.ReviewComment);
        var authorView = await (await app.CreateSignedInClientAsync(author)).GetPageAsync($"/newsroom/{id}");
        Assert.Contains("Bitte die Uhrzeit ergänzen.", authorView.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task AScheduledPostAppearsOnlyOnceItsTimeHasComeAndTheDueJobRan()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (id, slug) = await app.DraftPostAsync(editor, fill: f => f.PublishAt = TownTime.ToLocal(app.Now.AddHours(2)));
        var anonymous = app.CreateClient(org);

        Assert.Equal(PublishOutcome.Scheduled, await app.PublishAsync(editor, id));
        await app.RunJobsUntilIdleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/aktuelles/{slug}")).StatusCode);

        app.AdvanceTime(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/aktuelles/{slug}")).StatusCode);
        Assert.Equal(PostStatus.Published, (await PostAsync(editor, id)).Status);
    }

    [Fact]
    public async Task APostIsTakenDownAtItsUnpublishTime()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (id, slug) = await app.PublishedPostAsync(editor, fill: f => f.UnpublishAt = TownTime.ToLocal(app.Now.AddHours(1)));
        var anonymous = app.CreateClient(org);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/aktuelles/{slug}")).StatusCode);

        app.AdvanceTime(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/aktuelles/{slug}")).StatusCode);
        Assert.Equal(PostStatus.Unpublished, (await PostAsync(editor, id)).Status);
    }

    [Fact]
    public async Task EverySaveRecordsARevisionShownInTheHistory()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var client = await app.CreateSignedInClientAsync(editor);
        var (id, _) = await app.DraftPostAsync(editor);
        app.AdvanceTime(TimeSpan.FromMinutes(5));

        var edit = (await client.GetPageAsync($"/newsroom/{id}/edit")).Form();
        using var saved = await edit.Set("Input.Title", "Zweite Fassung").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var history = await client.GetPageAsync($"/newsroom/{id}/history");
        var rows = history.QuerySelectorAll("tr.revision").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Zweite Fassung", rows[0]);
        Assert.Contains(editor.DisplayName, rows[0]);
    }

    [Fact]
    public async Task AnEventWithALatitudeOutsideTheGlobeIsRefused()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var client = await app.CreateSignedInClientAsync(editor);

        var form = (await client.GetPageAsync("/newsroom/new/veranstaltung")).Form();
        using var refused = await form.Set("Input.Title", "Sommerfest").Set("Input.EventStart", "2026-07-01T15:00")
            .Set("Input.Latitude", "200").Set("Input.Longitude", "10").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await HtmlPages.ParseAsync(refused.RequestMessage!.RequestUri!, await refused.Content.ReadAsStringAsync());
        Assert.Contains("Breitengrad", page.QuerySelector("#error-summary")!.TextContent);
    }

    [Theory]
    [InlineData("stelle", "Bewerbungsfrist")]
    [InlineData("warnung", "Ende")]
    public async Task ATypeWithoutItsRequiredTimeIsRefused(string type, string message)
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var client = await app.CreateSignedInClientAsync(editor);

        var form = (await client.GetPageAsync($"/newsroom/new/{type}")).Form();
        using var refused = await form.Set("Input.Title", "Ohne Frist").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASecondPostCannotTakeAnAddressInUse()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, slug) = await app.DraftPostAsync(editor);
        var client = await app.CreateSignedInClientAsync(editor);

        var form = (await client.GetPageAsync("/newsroom/new/nachricht")).Form();
        using var refused = await form.Set("Input.Title", "Doppelt").Set("Input.Slug", slug).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Diese Adresse hat schon ein anderer Beitrag.", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CitizensAreKeptOutOfTheBackOffice()
    {
        var org = await app.CreateOrganizationAsync();
        var citizen = await app.CreateUserAsync(org, Roles.Citizen);

        using var response = await (await app.CreateSignedInClientAsync(citizen)).GetAsync("/newsroom");

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/error/403")),
            $"Expected 403, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    private async Task<Post> PostAsync(TestUser user, Guid id)
    {
        await using var scope = app.InOrganization(user.Organization);
        return await scope.Db.Set<Post>().AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<List<PostAction>> AuditAsync(TestUser user, Guid id)
    {
        await using var scope = app.InOrganization(user.Organization);
        return await scope.Db.Set<PostAuditEntry>().Where(a => a.PostId == id).Select(a => a.Action).ToListAsync();
    }
}

public sealed class SqliteEditorialWorkflowTests(SqliteApp app) : EditorialWorkflowTests(app), IClassFixture<SqliteApp>;
public sealed class PostgresEditorialWorkflowTests(PostgresApp app) : EditorialWorkflowTests(app), IClassFixture<PostgresApp>;
