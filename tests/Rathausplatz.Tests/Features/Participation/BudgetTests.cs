using System.Net;
using AngleSharp.Dom;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Budgets;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// The participatory budget through HTTP, as a browser without script uses it: a ballot within the budget,
/// refused with both sums when over it, changed until the vote closes, one per person however the requests
/// come; the results ranked with the funded projects and turnout per district; projects managed by editors only.
/// </summary>
public abstract class BudgetTests(RathausplatzApp app)
{
    private sealed record Town(TestOrganization Org, ParticipationProcess Process, BudgetProject Playground, BudgetProject Fountain,
        BudgetProject Benches, string North, string South);

    /// <summary>A budget of 100,000 € with three projects: 60,000 €, 50,000 € and 30,000 €; two districts.</summary>
    private async Task<Town> TownAsync(BudgetSpec? spec = null)
    {
        var org = await app.CreateOrganizationAsync();
        var (_, north) = await app.AddDistrictAsync(org, "Nordstadt");
        var (_, south) = await app.AddDistrictAsync(org, "Südstadt");
        var process = await app.CreateBudgetProcessAsync(org, spec);
        return new(org, process,
            await app.AddProjectAsync(org, process, "Spielplatz am Anger", "60.000", north),
            await app.AddProjectAsync(org, process, "Trinkbrunnen", "50.000"),
            await app.AddProjectAsync(org, process, "Bänke mit Lehnen", "30.000", south),
            north, south);
    }

    private async Task<(TestUser User, HttpClient Client)> VoterAsync(Town town)
    {
        var user = await app.CreateUserAsync(town.Org, Roles.Citizen);
        return (user, await app.CreateSignedInClientAsync(user));
    }

    private static async Task<HttpResponseMessage> VoteAsync(HttpClient client, Town town, string district, params BudgetProject[] projects)
    {
        var page = await client.GetPageAsync(RathausplatzApp.BallotPath(town.Process));
        return await Ballot(page).Check("projekte", projects.Select(p => p.Id.ToString()).ToArray()).Set("stadtteil", district).SubmitAsync(client);
    }

    private static HtmlForm Ballot(IDocument page) =>
        page.FormWithButton("Stimme abgeben") is var form ? form : throw new InvalidOperationException();

    private static List<string> Ticked(IDocument page) =>
        page.QuerySelectorAll("input[name=projekte]:checked").Select(i => i.GetAttribute("value")!).Order().ToList();

    [Fact]
    public async Task AnOverBudgetBallotIsRefusedWithBothSumsAndTheChoiceIsKept()
    {
        var town = await TownAsync();
        var (_, client) = await VoterAsync(town);

        using var refused = await VoteAsync(client, town, town.North, town.Playground, town.Fountain);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ReadPageAsync();
        Assert.Equal(["Ihre Auswahl kostet 110.000 €, das Budget ist 100.000 €. Bitte wählen Sie Projekte ab, bis die Summe passt."], page.ErrorMessages());
        Assert.Equal(new[] { town.Playground.Id, town.Fountain.Id }.Select(i => i.ToString()).Order().ToList(), Ticked(page));
        Assert.Equal(town.North, page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("select[name=stadtteil]")!.Value);
        Assert.Empty(await app.BallotsAsync(town.Org, town.Process));

        using var english = await app.CreateSignedInClientAsync(await app.CreateUserAsync(town.Org, Roles.Citizen));
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var englishPage = await english.GetPageAsync(RathausplatzApp.BallotPath(town.Process));
        using var englishRefused = await englishPage.FormWithButton("Cast your vote")
            .Check("projekte", town.Playground.Id.ToString(), town.Fountain.Id.ToString()).Set("stadtteil", town.North).SubmitAsync(english);
        Assert.Equal(["Your choice costs 110,000 €; the budget is 100,000 €. Please untick projects until the sum fits."],
            (await englishRefused.ReadPageAsync()).ErrorMessages());
    }

    [Fact]
    public async Task ChangingTheVoteReplacesTheSelectionsOfTheOneBallot()
    {
        var town = await TownAsync();
        var (user, client) = await VoterAsync(town);

        using var first = await VoteAsync(client, town, town.North, town.Playground, town.Benches);
        Assert.Equal(RathausplatzApp.BallotPath(town.Process), first.RedirectTarget());
        var page = await client.GetPageAsync(RathausplatzApp.BallotPath(town.Process));
        Assert.Contains("Danke! Ihre Stimme ist gezählt.", page.MainText());
        Assert.Equal(new[] { town.Playground.Id, town.Benches.Id }.Select(i => i.ToString()).Order().ToList(), Ticked(page));

        app.Time.Advance(TimeSpan.FromHours(1));
        using var changed = await page.FormWithButton("Stimme ändern").Check("projekte", town.Fountain.Id.ToString(), town.Benches.Id.ToString())
            .Set("stadtteil", town.South).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Ihre Stimme ist geändert.", (await client.GetPageAsync(RathausplatzApp.BallotPath(town.Process))).MainText());
        var (ballot, projects) = Assert.Single(await app.BallotsAsync(town.Org, town.Process));
        Assert.Equal(new[] { town.Fountain.Id, town.Benches.Id }.Order().ToList(), projects);
        Assert.Equal((user.Id, app.Now.AddHours(-1), app.Now), (ballot.UserId, ballot.CastAt, ballot.UpdatedAt));
    }

    [Fact]
    public async Task TwentyParallelBallotsOfOnePersonMakeOneBallot()
    {
        var town = await TownAsync();
        var (_, client) = await VoterAsync(town);
        var page = await client.GetPageAsync(RathausplatzApp.BallotPath(town.Process));
        var action = Ballot(page).Element.Action;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.PostHandMadeAsync(page, action,
            ("projekte", (i % 2 == 0 ? town.Playground : town.Fountain).Id.ToString()), ("projekte", town.Benches.Id.ToString()), ("stadtteil", town.North))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        foreach (var response in responses)
            response.Dispose();
        var (_, projects) = Assert.Single(await app.BallotsAsync(town.Org, town.Process));
        // The last writer wins, whichever it was: two projects, the benches and one of the others, never a mix of both posts.
        Assert.Equal(2, projects.Count);
        Assert.Contains(town.Benches.Id, projects);
    }

    [Fact]
    public async Task TwoTabsAndSigningOutAndInKeepOneBallot()
    {
        var town = await TownAsync();
        var (user, _) = await VoterAsync(town);
        var browser = await app.SignInAsync(user);
        var tabA = await browser.GetPageAsync(RathausplatzApp.BallotPath(town.Process));
        var tabB = await browser.GetPageAsync(RathausplatzApp.BallotPath(town.Process));

        using var first = await Ballot(tabA).Check("projekte", town.Playground.Id.ToString()).Set("stadtteil", town.North).SubmitAsync(browser);
        using var second = await Ballot(tabB).Check("projekte", town.Fountain.Id.ToString()).Set("stadtteil", town.North).SubmitAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal([town.Fountain.Id], Assert.Single(await app.BallotsAsync(town.Org, town.Process)).Projects);

        var later = await app.SignInAsync(user);
        var afterSignIn = await later.GetPageAsync(RathausplatzApp.BallotPath(town.Process));
        Assert.Equal([town.Fountain.Id.ToString()], Ticked(afterSignIn));
        using var again = await afterSignIn.FormWithButton("Stimme ändern").Check("projekte", town.Benches.Id.ToString()).SubmitAsync(later);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var (ballot, projects) = Assert.Single(await app.BallotsAsync(town.Org, town.Process));
        Assert.Equal([town.Benches.Id], projects);
        Assert.Equal(user.Id, ballot.UserId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VotesAreTakenOnlyWhileTheVotingPhaseRuns(bool finished)
    {
        var town = await TownAsync(new BudgetSpec { VotingPhase = finished ? (-20, -1) : (3, 10) });
        var (_, client) = await VoterAsync(town);

        var page = await client.GetPageAsync(RathausplatzApp.BallotPath(town.Process));
        using var forced = await client.PostHandMadeAsync(page, RathausplatzApp.BallotPath(town.Process),
            ("projekte", town.Benches.Id.ToString()), ("stadtteil", town.North));

        Assert.Null(page.QuerySelector("main form[method=post]"));
        Assert.Contains(finished ? "Die Abstimmung ist beendet." : "Die Abstimmung beginnt am", page.MainText());
        Assert.Equal(HttpStatusCode.BadRequest, forced.StatusCode);
        Assert.Equal(["Abstimmen ist nur während der Abstimmungsphase möglich."], (await forced.ReadPageAsync()).ErrorMessages());
        Assert.Empty(await app.BallotsAsync(town.Org, town.Process));
    }

    [Fact]
    public async Task AVoteCastBeforeTheEndCannotBeChangedAfterIt()
    {
        var town = await TownAsync(new BudgetSpec { VotingPhase = (-1, 0) });
        var (_, client) = await VoterAsync(town);
        using var cast = await VoteAsync(client, town, town.North, town.Benches);
        var page = await client.GetPageAsync(RathausplatzApp.BallotPath(town.Process));

        app.Time.Advance(TimeSpan.FromDays(1));
        using var late = await page.FormWithButton("Stimme ändern").Check("projekte", town.Fountain.Id.ToString()).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal([town.Benches.Id], Assert.Single(await app.BallotsAsync(town.Org, town.Process)).Projects);
    }

    [Fact]
    public async Task ResultsRankTheProjectsFundThemGreedilyAndCountTurnoutPerDistrict()
    {
        var town = await TownAsync(new BudgetSpec { VotingPhase = (-1, 0) });
        // Playground 3 votes, fountain 2, benches 1: the playground (60,000 €) is funded, the fountain (50,000 €)
        // no longer fits and is skipped, the benches (30,000 €) further down still do.
        foreach (var (district, projects) in new[]
        {
            (town.North, new[] { town.Playground, town.Benches }),
            (town.North, new[] { town.Playground }),
            (town.South, new[] { town.Playground }),
            (town.South, new[] { town.Fountain }),
            (town.South, new[] { town.Fountain }),
        })
        {
            var (_, client) = await VoterAsync(town);
            using var response = await VoteAsync(client, town, district, projects);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        var visitor = app.CreateClient(town.Org);
        var results = $"{RathausplatzApp.BallotPath(town.Process)}/ergebnis";
        Assert.Contains("Das Ergebnis wird nach dem Ende der Abstimmung veröffentlicht.", (await visitor.GetPageAsync(results)).MainText());
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(town.Org, Roles.Editor));
        Assert.Contains("Zwischenstand", (await editor.GetPageAsync(results)).MainText());

        // The cached "not yet" page lives until the vote closes (the phase boundary), which the fake clock cannot make it notice.
        app.Time.Advance(TimeSpan.FromDays(1));
        app.ForgetCachedPages();
        var page = await app.CreateClient(town.Org).GetPageAsync(results);

        static List<string> Cells(IElement row) => row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList();
        var ranking = page.QuerySelectorAll(".budget-results tbody tr").Select(Cells).ToList();
        Assert.Equal(
        [
            ["1", "Spielplatz am Anger", "60.000 €", "3", "ja"],
            ["2", "Trinkbrunnen", "50.000 €", "2", "nein"],
            ["3", "Bänke mit Lehnen", "30.000 €", "1", "ja"],
        ], ranking);
        Assert.Contains("5 Personen haben abgestimmt. Gefördert werden 2 Projekte für zusammen 90.000 € von 100.000 €.", page.MainText());
        var turnout = page.QuerySelectorAll(".budget-turnout tbody tr").Select(Cells).ToList();
        Assert.Equal([["Südstadt", "3", "60 %"], ["Nordstadt", "2", "40 %"], ["Zusammen", "5", "100 %"]], turnout);
        Assert.Equal(3, page.QuerySelectorAll(".budget-results svg[aria-hidden=true]").Length);
    }

    [Fact]
    public async Task MyParticipationShowsWhatCameOfTheBallotOnceTheVoteHasClosed()
    {
        var town = await TownAsync(new BudgetSpec { VotingPhase = (-1, 0) });
        var (_, client) = await VoterAsync(town);
        using var cast = await VoteAsync(client, town, town.North, town.Benches);

        var running = await client.GetPageAsync("/beteiligung/meine");
        app.Time.Advance(TimeSpan.FromDays(1));
        var closed = await client.GetPageAsync("/beteiligung/meine");
        using var visitor = await app.CreateClient(town.Org).GetAsync("/beteiligung/meine");

        Assert.Contains("die Abstimmung läuft noch", running.MainText());
        Assert.DoesNotContain("gefördert", running.MainText());
        Assert.Contains("Bänke mit Lehnen (30.000 €) – wird gefördert, Geplant, 0 % erledigt", System.Text.RegularExpressions.Regex.Replace(closed.QuerySelector(".my-ballot li")!.TextContent, @"\s+", " ").Trim());
        Assert.StartsWith("/accounts/signin", visitor.RedirectTarget());
    }

    [Fact]
    public async Task CitizensCannotManageProjectsAndEditorsCan()
    {
        var town = await TownAsync();
        var (_, citizen) = await VoterAsync(town);
        var manage = $"/beteiligung/verwaltung/verfahren/{town.Process.Slug}/haushalt";
        var newProject = $"/beteiligung/verwaltung/verfahren/{town.Process.Slug}/projekte";

        using var list = await citizen.GetAsync(manage);
        using var form = await citizen.GetAsync(newProject);
        var ballot = await citizen.GetPageAsync(RathausplatzApp.BallotPath(town.Process));
        using var forged = await citizen.PostHandMadeAsync(ballot, newProject, ("Input.Title", "Eigenes Projekt"), ("Input.Description", "x"), ("Input.Cost", "1"));

        foreach (var response in new[] { list, form, forged })
            Assert.StartsWith("/error/403", response.RedirectTarget());
        Assert.Empty(await app.BallotsAsync(town.Org, town.Process));

        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(town.Org, Roles.Editor));
        var editorForm = await editor.GetPageAsync(newProject);
        using var unreadable = await editorForm.FormWithButton("Projekt speichern").Set("Input.Title", "Fahrradbügel")
            .Set("Input.Description", "Zehn Bügel am **Markt**.").Set("Input.Cost", "viel").SubmitAsync(editor);
        Assert.Equal(["Bitte geben Sie die Kosten in Euro an, zum Beispiel 12.500 oder 12500,50."], (await unreadable.ReadPageAsync()).ErrorMessages());
        using var saved = await editorForm.FormWithButton("Projekt speichern").Set("Input.Title", "Fahrradbügel")
            .Set("Input.Description", "Zehn Bügel am **Markt**.").Set("Input.Cost", "4.500,50").SubmitAsync(editor);
        Assert.StartsWith(newProject + "/", saved.RedirectTarget());
        var publicPage = await app.CreateClient(town.Org).GetPageAsync(RathausplatzApp.BallotPath(town.Process));
        var card = publicPage.QuerySelectorAll(".budget-project").Single(c => c.TextContent.Contains("Fahrradbügel"));
        Assert.Contains("4.500,50 €", card.TextContent);
    }

    [Fact]
    public async Task ABallotWithoutTheAntiforgeryTokenIsRefused()
    {
        var town = await TownAsync();
        var (_, client) = await VoterAsync(town);

        using var forged = await client.PostAsync(RathausplatzApp.BallotPath(town.Process), new FormUrlEncodedContent(
            [new("projekte", town.Benches.Id.ToString()), new("stadtteil", town.North)]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await app.BallotsAsync(town.Org, town.Process));
    }

    [Fact]
    public async Task EditorsReportProgressAndTheProjectPageShowsIt()
    {
        var town = await TownAsync();
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(town.Org, Roles.Editor));
        var desk = await editor.GetPageAsync($"/beteiligung/verwaltung/verfahren/{town.Process.Slug}/projekte/{town.Benches.Id}");

        using var empty = await desk.FormWithButton("Neuigkeit veröffentlichen").Set("Progress", "in-umsetzung").Set("PercentDone", "40").SubmitAsync(editor);
        Assert.Equal(["Bitte schreiben Sie, was sich getan hat."], (await empty.ReadPageAsync()).ErrorMessages());
        using var reported = await desk.FormWithButton("Neuigkeit veröffentlichen").Set("Progress", "in-umsetzung").Set("PercentDone", "40")
            .Set("UpdateText", "Die ersten **zwölf Bänke** stehen.").SubmitAsync(editor);

        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var page = await app.CreateClient(town.Org).GetPageAsync($"{RathausplatzApp.BallotPath(town.Process)}/projekte/{town.Benches.Id}");
        Assert.Contains("In Umsetzung", page.QuerySelector(".project-progress")!.TextContent);
        Assert.Equal("40", page.QuerySelector("progress")!.GetAttribute("value"));
        Assert.Equal("zwölf Bänke", page.QuerySelector(".project-update strong")!.TextContent);
    }
}

public sealed class SqliteBudgetTests(SqliteApp app) : BudgetTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBudgetTests(PostgresApp app) : BudgetTests(app), IClassFixture<PostgresApp>;
