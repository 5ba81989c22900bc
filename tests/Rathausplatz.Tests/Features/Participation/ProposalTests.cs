using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// Proposals and supports through HTTP, as a browser without script uses them: made only in the proposal
/// phase, refused with messages when bad, supported once per person however often and from wherever the
/// request comes, moved on by the threshold, decided and answered by the town.
/// </summary>
public abstract class ProposalTests(RathausplatzApp app)
{
    private async Task<(TestOrganization Org, ParticipationProcess Process, TestUser Citizen, HttpClient Client)> TownAsync(ProcessSpec? spec = null)
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org, spec);
        var citizen = await app.CreateUserAsync(org, Roles.Citizen);
        return (org, process, citizen, await app.CreateSignedInClientAsync(citizen));
    }

    private static async Task<HttpResponseMessage> ProposeAsync(HttpClient client, ParticipationProcess process, string title, string body,
        string? lat = null, string? lon = null, bool acceptNetiquette = true)
    {
        var form = (await client.GetPageAsync($"/beteiligung/{process.Slug}/vorschlagen")).Form("main form");
        form.Set("Title", title).Set("Body", body);
        if (lat is not null)
            form.Set("lat", lat).Set("lon", lon!);
        if (acceptNetiquette)
            form.Set("AcceptsNetiquette", "true");
        return await form.SubmitAsync(client);
    }

    private async Task<int> CountProposalsAsync(TestOrganization org)
    {
        await using var scope = app.InOrganization(org);
        return await scope.Db.Set<Proposal>().CountAsync();
    }

    [Fact]
    public async Task ACitizenProposesWithAPlaceAndAcceptsTheNetiquetteOnce()
    {
        var (org, process, citizen, client) = await TownAsync();

        using var refused = await ProposeAsync(client, process, "Mehr Bäume", "Für Schatten im Sommer.", acceptNetiquette: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Bitte akzeptieren Sie die Netiquette, bevor Sie sich zum ersten Mal beteiligen."], (await refused.ReadPageAsync()).ErrorMessages());
        Assert.Null(await app.FindNetiquetteAcceptanceAsync(citizen));
        Assert.Equal(0, await CountProposalsAsync(org));

        using var made = await ProposeAsync(client, process, "Mehr Bäume", "Für **Schatten** im Sommer.", "51,0052", "10.0061");

        var path = made.RedirectTarget();
        Assert.StartsWith($"/beteiligung/{process.Slug}/vorschlaege/", path);
        var page = await client.GetPageAsync(path);
        Assert.Equal("Mehr Bäume", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Schatten", page.QuerySelector(".proposal__body strong")!.TextContent);
        Assert.Contains("51.0052, 10.0061", page.MainText());
        Assert.Contains(citizen.DisplayName, page.MainText());
        var acceptance = await app.FindNetiquetteAcceptanceAsync(citizen);
        Assert.Equal((app.Now, Netiquette.VersionOf("")), (acceptance!.AcceptedAt, acceptance.TextVersion));
        var again = await client.GetPageAsync($"/beteiligung/{process.Slug}/vorschlagen");
        Assert.Null(again.QuerySelector("input[name=AcceptsNetiquette]"));
        using var second = await ProposeAsync(client, process, "Bänke mit Lehnen", "Für ältere Menschen.", acceptNetiquette: false);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ProposalsAreMadeOnlyWhileTheProposalPhaseRuns(bool finished)
    {
        var spec = finished ? new ProcessSpec().Finished() : new ProcessSpec().Upcoming();
        var (org, process, _, client) = await TownAsync(spec);

        var page = await client.GetPageAsync($"/beteiligung/{process.Slug}/vorschlagen");
        using var forced = await client.PostHandMadeAsync(page, $"/beteiligung/{process.Slug}/vorschlagen",
            ("Title", "Zu spät oder zu früh"), ("Body", "Trotzdem."), ("AcceptsNetiquette", "true"));

        Assert.Null(page.QuerySelector("main form"));
        Assert.Contains("In diesem Verfahren können gerade keine Vorschläge gemacht werden.", page.MainText());
        Assert.Equal(HttpStatusCode.BadRequest, forced.StatusCode);
        Assert.Equal(0, await CountProposalsAsync(org));
    }

    [Fact]
    public async Task BadInputIsRefusedInGermanAndEnglishAndNothingIsStored()
    {
        var (org, process, citizen, client) = await TownAsync();
        var english = await app.CreateSignedInClientAsync(citizen);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var empty = await ProposeAsync(client, process, " ", new string('x', Proposal.MaxBody + 1), "95", "10");
        using var unreadable = await ProposeAsync(client, process, "Mehr Bäume", "Für Schatten.", "nord", "10");
        using var englishEmpty = await ProposeAsync(english, process, "", "Für Schatten.", "51", "");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(
            ["Bitte geben Sie einen Titel mit mindestens 3 Zeichen an.", "Die Beschreibung darf höchstens 5000 Zeichen lang sein.",
                "Die Koordinaten liegen außerhalb des gültigen Bereichs (Breite −90 bis 90, Länge −180 bis 180)."],
            (await empty.ReadPageAsync()).ErrorMessages().Order(StringComparer.Ordinal).ToList());
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(["Bitte geben Sie Breite und Länge als Zahlen an, zum Beispiel 51.0051 und 10.0052."], (await unreadable.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, englishEmpty.StatusCode);
        Assert.Equal(["Please give a title of at least 3 characters.", "Please give both latitude and longitude, or neither."],
            (await englishEmpty.ReadPageAsync()).ErrorMessages().Order(StringComparer.Ordinal).ToList());
        Assert.Equal(0, await CountProposalsAsync(org));
    }

    [Fact]
    public async Task HostileMarkdownAndHtmlInAProposalAreNeutralised()
    {
        var (org, process, _, client) = await TownAsync();

        using var made = await ProposeAsync(client, process, "<script>alert('titel')</script>",
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[Klick](javascript:alert(3)) **fett**\n\n<a href=\"https://böse.example\" onclick=\"alert(4)\">x</a>");
        var page = await app.CreateClient(org).GetPageAsync(made.RedirectTarget());

        var main = page.QuerySelector("main")!;
        Assert.Empty(main.QuerySelectorAll("script"));
        Assert.Empty(main.QuerySelectorAll("img, [onerror], [onclick], a[href^='javascript']"));
        Assert.Equal("fett", main.QuerySelector(".proposal__body strong")!.TextContent);
        Assert.Contains("<script>alert('titel')</script>", main.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task TwentyParallelSupportsOfOnePersonCountOnce()
    {
        var (org, process, _, client) = await TownAsync();
        var proposal = await app.SubmitProposalAsync(org, process, await app.CreateUserAsync(org, Roles.Citizen));
        var page = await client.GetPageAsync(RathausplatzApp.ProposalPath(process, proposal.Id));
        var action = page.FormWithButton("Vorschlag unterstützen").Element.Action;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostHandMadeAsync(page, action)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        foreach (var response in responses)
            response.Dispose();
        var (stored, rows) = await app.FindProposalAsync(org, proposal.Id);
        Assert.Equal((1, 1), (stored.SupportCount, rows));
    }

    [Fact]
    public async Task ASupportCountsOnceFromTwoTabsAndAfterSigningOutAndInAndCanBeWithdrawn()
    {
        var (org, process, citizen, _) = await TownAsync();
        var proposal = await app.SubmitProposalAsync(org, process, await app.CreateUserAsync(org, Roles.Citizen));
        var path = RathausplatzApp.ProposalPath(process, proposal.Id);
        var browser = await app.SignInAsync(citizen);
        var tabA = await browser.GetPageAsync(path);
        var tabB = await browser.GetPageAsync(path);

        using var first = await tabA.FormWithButton("Vorschlag unterstützen").SubmitAsync(browser);
        using var second = await tabB.FormWithButton("Vorschlag unterstützen").SubmitAsync(browser);
        Assert.Equal(path, first.RedirectTarget());
        Assert.Equal(path, second.RedirectTarget());
        Assert.Contains("Sie unterstützen diesen Vorschlag bereits.", (await browser.GetPageAsync(path)).MainText());

        var later = await app.SignInAsync(citizen);
        var afterSignIn = await later.GetPageAsync(path);
        Assert.Null(afterSignIn.QuerySelector("main button[formaction], main form[action*='handler=Support']"));
        using var forced = await later.PostHandMadeAsync(afterSignIn, path + "?handler=Support");
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        Assert.Equal((1, 1), await CountAsync(org, proposal.Id));

        using var withdrawn = await afterSignIn.FormWithButton("Unterstützung zurücknehmen").SubmitAsync(later);
        Assert.Equal((0, 0), await CountAsync(org, proposal.Id));
        var supportAgain = await later.GetPageAsync(path);
        using var again = await supportAgain.FormWithButton("Vorschlag unterstützen").SubmitAsync(later);
        Assert.Equal((1, 1), await CountAsync(org, proposal.Id));
    }

    private async Task<(int Count, int Rows)> CountAsync(TestOrganization org, Guid proposalId)
    {
        var (proposal, rows) = await app.FindProposalAsync(org, proposalId);
        return (proposal.SupportCount, rows);
    }

    [Fact]
    public async Task ReachingTheThresholdMovesAProposalToEvaluationAndSupportsCloseWithThePhase()
    {
        var (org, process, _, first) = await TownAsync(new ProcessSpec { SupportThreshold = 2 });
        var proposal = await app.SubmitProposalAsync(org, process, await app.CreateUserAsync(org, Roles.Citizen));
        var path = RathausplatzApp.ProposalPath(process, proposal.Id);
        var second = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));

        using var one = await (await first.GetPageAsync(path)).FormWithButton("Vorschlag unterstützen").SubmitAsync(first);
        Assert.Equal(ProposalStatus.Open, (await app.FindProposalAsync(org, proposal.Id)).Proposal.Status);
        using var two = await (await second.GetPageAsync(path)).FormWithButton("Vorschlag unterstützen").SubmitAsync(second);

        var (stored, rows) = await app.FindProposalAsync(org, proposal.Id);
        Assert.Equal((ProposalStatus.Evaluating, 2, 2, app.Now), (stored.Status, stored.SupportCount, rows, stored.StatusChangedAt));
        Assert.Null(stored.StatusChangedById);
        Assert.Contains("In Prüfung", (await app.CreateClient(org).GetPageAsync(path)).MainText());

        var third = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        var open = await third.GetPageAsync(path);
        app.Time.Advance(TimeSpan.FromDays(12));
        using var late = await open.FormWithButton("Vorschlag unterstützen").SubmitAsync(third);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(["Unterstützungen sind nur in der Vorschlagsphase möglich."], (await late.ReadPageAsync()).ErrorMessages());
        Assert.Equal(2, (await app.FindProposalAsync(org, proposal.Id)).Proposal.SupportCount);
    }

    [Fact]
    public async Task StaffRejectOnlyWithAReasonAndAnswerOfficially()
    {
        var (org, process, _, _) = await TownAsync();
        var proposal = await app.SubmitProposalAsync(org, process, await app.CreateUserAsync(org, Roles.Citizen));
        var editorUser = await app.CreateUserWithTwoFactorAsync(org, Roles.Editor);
        var editor = await app.CreateSignedInClientAsync(editorUser);
        var desk = await editor.GetPageAsync($"/beteiligung/verwaltung/vorschlaege/{proposal.Id}");

        using var withoutReason = await desk.FormWithButton("Status speichern").Set("Status", "abgelehnt").SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(["Bitte begründen Sie die Ablehnung."], (await withoutReason.ReadPageAsync()).ErrorMessages());
        Assert.Equal(ProposalStatus.Open, (await app.FindProposalAsync(org, proposal.Id)).Proposal.Status);

        using var rejected = await desk.FormWithButton("Status speichern").Set("Status", "abgelehnt")
            .Set("Reason", "Unter dem Platz liegen Leitungen; Bäume sind dort nicht möglich.").SubmitAsync(editor);
        using var answered = await desk.FormWithButton("Antwort veröffentlichen")
            .Set("Answer", "Wir pflanzen stattdessen **zwölf Bäume** in der Marktstraße.").SubmitAsync(editor);

        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var stored = (await app.FindProposalAsync(org, proposal.Id)).Proposal;
        Assert.Equal((ProposalStatus.Rejected, editorUser.Id, editorUser.Id, app.Now), (stored.Status, stored.StatusChangedById, stored.OfficialAnswerById, stored.OfficialAnswerAt));
        var page = await app.CreateClient(org).GetPageAsync(RathausplatzApp.ProposalPath(process, proposal.Id));
        Assert.Contains("Abgelehnt", page.QuerySelector(".proposal-status")!.TextContent);
        Assert.Contains("Unter dem Platz liegen Leitungen", page.MainText());
        var official = page.QuerySelector(".official-answer")!;
        Assert.Contains("Offizielle Antwort", official.TextContent);
        Assert.Equal("zwölf Bäume", official.QuerySelector("strong")!.TextContent);
    }

    [Fact]
    public async Task VisitorsAreSentToSignInAndSeeNoForms()
    {
        var (org, process, citizen, _) = await TownAsync();
        var proposal = await app.SubmitProposalAsync(org, process, citizen);
        var visitor = app.CreateClient(org);

        using var form = await visitor.GetAsync($"/beteiligung/{process.Slug}/vorschlagen");
        var page = await visitor.GetPageAsync(RathausplatzApp.ProposalPath(process, proposal.Id));

        Assert.Equal($"/accounts/signin?ReturnUrl={Uri.EscapeDataString($"/beteiligung/{process.Slug}/vorschlagen")}", form.RedirectTarget());
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        Assert.Empty(page.QuerySelectorAll("input[name=__RequestVerificationToken]"));
        var signIn = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).First(h => h!.StartsWith("/accounts/signin", StringComparison.Ordinal));
        Assert.Equal($"/accounts/signin?ReturnUrl={Uri.EscapeDataString(RathausplatzApp.ProposalPath(process, proposal.Id))}", signIn);
    }

    [Fact]
    public async Task TheListSortsBySupportsOrNewestAndFiltersByDistrict()
    {
        var (org, process, citizen, _) = await TownAsync();
        var (_, north) = await app.AddDistrictAsync(org, "Nordstadt");
        var older = await app.SubmitProposalAsync(org, process, citizen, "Älterer Vorschlag");
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var newer = await app.SubmitProposalAsync(org, process, citizen, "Neuerer Vorschlag");
        var supporter = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        using var _1 = await (await supporter.GetPageAsync(RathausplatzApp.ProposalPath(process, older.Id))).FormWithButton("Vorschlag unterstützen").SubmitAsync(supporter);
        await using (var scope = app.InOrganization(org))
        {
            var tracked = await scope.Db.Set<Proposal>().SingleAsync(p => p.Id == newer.Id);
            tracked.DistrictId = await scope.Db.Set<Rathausplatz.Features.Organizations.District>().Where(d => d.Slug == north).Select(d => d.Id).SingleAsync();
            await scope.Db.SaveChangesAsync();
        }
        var visitor = app.CreateClient(org);

        static List<string> Titles(IDocument page) => page.QuerySelectorAll(".proposal-card h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Älterer Vorschlag", "Neuerer Vorschlag"], Titles(await visitor.GetPageAsync($"/beteiligung/{process.Slug}")));
        Assert.Equal(["Neuerer Vorschlag", "Älterer Vorschlag"], Titles(await visitor.GetPageAsync($"/beteiligung/{process.Slug}?sortierung=neueste")));
        Assert.Equal(["Neuerer Vorschlag"], Titles(await visitor.GetPageAsync($"/beteiligung/{process.Slug}?stadtteil={north}")));
    }
}

public sealed class SqliteProposalTests(SqliteApp app) : ProposalTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProposalTests(PostgresApp app) : ProposalTests(app), IClassFixture<PostgresApp>;
