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
