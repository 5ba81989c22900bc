using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// The information and results pages of a process and its meetings (newsroom events), through the back office's
/// forms: drafts only for editors, Markdown made safe, events of the town only, and the process page shows them.
/// </summary>
public abstract class ProcessPageTests(RathausplatzApp app)
{
    private static string Manage(string slug) => $"/beteiligung/verwaltung/verfahren/{slug}/termine";

    [Fact]
    public async Task AnEditorWritesAnInformationAndAResultsPageThatVisitorsSeeOncePublished()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));
        var visitor = app.CreateClient(org);

        var form = await editor.GetPageAsync($"/beteiligung/verwaltung/verfahren/{process.Slug}/seiten");
        using var refused = await form.Form("main form").Set("Input.Title", "").SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Bitte geben Sie einen Titel an.", "Bitte schreiben Sie den Text der Seite."], (await refused.ReadPageAsync()).ErrorMessages());

        using var draft = await form.Form("main form").Set("Input.Title", "Der Plan des Büros")
            .Set("Input.Body", "## Entwurf\n<script>alert(1)</script>[Plan](javascript:alert(1))").SubmitAsync(editor);
        var editPath = draft.RedirectTarget();
        var pagePath = $"/beteiligung/{process.Slug}/seiten/{editPath[(editPath.LastIndexOf('/') + 1)..]}";
        using var hidden = await visitor.GetAsync(pagePath);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Null((await visitor.GetPageAsync($"/beteiligung/{process.Slug}")).QuerySelector("#info-heading"));

        using var published = await (await editor.GetPageAsync(editPath)).Form("main form").Set("Input.Published", "true").SubmitAsync(editor);
        var page = await visitor.GetPageAsync(pagePath);
        Assert.Equal("Entwurf", page.QuerySelector(".prose h2")!.TextContent);
        Assert.Null(page.QuerySelector(".prose script"));
        Assert.DoesNotContain("javascript:", page.QuerySelector(".prose")!.InnerHtml);
        var results = await editor.GetPageAsync($"/beteiligung/verwaltung/verfahren/{process.Slug}/seiten?art=ergebnisse");
        using var result = await results.Form("main form").Set("Input.Title", "Was entschieden wurde").Set("Input.Body", "Der Rat folgt den Vorschlägen.")
            .Set("Input.Published", "true").SubmitAsync(editor);

        var processPage = await visitor.GetPageAsync($"/beteiligung/{process.Slug}");
        Assert.Equal("Der Plan des Büros", processPage.QuerySelector("section[aria-labelledby=info-heading] li a")!.TextContent);
        Assert.Equal("Was entschieden wurde", processPage.QuerySelector("section[aria-labelledby=results-heading] li a")!.TextContent);

        using var removed = await (await editor.GetPageAsync(editPath)).FormWithButton("Seite löschen").SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(pagePath)).StatusCode);
        Assert.Null((await visitor.GetPageAsync($"/beteiligung/{process.Slug}")).QuerySelector("#info-heading"));
    }

    [Fact]
    public async Task MeetingsAreEventsOfTheTownLinkedByAnEditor()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var editorUser = await app.CreateUserWithTwoFactorAsync(org, Roles.Editor);
        var editor = await app.CreateSignedInClientAsync(editorUser);
        var (eventId, eventSlug) = await app.PublishedPostAsync(editorUser, PostType.Event, f => f.PlaceName = "Bürgerhaus");
        var other = await app.CreateOrganizationAsync();
        var (foreignId, _) = await app.PublishedPostAsync(await app.CreateUserWithTwoFactorAsync(other, Roles.Editor), PostType.Event);

        var manage = await editor.GetPageAsync(Manage(process.Slug));
        Assert.DoesNotContain(manage.QuerySelectorAll("#postId option"), o => o.GetAttribute("value") == foreignId.ToString());
        using var foreign = await manage.FormWithButton("Termin verknüpfen").Tamper("postId", foreignId.ToString()).SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(["Bitte wählen Sie eine Veranstaltung aus der Liste."], (await foreign.ReadPageAsync()).ErrorMessages());

        using var linked = await manage.FormWithButton("Termin verknüpfen").Set("postId", eventId.ToString()).SubmitAsync(editor);
        var meeting = (await app.CreateClient(org).GetPageAsync($"/beteiligung/{process.Slug}")).QuerySelector("section[aria-labelledby=meetings-heading] li")!;
        Assert.Equal($"/aktuelles/{eventSlug}", meeting.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Bürgerhaus", meeting.TextContent);

        using var unlinked = await (await editor.GetPageAsync(Manage(process.Slug))).FormWithButton($"Verknüpfung lösen: Titel {eventSlug}").SubmitAsync(editor);
        Assert.Null((await app.CreateClient(org).GetPageAsync($"/beteiligung/{process.Slug}")).QuerySelector("#meetings-heading"));
    }

    [Fact]
    public async Task OnlyEditorsReachTheBackOffice()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var citizen = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        using var forbidden = await citizen.GetAsync(Manage(process.Slug));
        Assert.StartsWith("/error/403", forbidden.RedirectTarget());
        using var anonymous = await app.CreateClient(org).GetAsync($"/beteiligung/verwaltung/verfahren/{process.Slug}/seiten");
        Assert.StartsWith("/accounts/signin", anonymous.RedirectTarget());
    }
}

public sealed class SqliteProcessPageTests(SqliteApp app) : ProcessPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProcessPageTests(PostgresApp app) : ProcessPageTests(app), IClassFixture<PostgresApp>;
