using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// Processes through HTTP: editors create them in the back office; the public sees /beteiligung grouped by
/// running, upcoming and finished, and each process with its goals and phase timeline. Who may open which
/// back office page is checked for every page found in the app's endpoints.
/// </summary>
public abstract class ProcessTests(RathausplatzApp app)
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AnEditorCreatesAProcessAndThePublicSeesItRunningWithItsPhaseMarked()
    {
        var org = await app.CreateOrganizationAsync();
        var (districtId, _) = await app.AddDistrictAsync(org, "Altstadt");
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));
        var slug = Unique.Name("markt");

        var form = await editor.GetPageAsync("/beteiligung/verwaltung/verfahren");
        using var saved = await form.Form().Set("Input.Title", "Neugestaltung des Marktplatzes").Set("Input.Slug", slug)
            .Set("Input.Summary", "Was soll der Platz bieten?").Set("Input.Goals", "Ein Ort **für alle**.")
            .Check("Input.DistrictIds", districtId.ToString())
            .Set("Input.Phases[0].FirstDay", Day(app.TownToday.AddDays(-10))).Set("Input.Phases[0].LastDay", Day(app.TownToday.AddDays(-1)))
            .Set("Input.Phases[1].Name", "Ideen sammeln")
            .Set("Input.Phases[1].FirstDay", Day(app.TownToday)).Set("Input.Phases[1].LastDay", Day(app.TownToday.AddDays(14)))
            .Set("Input.ProposalsEnabled", "true").Set("Input.SupportThreshold", "25").Set("Input.Published", "true")
            .SubmitAsync(editor);

        Assert.Equal($"/beteiligung/verwaltung/verfahren/{slug}", saved.RedirectTarget());
        var visitor = app.CreateClient(org);
        var list = await visitor.GetPageAsync("/beteiligung");
        Assert.Contains("Neugestaltung des Marktplatzes", list.QuerySelector("#state-Current")!.ParentElement!.TextContent);
        var page = await visitor.GetPageAsync($"/beteiligung/{slug}");
        Assert.Equal("für alle", page.QuerySelector("main strong")!.TextContent);
        Assert.Contains("Altstadt", page.MainText());
        var current = Assert.Single(page.QuerySelectorAll(".phase-timeline [aria-current=step]"));
        Assert.Contains("Ideen sammeln", current.TextContent);
        Assert.Equal(2, page.QuerySelectorAll(".phase-timeline li").Length);
        Assert.Contains("Ab 25 Unterstützungen", page.MainText());
        Assert.NotNull(page.QuerySelector($"a[href='/beteiligung/{slug}/vorschlagen']"));
    }

    [Fact]
    public async Task ProcessesAreGroupedByTheClockAndDraftsStayHidden()
    {
        var org = await app.CreateOrganizationAsync();
        await app.CreateProcessAsync(org, new ProcessSpec { Title = "Läuft gerade" });
        await app.CreateProcessAsync(org, new ProcessSpec { Title = "Kommt noch" }.Upcoming());
        await app.CreateProcessAsync(org, new ProcessSpec { Title = "Ist vorbei" }.Finished());
        var draft = await app.CreateProcessAsync(org, new ProcessSpec { Title = "Geheimer Entwurf", Published = false });
        var visitor = app.CreateClient(org);

        var list = await visitor.GetPageAsync("/beteiligung");

        string Section(string state) => list.QuerySelector($"#state-{state}")!.ParentElement!.TextContent;
        Assert.Contains("Läuft gerade", Section("Current"));
        Assert.Contains("Kommt noch", Section("Upcoming"));
        Assert.Contains("Ist vorbei", Section("Finished"));
        Assert.DoesNotContain("Geheimer Entwurf", list.MainText());
        using var hidden = await visitor.GetAsync($"/beteiligung/{draft.Slug}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task BadProcessFormsAreRefusedWithMessagesInTheEditorsLanguage()
    {
        var org = await app.CreateOrganizationAsync();
        var taken = await app.CreateProcessAsync(org);
        var editorUser = await app.CreateUserWithTwoFactorAsync(org, Roles.Editor);
        var editor = await app.CreateSignedInClientAsync(editorUser);

        async Task<(HttpStatusCode, IReadOnlyList<string>)> Submit(HttpClient client, string slug, string first, string last)
        {
            var form = await client.GetPageAsync("/beteiligung/verwaltung/verfahren");
            using var response = await form.Form().Set("Input.Title", "Radverkehr").Set("Input.Slug", slug)
                .Set("Input.Phases[2].FirstDay", first).Set("Input.Phases[2].LastDay", last).Set("Input.ProposalsEnabled", "true")
                .SubmitAsync(client);
            return (response.StatusCode, (await response.ReadPageAsync()).ErrorMessages());
        }

        var (status, messages) = await Submit(editor, taken.Slug, Day(app.TownToday.AddDays(5)), Day(app.TownToday));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Diese Adresse hat schon ein anderes Verfahren.", messages);
        Assert.Contains("Der letzte Tag liegt vor dem ersten.", messages);
        Assert.Contains("Für Vorschläge braucht das Verfahren eine Vorschlagsphase mit Daten.", messages);
        var (reserved, reservedMessages) = await Submit(editor, "verwaltung", "", "");
        Assert.Equal(HttpStatusCode.BadRequest, reserved);
        Assert.Contains("Diese Adresse ist für eine Seite der Beteiligung reserviert.", reservedMessages);
        var english = await app.CreateSignedInClientAsync(editorUser);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var (_, englishMessages) = await Submit(english, "Kein Slug!", "", "");
        Assert.Contains("Only lower-case letters without umlauts, digits and single hyphens.", englishMessages);
        await using var scope = app.InOrganization(org);
        Assert.Equal(1, await scope.Db.Set<ParticipationProcess>().CountAsync());
    }

    [Fact]
    public async Task PublicPagesAreCachedNoLongerThanUntilThePhaseChanges()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var phaseEnd = ProcessPhase.StartOf(app.TownToday.AddDays(11));
        app.Time.Advance(phaseEnd - app.Now - TimeSpan.FromSeconds(20));

        await app.CreateClient(org).GetPageAsync($"/beteiligung/{process.Slug}");

        Assert.Equal(TimeSpan.FromSeconds(20), app.PageCache.LifetimeOf($"/beteiligung/{process.Slug}"));
    }

    [Fact]
    public async Task AnotherOrganizationsProcessIsNotFound()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(a);
        var proposal = await app.SubmitProposalAsync(a, process, await app.CreateUserAsync(a, Roles.Citizen));
        var atB = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(b, Roles.Editor));

        foreach (var path in new[] { $"/beteiligung/{process.Slug}", RathausplatzApp.ProposalPath(process, proposal.Id),
                     $"/beteiligung/{process.Slug}/vorschlagen", $"/beteiligung/verwaltung/verfahren/{process.Slug}",
                     $"/beteiligung/verwaltung/vorschlaege/{proposal.Id}" })
        {
            using var response = await atB.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode} at another organisation");
        }
        Assert.DoesNotContain(process.Title, (await atB.GetPageAsync("/beteiligung")).MainText());
    }

    [Fact]
    public void TheAccessMatrixCoversEveryBackOfficePage()
    {
        Assert.Equal(
            ["/beteiligung/verwaltung", "/beteiligung/verwaltung/moderation", "/beteiligung/verwaltung/umfragen/{id:guid?}",
                "/beteiligung/verwaltung/umfragen/{surveyId:guid}/fragen/{questionId:guid?}", "/beteiligung/verwaltung/verfahren/{slug?}",
                "/beteiligung/verwaltung/verfahren/{slug}/debatten/{id:guid?}", "/beteiligung/verwaltung/verfahren/{slug}/haushalt", "/beteiligung/verwaltung/verfahren/{slug}/projekte/{id:guid?}",
                "/beteiligung/verwaltung/verfahren/{slug}/seiten/{id:guid?}", "/beteiligung/verwaltung/verfahren/{slug}/termine",
                "/beteiligung/verwaltung/vorschlaege/{id:guid}", "/beteiligung/verwaltung/wohnsitz"],
            BackOfficePages().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Citizen)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.OrganizationAdmin)]
    public async Task EachRoleOpensExactlyTheBackOfficePagesItIsFor(string? role)
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var proposal = await app.SubmitProposalAsync(org, process, await app.CreateUserAsync(org, Roles.Citizen));
        var survey = await app.CreateSurveyAsync(org);
        var client = role switch
        {
            null => app.CreateClient(org),
            Roles.Citizen => await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, role)),
            _ => await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, role)),
        };

        foreach (var pattern in BackOfficePages())
        {
            // A new project's, page's and debate's form (no id); a survey's and a question's pages with the survey's ids.
            var path = pattern.Replace("/projekte/{id:guid?}", "/projekte", StringComparison.Ordinal).Replace("/seiten/{id:guid?}", "/seiten", StringComparison.Ordinal)
                .Replace("/debatten/{id:guid?}", "/debatten", StringComparison.Ordinal)
                .Replace("{slug?}", process.Slug, StringComparison.Ordinal).Replace("{slug}", process.Slug, StringComparison.Ordinal)
                .Replace("{id:guid}", proposal.Id.ToString(), StringComparison.Ordinal)
                .Replace("{id:guid?}", survey.Survey.Id.ToString(), StringComparison.Ordinal).Replace("{surveyId:guid}", survey.Survey.Id.ToString(), StringComparison.Ordinal)
                .Replace("{questionId:guid?}", survey.Single.Id.ToString(), StringComparison.Ordinal);
            // Moderators settle flags; any staff member confirms residency at the counter.
            var opens = role is Roles.Editor or Roles.OrganizationAdmin || (role == Roles.Moderator && pattern.EndsWith("/moderation", StringComparison.Ordinal))
                || (role is Roles.Staff or Roles.Moderator && pattern.EndsWith("/wohnsitz", StringComparison.Ordinal));
            using var response = await client.GetAsync(path);
            if (opens)
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} at {path}: {(int)response.StatusCode}");
            else if (role is null)
                Assert.Equal("/accounts/signin?ReturnUrl=" + Uri.EscapeDataString(path), response.RedirectTarget());
            else
                Assert.Equal("/error/403?ReturnUrl=" + Uri.EscapeDataString(path), response.RedirectTarget());
        }
    }

    private List<string> BackOfficePages() => app.Endpoints.OfType<RouteEndpoint>()
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .Where(p => p == "/beteiligung/verwaltung" || p.StartsWith("/beteiligung/verwaltung/", StringComparison.Ordinal))
        .Distinct().ToList();
}

public sealed class SqliteProcessTests(SqliteApp app) : ProcessTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProcessTests(PostgresApp app) : ProcessTests(app), IClassFixture<PostgresApp>;
