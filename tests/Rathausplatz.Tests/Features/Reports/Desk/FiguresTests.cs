using System.Net;
using System.Text.Json;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Reports.Desk;

/// <summary>Median time to first response and to done, overall, per category and per district, computed in SQL on both providers.</summary>
public abstract class FiguresTests(RathausplatzApp app)
{
    [Fact]
    public async Task MediansAreCorrectOnKnownData()
    {
        var organization = await app.CreateOrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var (district, districtSlug) = await app.AddDistrictAsync(organization, "Altstadt");
        var (department, _) = await app.CreateDepartmentAsync(organization, null, staff);
        var (_, potholes) = await app.CreateReportCategoryAsync(organization, department, name: "Schlagloch");
        var (_, lights) = await app.CreateReportCategoryAsync(organization, department, name: "Beleuchtung");
        var (_, first) = await app.SubmitReportAsync(organization, potholes);
        var (_, second) = await app.SubmitReportAsync(organization, potholes);
        var (_, third) = await app.SubmitReportAsync(organization, lights);
        var (_, untouched) = await app.SubmitReportAsync(organization, lights);
        var client = await app.CreateSignedInClientAsync(staff);

        // First responses after 1 h, 3 h and 4 h (a public message); done after 10 h and 20 h.
        app.AdvanceTime(TimeSpan.FromHours(1));
        await SetStatusAsync(client, first, "in-bearbeitung");
        app.AdvanceTime(TimeSpan.FromHours(2));
        await SetStatusAsync(client, second, "in-bearbeitung");
        app.AdvanceTime(TimeSpan.FromHours(1));
        var page = await client.GetPageAsync($"/meldungen/bearbeitung/{third}");
        using (await page.FormWithButton("Eintrag speichern").Set("Note.Text", "Wir prüfen das.").Set("Note.Public", "true").SubmitAsync(client)) { }
        app.AdvanceTime(TimeSpan.FromHours(6));
        await SetStatusAsync(client, first, "erledigt");
        app.AdvanceTime(TimeSpan.FromHours(10));
        await SetStatusAsync(client, second, "erledigt");
        // Rejected is closed but not done: it counts for the first response only.
        await SetStatusAsync(client, untouched, "abgelehnt", "Kein Mangel erkennbar.");
        await app.RunJobsUntilIdleAsync();

        using var response = await client.GetAsync("/api/v1/reports/figures");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var html = await client.GetPageAsync("/meldungen/bearbeitung/kennzahlen");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overall = json.GetProperty("overall");
        Assert.Equal(4, overall.GetProperty("reports").GetInt32());
        // First responses: 1 h, 3 h, 4 h, 20 h → median 3.5 h. Done: 10 h, 20 h → 15 h.
        Assert.Equal(4, overall.GetProperty("firstResponse").GetProperty("count").GetInt32());
        Assert.Equal(3.5 * 3600, overall.GetProperty("firstResponse").GetProperty("seconds").GetDouble(), 0.5);
        Assert.Equal(15 * 3600, overall.GetProperty("done").GetProperty("seconds").GetDouble(), 0.5);
        var byCategory = json.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(2 * 3600, byCategory["Schlagloch"].GetProperty("firstResponse").GetProperty("seconds").GetDouble(), 0.5);
        Assert.Equal(15 * 3600, byCategory["Schlagloch"].GetProperty("done").GetProperty("seconds").GetDouble(), 0.5);
        Assert.Equal(12 * 3600, byCategory["Beleuchtung"].GetProperty("firstResponse").GetProperty("seconds").GetDouble(), 0.5);
        Assert.Equal(JsonValueKind.Null, byCategory["Beleuchtung"].GetProperty("done").GetProperty("seconds").ValueKind);
        var altstadt = Assert.Single(json.GetProperty("districts").EnumerateArray());
        Assert.Equal(districtSlug, altstadt.GetProperty("key").GetString());
        Assert.Equal(3.5 * 3600, altstadt.GetProperty("firstResponse").GetProperty("seconds").GetDouble(), 0.5);
        Assert.Contains("3,5 Std.", html.QuerySelector("#figures-overall")!.TextContent);
        Assert.Contains("15 Std.", html.QuerySelector("#figures-overall")!.TextContent);
        Assert.NotEqual(Guid.Empty, district);
    }

    [Fact]
    public async Task APeriodLimitsTheFiguresToTheReportsReceivedThen()
    {
        var organization = await app.CreateOrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var (department, _) = await app.CreateDepartmentAsync(organization, null, staff);
        var (_, code) = await app.CreateReportCategoryAsync(organization, department, name: "Schlagloch");
        var client = await app.CreateSignedInClientAsync(staff);
        // Three reports on three days, answered after 1 h, 2 h and 4 h.
        var days = new List<DateOnly>();
        foreach (var hours in new[] { 1, 2, 4 })
        {
            days.Add(DateOnly.FromDateTime(Rathausplatz.Web.TownTime.ToLocal(app.Now)!.Value));
            var (_, id) = await app.SubmitReportAsync(organization, code);
            app.AdvanceTime(TimeSpan.FromHours(hours));
            await SetStatusAsync(client, id, "in-bearbeitung");
            app.AdvanceTime(TimeSpan.FromDays(1) - TimeSpan.FromHours(hours));
        }
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        async Task<JsonElement> FiguresAsync(string query)
        {
            using var response = await client.GetAsync("/api/v1/reports/figures" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("overall");
        }
        var all = await FiguresAsync("");
        var lastTwo = await FiguresAsync($"?von={Iso(days[1])}");
        var firstTwo = await FiguresAsync($"?bis={Iso(days[1])}");
        var middle = await FiguresAsync($"?von={Iso(days[1])}&bis={Iso(days[1])}");
        var none = await FiguresAsync($"?von={Iso(days[2].AddDays(1))}");
        var page = await client.GetPageAsync($"/meldungen/bearbeitung/kennzahlen?von={Iso(days[1])}&bis={Iso(days[1])}");

        Assert.Equal(3, all.GetProperty("reports").GetInt32());
        Assert.Equal(2 * 3600, all.GetProperty("firstResponse").GetProperty("seconds").GetDouble(), 0.5);
        Assert.Equal(2, lastTwo.GetProperty("reports").GetInt32());
        Assert.Equal(3 * 3600, lastTwo.GetProperty("firstResponse").GetProperty("seconds").GetDouble(), 0.5);
        Assert.Equal(1.5 * 3600, firstTwo.GetProperty("firstResponse").GetProperty("seconds").GetDouble(), 0.5);
        Assert.Equal(1, middle.GetProperty("reports").GetInt32());
        Assert.Equal(2 * 3600, middle.GetProperty("firstResponse").GetProperty("seconds").GetDouble(), 0.5);
        Assert.Equal(0, none.GetProperty("reports").GetInt32());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("firstResponse").GetProperty("seconds").ValueKind);
        Assert.Contains("2 Std.", page.QuerySelector("#figures-overall")!.TextContent);
        Assert.Equal(Iso(days[1]), page.QuerySelector("input[name=von]")!.GetAttribute("value"));
        Assert.Contains($"/api/v1/reports/figures?von={Iso(days[1])}&bis={Iso(days[1])}", page.QuerySelector("main a[href^='/api/v1/reports/figures']")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("?von=2026-13-01", "Bitte geben Sie Datumsangaben als JJJJ-MM-TT an.")]
    [InlineData("?bis=gestern", "Bitte geben Sie Datumsangaben als JJJJ-MM-TT an.")]
    [InlineData("?von=01.03.2026", "Bitte geben Sie Datumsangaben als JJJJ-MM-TT an.")]
    [InlineData("?von=2026-03-02&bis=2026-03-01", "Das Enddatum liegt vor dem Anfangsdatum.")]
    public async Task ABadPeriodIsA400WithAMessage(string query, string message)
    {
        var organization = await app.CreateOrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var client = await app.CreateSignedInClientAsync(staff);

        using var api = await client.GetAsync("/api/v1/reports/figures" + query);
        using var page = await client.GetAsync("/meldungen/bearbeitung/kennzahlen" + query);

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal(message, JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(message, (await page.ReadPageAsync()).ErrorMessages());
    }

    [Fact]
    public async Task ABadPeriodIsExplainedInEnglishToo()
    {
        var organization = await app.CreateOrganizationAsync();
        var client = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var api = await client.GetAsync("/api/v1/reports/figures?von=morgen");

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.DoesNotContain("JJJJ", await api.Content.ReadAsStringAsync());
    }

    private static async Task SetStatusAsync(HttpClient client, string publicId, string status, string? text = null)
    {
        var page = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");
        var form = page.FormWithButton("Status setzen").Set("StatusChange.Status", status);
        if (text is not null)
            form.Set("StatusChange.Text", text);
        using var response = await form.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

public sealed class SqliteFiguresTests(SqliteApp app) : FiguresTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFiguresTests(PostgresApp app) : FiguresTests(app), IClassFixture<PostgresApp>;
