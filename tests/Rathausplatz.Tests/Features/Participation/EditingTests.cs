using System.Net;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Tests.Features.Newsroom.Media;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// Authors change their own proposals (title, text, place, images) while the proposal phase runs and the town has not
/// decided, and their own comments while the thread is open; both then show "Bearbeitet". Others get 403, a closed
/// proposal or thread 400, and supports stay as they were.
/// </summary>
public abstract class EditingTests(RathausplatzApp app)
{
    private static string EditPath(ParticipationProcess process, Guid id) => RathausplatzApp.ProposalPath(process, id) + "/bearbeiten";

    private static bool IsForbidden(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/error/403"));

    private async Task<(TestOrganization Org, ParticipationProcess Process, TestUser Author, HttpClient Client, Proposal Proposal)> ProposalWithImagesAsync()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var author = await app.CreateUserAsync(org, Roles.Citizen);
        var client = await app.CreateSignedInClientAsync(author);
        using var made = await (await client.GetPageAsync($"/beteiligung/{process.Slug}/vorschlagen")).Form("main form")
            .Set("Title", "Ein Spielplatz").Set("Body", "Auf der Wiese.").Set("AcceptsNetiquette", "true")
            .Attach("bild1", "wiese.jpg", "image/jpeg", TestImages.JpegWithExif(800, 600, orientation: 1)).Set("bild1-alt", "Die Wiese")
            .Attach("bild2", "bank.png", "image/png", TestImages.Png(300, 200)).Set("bild2-alt", "Eine alte Bank")
            .SubmitAsync(client);
        var id = Guid.Parse(made.RedirectTarget().Split('/').Last());
        return (org, process, author, client, (await app.FindProposalAsync(org, id)).Proposal);
    }

    [Fact]
    public async Task TheAuthorChangesTextPlaceAndImagesAndSupportsStay()
    {
        var (org, process, _, client, proposal) = await ProposalWithImagesAsync();
        var supporter = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        using var _1 = await (await supporter.GetPageAsync(RathausplatzApp.ProposalPath(process, proposal.Id))).FormWithButton("Vorschlag unterstützen").SubmitAsync(supporter);
        app.Time.Advance(TimeSpan.FromHours(2));

        var detail = await client.GetPageAsync(RathausplatzApp.ProposalPath(process, proposal.Id));
        Assert.Equal(EditPath(process, proposal.Id), detail.QuerySelector($"a[href='{EditPath(process, proposal.Id)}']")!.GetAttribute("href"));
        var page = await client.GetPageAsync(EditPath(process, proposal.Id));
        var form = page.Form("main form");
        Assert.Equal("Ein Spielplatz", form.Element.Elements["Title"]!.GetAttribute("value"));
        await using (var scope = app.InOrganization(org))
        {
            var bench = await scope.Db.Set<ProposalImage>().Where(i => i.ProposalId == proposal.Id && i.AltText == "Eine alte Bank").Select(i => i.Id).SingleAsync();
            form.Check("entfernen", bench.ToString());
        }
        using var saved = await form.Set("Title", "Ein Spielplatz mit Schatten").Set("Body", "Auf der Wiese, mit Bäumen.")
            .Set("lat", "51.0052").Set("lon", "10.0061")
            .Attach("bild1", "plan.png", "image/png", TestImages.Png(200, 200)).Set("bild1-alt", "Der Plan")
            .SubmitAsync(client);

        Assert.Equal(RathausplatzApp.ProposalPath(process, proposal.Id), saved.RedirectTarget());
        var (stored, supportRows) = await app.FindProposalAsync(org, proposal.Id);
        Assert.Equal(("Ein Spielplatz mit Schatten", "Auf der Wiese, mit Bäumen.", 51.0052, 10.0061, app.Now), (stored.Title, stored.Body, stored.Latitude!.Value, stored.Longitude!.Value, stored.EditedAt!.Value));
        Assert.Equal((1, 1), (stored.SupportCount, supportRows));
        var shown = await app.CreateClient(org).GetPageAsync(RathausplatzApp.ProposalPath(process, proposal.Id));
        Assert.Contains("Bearbeitet", shown.QuerySelector(".post-facts")!.TextContent);
        Assert.Equal(["Die Wiese", "Der Plan"], shown.QuerySelectorAll(".proposal-images img").Select(i => i.GetAttribute("alt")).ToList());
    }

    [Fact]
    public async Task OthersAreForbiddenAndBadInputChangesNothing()
    {
        var (org, process, _, client, proposal) = await ProposalWithImagesAsync();
        var other = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        var page = await client.GetPageAsync(EditPath(process, proposal.Id));

        using var look = await other.GetAsync(EditPath(process, proposal.Id));
        using var forced = await other.PostHandMadeAsync(await other.GetPageAsync(RathausplatzApp.ProposalPath(process, proposal.Id)), EditPath(process, proposal.Id),
            ("Title", "Übernommen"), ("Body", "Von jemand anderem."));
        using var visitor = await app.CreateClient(org).GetAsync(EditPath(process, proposal.Id));
        using var bad = await page.Form("main form").Set("Title", "x").Set("lat", "91").Set("lon", "10")
            .Attach("bild1", "brief.pdf", "image/jpeg", "%PDF-1.7"u8.ToArray()).Set("bild1-alt", "Brief").SubmitAsync(client);
        using var noAlt = await (await client.GetPageAsync(EditPath(process, proposal.Id))).Form("main form")
            .Attach("bild1", "plan.png", "image/png", TestImages.Png(100, 100)).SubmitAsync(client);

        Assert.True(IsForbidden(look), $"got {(int)look.StatusCode} {look.Headers.Location}");
        Assert.True(IsForbidden(forced), $"got {(int)forced.StatusCode} {forced.Headers.Location}");
        Assert.StartsWith("/accounts/signin", visitor.RedirectTarget());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(
            ["Bitte geben Sie einen Titel mit mindestens 3 Zeichen an.", "Die Datei 1 ist kein Bild (JPEG, PNG oder WebP).",
                "Die Koordinaten liegen außerhalb des gültigen Bereichs (Breite −90 bis 90, Länge −180 bis 180)."],
            (await bad.ReadPageAsync()).ErrorMessages().Order(StringComparer.Ordinal).ToList());
        Assert.Equal(HttpStatusCode.BadRequest, noAlt.StatusCode);
        Assert.Equal(["Bitte beschreiben Sie Bild 1 für Menschen, die es nicht sehen können (Alternativtext)."], (await noAlt.ReadPageAsync()).ErrorMessages());
        var (stored, _) = await app.FindProposalAsync(org, proposal.Id);
        Assert.Equal(("Ein Spielplatz", null), (stored.Title, stored.EditedAt));
        await using var scope = app.InOrganization(org);
        Assert.Equal(2, await scope.Db.Set<ProposalImage>().CountAsync());
    }

    [Fact]
    public async Task AClosedPhaseOrADecidedProposalIsNoLongerEdited()
    {
        var (org, process, _, client, proposal) = await ProposalWithImagesAsync();
        var page = await client.GetPageAsync(EditPath(process, proposal.Id));
        await using (var scope = app.InOrganization(org))
        {
            var tracked = await scope.Db.Set<Proposal>().SingleAsync(p => p.Id == proposal.Id);
            tracked.Status = ProposalStatus.Accepted;
            await scope.Db.SaveChangesAsync();
        }

        using var decided = await page.Form("main form").Set("Title", "Doch anders").SubmitAsync(client);
        var closedPage = await client.GetPageAsync(EditPath(process, proposal.Id));

        Assert.Equal(HttpStatusCode.BadRequest, decided.StatusCode);
        Assert.Contains("Dieser Vorschlag kann nicht mehr bearbeitet werden", string.Join(" ", (await decided.ReadPageAsync()).ErrorMessages()));
        Assert.Null(closedPage.QuerySelector("main form"));
        Assert.Null((await client.GetPageAsync(RathausplatzApp.ProposalPath(process, proposal.Id))).QuerySelector($"a[href$='/bearbeiten']"));

        // A second proposal, still open, after the proposal phase has ended.
        var (org2, process2, _, client2, open) = await ProposalWithImagesAsync();
        var openPage = await client2.GetPageAsync(EditPath(process2, open.Id));
        app.Time.Advance(TimeSpan.FromDays(12));
        using var late = await openPage.Form("main form").Set("Title", "Zu spät").SubmitAsync(client2);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal("Ein Spielplatz", (await app.FindProposalAsync(org2, open.Id)).Proposal.Title);
    }

    [Fact]
    public async Task AuthorsEditTheirOwnCommentsWhileTheThreadIsOpen()
    {
        var (org, process, _, client, proposal) = await ProposalWithImagesAsync();
        var path = RathausplatzApp.ProposalPath(process, proposal.Id);
        using var made = await (await client.GetPageAsync(path)).FormWithButton("Kommentar veröffentlichen").Set("body", "Erster Gedanke.").SubmitAsync(client);
        var commentId = Guid.Parse(made.RedirectTarget().Split("#kommentar-")[1]);
        var other = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        var otherPage = await other.GetPageAsync(path);
        Assert.Null(otherPage.QuerySelector($"#kommentar-{commentId} form[action*='handler=EditComment']"));

        var page = await client.GetPageAsync(path);
        using var empty = await page.Form($"#kommentar-{commentId} form[action*='handler=EditComment']").Set("body", " ").SubmitAsync(client);
        using var forced = await other.PostHandMadeAsync(otherPage, path + "?handler=EditComment", ("commentId", commentId.ToString()), ("body", "Fremd geändert."));
        using var edited = await page.Form($"#kommentar-{commentId} form[action*='handler=EditComment']").Set("body", "Zweiter, besserer Gedanke.").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["Bitte schreiben Sie einen Kommentar."], (await empty.ReadPageAsync()).ErrorMessages());
        Assert.True(IsForbidden(forced), $"got {(int)forced.StatusCode} {forced.Headers.Location}");
        Assert.Equal($"{path}#kommentar-{commentId}", edited.RedirectTarget());
        var shown = (await app.CreateClient(org).GetPageAsync(path)).QuerySelector($"#kommentar-{commentId}")!.TextContent;
        Assert.Contains("Zweiter, besserer Gedanke.", shown);
        Assert.Contains("Bearbeitet", shown);

        // Once the process has ended, the thread is closed: 400, and the text stays.
        var again = await client.GetPageAsync(path);
        var form = again.Form($"#kommentar-{commentId} form[action*='handler=EditComment']");
        app.Time.Advance(TimeSpan.FromDays(12));
        using var late = await form.Set("body", "Zu spät.").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        await using var scope = app.InOrganization(org);
        var stored = await scope.Db.Set<ProposalComment>().AsNoTracking().SingleAsync(c => c.Id == commentId);
        Assert.Equal("Zweiter, besserer Gedanke.", stored.Body);
    }
}

public sealed class SqliteEditingTests(SqliteApp app) : EditingTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEditingTests(PostgresApp app) : EditingTests(app), IClassFixture<PostgresApp>;
