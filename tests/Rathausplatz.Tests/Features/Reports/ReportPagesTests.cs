using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Reports;
using Rathausplatz.Tests.Features.Newsroom.Media;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Reports;

/// <summary>
/// The citizen side through HTTP, as a browser without script uses it: /melden step by step, the public
/// report page and list, "me too", the map's GeoJSON, and clear 4xx answers for bad input.
/// </summary>
public abstract class ReportPagesTests(RathausplatzApp app)
{
    private async Task<(TestOrganization Org, string Code)> TownAsync()
    {
        var org = await app.CreateOrganizationAsync();
        await app.AddDistrictAsync(org, "Altstadt", RathausplatzApp.ReportDistrict);
        var (department, _) = await app.CreateDepartmentAsync(org, "Tiefbauamt");
        var code = await app.AddReportCategoryAsync(org, "Straßenschaden", department, 14, true,
            new ReportCategoryField { Code = "blockiert", Label = "Ist der Weg blockiert?", Datatype = ReportFieldType.SingleValueList, Required = true,
                Values = [new("ja", "Ja"), new("nein", "Nein")] });
        return (org, code);
    }

    private static async Task<IDocument> PlaceStepAsync(HttpClient client, string code, string lat = "51.005", string lon = "10.005")
    {
        var categories = await client.GetPageAsync("/melden");
        using var chosen = await categories.Form().Check("kategorie", code).SubmitAsync(client);
        var place = await chosen.ReadPageAsync();
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        using var located = await place.Form("main form[method=get]").Set("lat", lat).Set("lon", lon).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, located.StatusCode);
        return await located.ReadPageAsync();
    }

    [Fact]
    public async Task AReportMadeWithoutScriptShowsPubliclyWithoutItsReporterAndPhotosOnlyOnceReleased()
    {
        var (org, code) = await TownAsync();
        var client = app.CreateClient(org);
        var email = $"{Unique.Name("melder")}@example.org";

        var details = await PlaceStepAsync(client, code);
        using var sent = await details.FormWithButton("Meldung absenden")
            .Set("beschreibung", "Tiefes Schlagloch vor dem Rathaus.").Check("feld.blockiert", "nein").Set("email", email)
            .Attach("fotos", "IMG_0001.JPG", "image/jpeg", TestImages.JpegWithExif(1200, 800, orientation: 1))
            .SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var path = sent.Headers.Location!.OriginalString;
        Assert.Matches("^/meldungen/[2-9A-Z]{4}-[2-9A-Z]{4}$", path);
        var page = await client.GetPageAsync(path);
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Tiefes Schlagloch vor dem Rathaus.", main);
        Assert.Contains("Eingegangen", main);
        Assert.Contains("Altstadt", main);
        Assert.Contains("Nein", main);
        Assert.DoesNotContain(email, page.DocumentElement.OuterHtml);
        Assert.Empty(page.QuerySelectorAll(".report-photos img"));

        var publicId = path["/meldungen/".Length..];
        var (report, _, photos) = await app.FindReportAsync(org, publicId);
        var variant = Assert.Single(photos).Variants.First(v => v.ContentType == "image/jpeg");
        var url = Rathausplatz.Features.Reports.Public.ReportsMapApi.Url(photos[0].Id, variant.Width, variant.Hash, variant.ContentType);
        using (var hidden = await client.GetAsync(url))
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        await using (var scope = app.InOrganization(org))
        {
            // Tracked, as the back office saves it: the save evicts the cached page.
            foreach (var tracked in await scope.Db.Set<ReportPhoto>().Where(p => p.ReportId == report.Id).ToListAsync())
                tracked.ReleasedAt = app.Now;
            await scope.Db.SaveChangesAsync();
        }
        var released = await client.GetPageAsync(path);
        Assert.Single(released.QuerySelectorAll(".report-photos img"));
        var bytes = await client.GetByteArrayAsync(url);
        Assert.True(bytes.AsSpan().IndexOf(TestImages.GpsSecondsBytes) < 0);

        // The confirmation link: a button, then the address counts as verified.
        await app.RunJobsUntilIdleAsync();
        var link = Assert.Single(app.Mail.MessagesTo(email)).Link();
        Assert.Null(report.ReporterEmailVerifiedAt);
        var confirm = await client.GetPageAsync(link.PathAndQuery);
        using var confirmed = await confirm.FormWithButton("Bestätigen").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.NotNull((await app.FindReportAsync(org, publicId)).Report.ReporterEmailVerifiedAt);
    }

    [Fact]
    public async Task BadPlacesAreRefusedWithAClearMessageInTheVisitorsLanguage()
    {
        var (org, code) = await TownAsync();
        var client = app.CreateClient(org);

        async Task<(HttpStatusCode, string)> Place(HttpClient c, string query)
        {
            using var response = await c.GetAsync($"/melden?kategorie={code}&{query}");
            return (response.StatusCode, string.Join(" ", (await response.ReadPageAsync()).ErrorMessages()));
        }

        Assert.Equal((HttpStatusCode.BadRequest, "Die Koordinaten liegen außerhalb des gültigen Bereichs (Breite −90 bis 90, Länge −180 bis 180)."), await Place(client, "lat=95&lon=10"));
        Assert.Equal((HttpStatusCode.BadRequest, "Dieser Ort liegt außerhalb des Gebiets, für das wir Meldungen annehmen."), await Place(client, "lat=48.1&lon=11.5"));
        Assert.Equal(HttpStatusCode.BadRequest, (await Place(client, "lat=nord&lon=10")).Item1);
        Assert.Equal(HttpStatusCode.BadRequest, (await Place(client, "adresse=Marktplatz%201")).Item1);
        Assert.Equal((HttpStatusCode.BadRequest, "This place lies outside the area for which we take reports."), await Place(app.CreateClient(org, "en"), "lat=48.1&lon=11.5"));
        using var unknown = await client.GetAsync("/melden?kategorie=gibt-es-nicht");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task BadDetailsAndFilesAreRefusedAndNothingIsStored()
    {
        var (org, code) = await TownAsync();
        var client = app.CreateClient(org);
        var details = await PlaceStepAsync(client, code);

        using var empty = await details.FormWithButton("Meldung absenden").Set("beschreibung", "kaputt").SubmitAsync(client);
        using var notImage = await details.FormWithButton("Meldung absenden").Set("beschreibung", "Laterne brennt seit Tagen nicht.").Check("feld.blockiert", "ja")
            .Attach("fotos", "laterne.jpg", "image/jpeg", "%PDF-1.7 kein Bild"u8.ToArray()).SubmitAsync(client);
        using var huge = await details.FormWithButton("Meldung absenden").Set("beschreibung", "Laterne brennt seit Tagen nicht.").Check("feld.blockiert", "ja")
            .Attach("fotos", "riesig.jpg", "image/jpeg", new byte[45 * 1024 * 1024]).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["Bitte beschreiben Sie das Problem in mindestens 10 Zeichen.", "Bitte beantworten Sie: Ist der Weg blockiert?"],
            (await empty.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, notImage.StatusCode);
        Assert.Equal(["Die Datei 1 ist kein Foto (JPEG, PNG oder WebP)."], (await notImage.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        await using var scope = app.InOrganization(org);
        Assert.Equal(0, await scope.Db.Set<Report>().CountAsync());
    }

    [Fact]
    public async Task AnOpenReportNearbyIsOfferedForSupportAndEachAddressCountsOnceAfterConfirming()
    {
        var (org, code) = await TownAsync();
        var earlier = await app.SubmitReportAsync(org, new SubmitReportInput
        {
            CategoryCode = code, Latitude = 51.0052, Longitude = 10.0051, Description = "Schlagloch an der Ecke.",
            Answers = new Dictionary<string, string[]> { ["blockiert"] = ["nein"] },
        });
        var client = app.CreateClient(org);
        var email = $"{Unique.Name("auch")}@example.org";

        var details = await PlaceStepAsync(client, code);
        Assert.Contains("Schon gemeldet?", details.QuerySelector("main")!.TextContent);
        var publicId = earlier.Report!.PublicId;
        var far = await PlaceStepAsync(client, code, "51.009", "10.009");
        Assert.DoesNotContain("Schon gemeldet?", far.QuerySelector("main")!.TextContent);

        for (var i = 0; i < 2; i++)
        {
            using var supported = await details.FormWithButton($"Meldung {publicId} unterstützen").Set("email", email).SubmitAsync(client);
            Assert.Equal(HttpStatusCode.Redirect, supported.StatusCode);
        }
        Assert.Equal(0, (await app.FindReportAsync(org, publicId)).Report.SupportCount);
        await app.RunJobsUntilIdleAsync();
        var mails = app.Mail.MessagesTo(email);
        Assert.Equal(2, mails.Count);
        foreach (var mail in mails)
        {
            var confirm = await client.GetPageAsync(mail.Link().PathAndQuery);
            using var confirmed = await confirm.FormWithButton("Bestätigen").SubmitAsync(client);
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }
        Assert.Equal(1, (await app.FindReportAsync(org, publicId)).Report.SupportCount);

        var page = await client.GetPageAsync($"/meldungen/{publicId}");
        using var bad = await page.FormWithButton($"Meldung {publicId} unterstützen").Set("email", "keine-adresse").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task TheListAndTheMapFilterByCategoryStatusAndBox()
    {
        var (org, code) = await TownAsync();
        var other = await app.AddReportCategoryAsync(org, "Beleuchtung defekt");
        SubmitReportInput At(string category, double lat, double lon) => new()
        {
            CategoryCode = category, Latitude = lat, Longitude = lon, Description = "Bitte kümmern Sie sich darum.",
            Answers = new Dictionary<string, string[]> { ["blockiert"] = ["ja"] },
        };
        var west = (await app.SubmitReportAsync(org, At(code, 51.005, 10.001))).Report!.PublicId;
        var east = (await app.SubmitReportAsync(org, At(code, 51.005, 10.009))).Report!.PublicId;
        var light = (await app.SubmitReportAsync(org, At(other, 51.005, 10.002))).Report!.PublicId;
        await using (var scope = app.InOrganization(org))
            await scope.Db.Set<Report>().Where(r => r.PublicId == east).ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ReportStatus.Done));
        var client = app.CreateClient(org);

        string[] Listed(IDocument page) => [.. page.QuerySelectorAll(".report-card h3 a").Select(a => a.TextContent.Split(" – ")[1]).Order()];
        Assert.Equal(new[] { west, east, light }.Order(), Listed(await client.GetPageAsync("/meldungen")));
        Assert.Equal([west], Listed(await client.GetPageAsync($"/meldungen?kategorie={code}&status=offen")));
        Assert.Equal([east], Listed(await client.GetPageAsync("/meldungen?status=erledigt")));

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/reports.geojson?bbox=10.0,51.0,10.005,51.01"));
        Assert.Equal(new[] { west, light }.Order(), json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order());
        using (var filtered = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/reports.geojson?bbox=10.0,51.0,10.005,51.01&kategorie={code}&status=offen")))
            Assert.Equal([west], filtered.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!));
        // What a marker and its popup need, from the map's lean query.
        using (var all = JsonDocument.Parse(await client.GetStringAsync("/api/v1/reports.geojson?bbox=10.0,51.0,10.01,51.01")))
        {
            var done = all.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == east);
            Assert.Equal([10.009, 51.005], done.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
            var properties = done.GetProperty("properties");
            Assert.Equal(code, properties.GetProperty("category_code").GetString());
            Assert.False(string.IsNullOrEmpty(properties.GetProperty("category").GetString()));
            Assert.Equal(ReportTexts.StatusSlug(ReportStatus.Done), properties.GetProperty("status").GetString());
            Assert.Equal(ReportTexts.StatusName(ReportStatus.Done), properties.GetProperty("status_name").GetString());
            Assert.False(properties.GetProperty("open").GetBoolean());
            Assert.Equal($"/meldungen/{east}", properties.GetProperty("url").GetString());
        }
        using var badBox = await client.GetAsync("/api/v1/reports.geojson?bbox=10,51,nord");
        Assert.Equal(HttpStatusCode.BadRequest, badBox.StatusCode);
        Assert.Equal("application/problem+json", badBox.Content.Headers.ContentType!.MediaType);
        using var missing = await client.GetAsync("/meldungen/ZZZZ-ZZZZ");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        // Another town sees none of them.
        using var elsewhere = JsonDocument.Parse(await app.CreateClient(await app.CreateOrganizationAsync()).GetStringAsync("/api/v1/reports.geojson"));
        Assert.Equal(0, elsewhere.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task FloodingTheFormIsStoppedByTheRateLimit()
    {
        var (org, code) = await TownAsync();
        var client = app.CreateClient(org);
        var details = await PlaceStepAsync(client, code);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await details.FormWithButton("Meldung absenden").Set("beschreibung", "zu kurz").SubmitAsync(client);
            statuses.Add(response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}

public sealed class SqliteReportPagesTests(SqliteApp app) : ReportPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReportPagesTests(PostgresApp app) : ReportPagesTests(app), IClassFixture<PostgresApp>;
