using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Reports;
using Rathausplatz.Tests.Features.Newsroom.Media;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Reports;

/// <summary>
/// Report pages, the map data and the Open311 GETs come from the output cache for anonymous visitors, and every
/// change the public can see shows on the very next request; forms with a token and signed-in views are never
/// stored. A cache hit carries <c>Age</c>. Also: one public address per photo, with its cache headers.
/// </summary>
public abstract class ReportCacheTests(RathausplatzApp app)
{
    private sealed record Town(TestOrganization Org, TestUser Staff, TestUser Admin, string Code, string ReportId, Guid ReportGuid, HttpClient Client);

    private async Task<Town> TownAsync(IReadOnlyList<byte[]>? photos = null)
    {
        var org = await app.CreateOrganizationAsync();
        await app.AddDistrictAsync(org, "Altstadt", RathausplatzApp.ReportDistrict);
        var staff = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var admin = await app.CreateUserWithTwoFactorAsync(org, Roles.OrganizationAdmin);
        var (department, _) = await app.CreateDepartmentAsync(org, "Tiefbauamt", staff);
        var (_, code) = await app.CreateReportCategoryAsync(org, department, name: "Straßenschaden");
        var (id, publicId) = await app.SubmitReportAsync(org, code, photos: photos);
        return new Town(org, staff, admin, code, publicId, id, app.CreateClient(org));
    }

    private static string[] PublicPaths(Town t) =>
    [
        "/meldungen", $"/meldungen/{t.ReportId}", "/api/v1/reports.geojson",
        "/open311/v2/discovery.json", "/open311/v2/discovery.xml", "/open311/v2/services.json", "/open311/v2/services.xml",
        $"/open311/v2/services/{t.Code}.json", "/open311/v2/requests.json", "/open311/v2/requests.xml",
        $"/open311/v2/requests/{t.ReportId}.json", $"/open311/v2/requests/{t.ReportId}.xml",
    ];

    [Fact]
    public async Task TheSecondAnonymousRequestComesFromTheCache()
    {
        var t = await TownAsync();

        foreach (var path in PublicPaths(t))
        {
            var first = await t.Client.GetAsync(path);
            var second = await t.Client.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.False(first.Headers.Age.HasValue, $"{path} came from the cache the first time");
            Assert.True(second.Headers.Age.HasValue, $"{path} was not served from the cache the second time");
            Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
            Assert.False(first.Headers.Contains("Set-Cookie"), $"{path} set a cookie");
        }
    }

    [Fact]
    public async Task TheCachedReportPageHasATokenlessMeToo()
    {
        var t = await TownAsync();
        await WarmAsync(t.Client, $"/meldungen/{t.ReportId}");
        var page = await t.Client.GetPageAsync($"/meldungen/{t.ReportId}");

        Assert.DoesNotContain("__RequestVerificationToken", page.DocumentElement.OuterHtml);
        using var counted = await page.FormWithButton($"Meldung {t.ReportId} unterstützen").Set("email", "nachbarin@example.org").SubmitAsync(t.Client);
        Assert.Equal(HttpStatusCode.Redirect, counted.StatusCode);
        await using var scope = app.InOrganization(t.Org);
        Assert.True(await scope.Db.Set<ReportSupport>().AnyAsync(s => s.ReportId == t.ReportGuid && s.Email == "nachbarin@example.org"));
    }

    [Fact]
    public async Task SignedInPeopleGetATokenAndTheirPostNeedsIt()
    {
        var t = await TownAsync();
        var citizen = await app.CreateUserAsync(t.Org, Roles.Citizen);
        var signedIn = await app.CreateSignedInClientAsync(citizen);
        await WarmAsync(t.Client, $"/meldungen/{t.ReportId}");

        var mine = await signedIn.GetAsync($"/meldungen/{t.ReportId}");
        var mineAgain = await signedIn.GetAsync($"/meldungen/{t.ReportId}");
        using var forged = await signedIn.PostAsync($"/meldungen/{t.ReportId}?handler=Unterstuetzen", new FormUrlEncodedContent([]));

        Assert.False(mine.Headers.Age.HasValue);
        Assert.False(mineAgain.Headers.Age.HasValue);
        Assert.Contains("__RequestVerificationToken", await mineAgain.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Das Formular ist abgelaufen.", (await forged.ReadPageAsync()).ErrorMessages().First());
        Assert.Equal(0, (await app.FindReportAsync(t.Org, t.ReportGuid)).SupportCount);
        var page = await signedIn.GetPageAsync($"/meldungen/{t.ReportId}");
        using var counted = await page.FormWithButton($"Meldung {t.ReportId} unterstützen").SubmitAsync(signedIn);
        Assert.Equal(HttpStatusCode.Redirect, counted.StatusCode);
        Assert.Equal(1, (await app.FindReportAsync(t.Org, t.ReportGuid)).SupportCount);
    }

    [Fact]
    public async Task FormsTokensAndStaffViewsAreNeverStored()
    {
        var t = await TownAsync();
        var staff = await app.CreateSignedInClientAsync(t.Staff);
        var token = (await app.FindReportAsync(t.Org, t.ReportGuid)).RequestToken;

        foreach (var (client, path) in new[] { (t.Client, "/melden"), (t.Client, $"/melden?kategorie={t.Code}&lat=51.005&lon=10.005"), (t.Client, $"/open311/v2/tokens/{token}.json"),
            (staff, "/meldungen"), (staff, $"/meldungen/{t.ReportId}"), (staff, "/meldungen/bearbeitung"), (staff, "/open311/v2/requests.json") })
        {
            var first = await client.GetAsync(path);
            var second = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.False(second.Headers.Age.HasValue, $"{path} was served from the cache");
        }
        Assert.Contains("__RequestVerificationToken", await t.Client.GetStringAsync($"/melden?kategorie={t.Code}&lat=51.005&lon=10.005"));
    }

    [Fact]
    public async Task ANewReportShowsAtOnce()
    {
        var t = await TownAsync();
        foreach (var path in PublicPaths(t))
            await WarmAsync(t.Client, path);

        var (_, added) = await app.SubmitReportAsync(t.Org, t.Code);

        Assert.Contains(added, await t.Client.GetStringAsync("/meldungen"));
        Assert.Contains(added, await t.Client.GetStringAsync("/api/v1/reports.geojson"));
        Assert.Contains(added, await t.Client.GetStringAsync("/open311/v2/requests.json"));
        Assert.Contains(added, await t.Client.GetStringAsync("/open311/v2/requests.xml"));
    }

    [Fact]
    public async Task StatusChangesAndPublicUpdatesShowAtOnce()
    {
        var t = await TownAsync();
        var staff = await app.CreateSignedInClientAsync(t.Staff);
        foreach (var path in PublicPaths(t))
            await WarmAsync(t.Client, path);

        var desk = await staff.GetPageAsync($"/meldungen/bearbeitung/{t.ReportId}");
        using var progress = await desk.FormWithButton("Status setzen").Set("StatusChange.Status", "in-bearbeitung").SubmitAsync(staff);
        Assert.Equal(HttpStatusCode.Redirect, progress.StatusCode);

        Assert.Contains("In Bearbeitung", (await t.Client.GetPageAsync($"/meldungen/{t.ReportId}")).QuerySelector(".report-status")!.TextContent);
        Assert.Contains("in-bearbeitung", await t.Client.GetStringAsync("/api/v1/reports.geojson"));
        await WarmAsync(t.Client, $"/meldungen/{t.ReportId}");
        await WarmAsync(t.Client, $"/open311/v2/requests/{t.ReportId}.json");

        desk = await staff.GetPageAsync($"/meldungen/bearbeitung/{t.ReportId}");
        using var note = await desk.FormWithButton("Eintrag speichern").Set("Note.Text", "Der Bauhof kommt am Montag.").Set("Note.Public", "true").SubmitAsync(staff);
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);

        Assert.Contains("Der Bauhof kommt am Montag.", (await t.Client.GetPageAsync($"/meldungen/{t.ReportId}")).QuerySelector(".report-history")!.TextContent);
        Assert.Equal("Der Bauhof kommt am Montag.", (await JsonAsync(t.Client, $"/open311/v2/requests/{t.ReportId}.json"))[0].GetProperty("status_notes").GetString());
    }

    [Fact]
    public async Task AReleasedPhotoShowsAtOnceAndWithholdingItRemovesIt()
    {
        var t = await TownAsync([TestImages.Png(40, 30)]);
        var staff = await app.CreateSignedInClientAsync(t.Staff);
        await WarmAsync(t.Client, $"/meldungen/{t.ReportId}");
        await WarmAsync(t.Client, $"/open311/v2/requests/{t.ReportId}.json");
        Assert.Empty((await t.Client.GetPageAsync($"/meldungen/{t.ReportId}")).QuerySelectorAll(".report-photos img"));

        var desk = await staff.GetPageAsync($"/meldungen/bearbeitung/{t.ReportId}");
        using var released = await desk.FormWithButton("Freigeben: Foto 1").SubmitAsync(staff);

        var img = Assert.Single((await t.Client.GetPageAsync($"/meldungen/{t.ReportId}")).QuerySelectorAll(".report-photos img"));
        var media = (await JsonAsync(t.Client, $"/open311/v2/requests/{t.ReportId}.json"))[0].GetProperty("media_url").GetString()!;
        Assert.StartsWith($"https://{t.Org.Host}/meldungen/foto/", media);
        Assert.EndsWith(".jpg", media);

        desk = await staff.GetPageAsync($"/meldungen/bearbeitung/{t.ReportId}");
        using var withheld = await desk.FormWithButton("Zurückhalten: Foto 1").SubmitAsync(staff);

        Assert.Empty((await t.Client.GetPageAsync($"/meldungen/{t.ReportId}")).QuerySelectorAll(".report-photos img"));
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(t.Client, $"/open311/v2/requests/{t.ReportId}.json"))[0].GetProperty("media_url").ValueKind);
        using var gone = await t.Client.GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task SupportsShowAtOnce()
    {
        var t = await TownAsync();
        await WarmAsync(t.Client, $"/meldungen/{t.ReportId}");
        await WarmAsync(t.Client, "/meldungen");
        var citizen = await app.CreateSignedInClientAsync(await app.CreateUserAsync(t.Org, Roles.Citizen));

        var page = await citizen.GetPageAsync($"/meldungen/{t.ReportId}");
        using var counted = await page.FormWithButton($"Meldung {t.ReportId} unterstützen").SubmitAsync(citizen);

        Assert.Contains("1 Unterstützung", (await t.Client.GetPageAsync("/meldungen")).QuerySelector(".report-card")!.TextContent);
        Assert.DoesNotContain("1 Unterstützungen", await t.Client.GetStringAsync("/meldungen"));
        var facts = (await t.Client.GetPageAsync($"/meldungen/{t.ReportId}")).QuerySelector(".report-facts")!.TextContent;
        Assert.Contains("Unterstützungen1", facts.Replace(" ", "").Replace("\n", ""));
    }

    [Fact]
    public async Task CategoryDepartmentAndSettingChangesShowAtOnce()
    {
        var t = await TownAsync();
        var admin = await app.CreateSignedInClientAsync(t.Admin);
        foreach (var path in PublicPaths(t))
            await WarmAsync(t.Client, path);

        var category = await admin.GetPageAsync($"/admin/meldekategorien/{t.Code}");
        using var renamed = await category.FormWithButton("Kategorie speichern").Set("Input.Name", "Schlagloch").SubmitAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        Assert.Contains("Schlagloch", (await t.Client.GetPageAsync("/meldungen")).QuerySelector(".report-card")!.TextContent);
        Assert.Contains("Schlagloch", (await t.Client.GetPageAsync($"/meldungen/{t.ReportId}")).QuerySelector("h1")!.TextContent);
        Assert.Equal("Schlagloch", (await JsonAsync(t.Client, "/open311/v2/services.json"))[0].GetProperty("service_name").GetString());
        Assert.Equal("Schlagloch", (await JsonAsync(t.Client, $"/open311/v2/requests/{t.ReportId}.json"))[0].GetProperty("service_name").GetString());

        category = await admin.GetPageAsync($"/admin/meldekategorien/{t.Code}");
        using var field = await category.FormWithButton("Feld speichern").Set("Field.Code", "tiefe").Set("Field.Label", "Wie tief?")
            .Set("Field.Datatype", "String").SubmitAsync(admin);
        Assert.Single((await JsonAsync(t.Client, $"/open311/v2/services/{t.Code}.json")).GetProperty("attributes").EnumerateArray());
        await WarmAsync(t.Client, $"/open311/v2/services/{t.Code}.json");
        category = await admin.GetPageAsync($"/admin/meldekategorien/{t.Code}");
        using var removed = await category.FormWithButton("Entfernen: Wie tief?").SubmitAsync(admin);
        Assert.Empty((await JsonAsync(t.Client, $"/open311/v2/services/{t.Code}.json")).GetProperty("attributes").EnumerateArray());

        await WarmAsync(t.Client, $"/open311/v2/requests/{t.ReportId}.json");
        var departmentSlug = (await admin.GetPageAsync("/admin/abteilungen")).QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "")
            .First(h => h.StartsWith("/admin/abteilungen/", StringComparison.Ordinal));
        var department = await admin.GetPageAsync(departmentSlug);
        using var renamedDepartment = await department.FormWithButton("Abteilung speichern").Set("Input.Name", "Straßenbauamt").SubmitAsync(admin);
        Assert.Equal("Straßenbauamt", (await JsonAsync(t.Client, $"/open311/v2/requests/{t.ReportId}.json"))[0].GetProperty("agency_responsible").GetString());

        await WarmAsync(t.Client, "/meldungen");
        await app.SetReportSettingsAsync(t.Org, boundary: """{"type":"Polygon","coordinates":[[[9.0,50.0],[11.0,50.0],[11.0,52.0],[9.0,52.0],[9.0,50.0]]]}""");
        Assert.False((await t.Client.GetAsync("/meldungen")).Headers.Age.HasValue, "a settings change did not evict the list");
    }

    [Fact]
    public async Task OnePhotoOneAddressWithCacheHeaders()
    {
        var t = await TownAsync([TestImages.Png(40, 30)]);
        var (_, _, photos) = await app.FindReportAsync(t.Org, t.ReportId);
        var photo = Assert.Single(photos);
        var largest = photo.Variants.Where(v => v.ContentType == "image/jpeg").MaxBy(v => v.Width)!;
        var url = Rathausplatz.Features.Reports.Public.ReportsMapApi.Url(photo.Id, largest.Width, largest.Hash, largest.ContentType);
        using (var hidden = await t.Client.GetAsync(url))
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using (var hiddenOld = await t.Client.GetAsync($"/open311/v2/media/{photo.Id}.jpg"))
            Assert.Equal(HttpStatusCode.NotFound, hiddenOld.StatusCode);

        await using (var scope = app.InOrganization(t.Org))
        {
            var tracked = await scope.Db.Set<ReportPhoto>().SingleAsync(p => p.Id == photo.Id);
            tracked.ReleasedAt = app.Now;
            await scope.Db.SaveChangesAsync();
        }

        Assert.Equal($"https://{t.Org.Host}{url}", (await JsonAsync(t.Client, $"/open311/v2/requests/{t.ReportId}.json"))[0].GetProperty("media_url").GetString());
        using var old = await t.Client.GetAsync($"/open311/v2/media/{photo.Id}.jpg");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal(url, old.Headers.Location!.OriginalString);
        using var image = await t.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.True(image.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromHours(1), image.Headers.CacheControl.MaxAge);
        Assert.Equal($"\"{largest.Hash}\"", image.Headers.ETag!.Tag);
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{largest.Hash}\""));
        using var notModified = await t.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        // Another town's host does not serve it.
        using var elsewhere = await app.CreateClient(await app.CreateOrganizationAsync()).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    /// <summary>Two requests, so the second is known to come from the cache.</summary>
    private static async Task WarmAsync(HttpClient client, string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        Assert.True((await client.GetAsync(path)).Headers.Age.HasValue, $"{path} is not cached");
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path) =>
        JsonDocument.Parse(await client.GetStringAsync(path)).RootElement.Clone();
}

public sealed class SqliteReportCacheTests(SqliteApp app) : ReportCacheTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReportCacheTests(PostgresApp app) : ReportCacheTests(app), IClassFixture<PostgresApp>;
