using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Reports;
using Rathausplatz.Features.Reports.Open311;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Reports;

/// <summary>
/// Open311 GeoReport v2 at /open311/v2 as a client sees it, on each provider: the specification's example
/// answers round-trip in shape (JSON and XML), POST goes through SubmitReport, and every error is the
/// specification's error list with the right status.
/// </summary>
public abstract class Open311ApiTests(RathausplatzApp app)
{
    private const string Polygon = """{"type":"Polygon","coordinates":[[[9.0,50.0],[9.2,50.0],[9.2,50.2],[9.0,50.2],[9.0,50.0]]]}""";

    [Fact]
    public async Task DiscoveryServicesAndServiceDefinitionHaveTheSpecificationsShapeInJsonAndXml()
    {
        var (org, client, _) = await TownAsync();

        foreach (var format in new[] { "xml", "json" })
        {
            Assert.Equal(Open311Examples.Shape(Open311Examples.Discovery), await ShapeAsync(client, $"/open311/v2/discovery.{format}"));
            Assert.Equal(Open311Examples.Shape(Open311Examples.Services), await ShapeAsync(client, $"/open311/v2/services.{format}"));
            Assert.Equal(Open311Examples.Shape(Open311Examples.ServiceDefinition), await ShapeAsync(client, $"/open311/v2/services/strasse.{format}"));
        }

        var services = await JsonAsync(client, "/open311/v2/services.json");
        Assert.Equal(["strasse", "muell"], services.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()));
        Assert.True(services[0].GetProperty("metadata").GetBoolean());
        Assert.False(services[1].GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", services[0].GetProperty("type").GetString());
        Assert.Equal("Straße und Verkehr", services[0].GetProperty("group").GetString());
        var definition = await JsonAsync(client, "/open311/v2/services/strasse.json");
        var attributes = definition.GetProperty("attributes");
        Assert.Equal(["blockiert", "hinweis"], attributes.EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Equal("singlevaluelist", attributes[0].GetProperty("datatype").GetString());
        Assert.Equal(1, attributes[0].GetProperty("order").GetInt32());
        Assert.Equal(["nein", "ganz"], attributes[0].GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
        Assert.Equal(JsonValueKind.Null, attributes[0].GetProperty("datatype_description").ValueKind);
        Assert.False(attributes[1].TryGetProperty("values", out _)); // a string field has no list
        var discovery = await JsonAsync(client, "/open311/v2/discovery.json");
        var endpoint = discovery.GetProperty("endpoints")[0];
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.Equal($"https://{org.Host}/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        using var xml = await client.GetAsync("/open311/v2/services.xml");
        Assert.Equal("text/xml", xml.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", xml.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", await xml.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheSpecificationsExamplePostCreatesAReportThatGetAnswersInTheExampleShapeWithoutTheReportersData()
    {
        var (org, client, key) = await TownAsync();
        var body = Open311Examples.PostRequestBody.Replace("{host}", org.Host).Replace("{code}", "strasse")
            .Replace("&attribute[WHISPAWN]=123456&attribute[WHISDORN]=COISL001", "&attribute[blockiert]=ganz&attribute[hinweis]=Laterne+12-034")
            .Replace("lat=37.76524078&long=-122.4212043", "lat=50.1&long=9.1");

        var ids = new List<string>();
        foreach (var format in new[] { "xml", "json" })
        {
            using var response = await PostAsync(client, $"/open311/v2/requests.{format}", $"api_key={key}&" + body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            Assert.Equal(Open311Examples.Shape(Open311Examples.PostResponse), Shape(text, format));
            ids.Add(format == "xml"
                ? XDocument.Parse(text).Root!.Element("request")!.Element("service_request_id")!.Value
                : JsonDocument.Parse(text).RootElement[0].GetProperty("service_request_id").GetString()!);
        }

        await using (var scope = app.InOrganization(org))
        {
            var stored = await scope.Db.Set<Report>().SingleAsync(r => r.PublicId == ids[0]);
            Assert.Equal("ganz", stored.Answers["blockiert"].Single());
            Assert.Equal("smit333@sfgov.edu", stored.ReporterEmail);
            Assert.Equal(50.1, stored.Latitude);
            Assert.NotNull(stored.ClientApplicationId);
        }
        foreach (var format in new[] { "xml", "json" })
        {
            foreach (var path in new[] { $"/open311/v2/requests/{ids[0]}.{format}", $"/open311/v2/requests.{format}" })
            {
                using var response = await client.GetAsync(path);
                var text = await response.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(Open311Examples.Shape(Open311Examples.Requests), Shape(text, format));
                foreach (var personal in new[] { "smit333", "john", "smith", "111111111", "tt222111", "123456" })
                    Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
            }
        }
        var request = (await JsonAsync(client, $"/open311/v2/requests/{ids[1]}.json"))[0];
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("strasse", request.GetProperty("service_code").GetString());
        Assert.Equal("A large sinkhole is destroying the street", request.GetProperty("description").GetString());
        Assert.Equal("Tiefbau", request.GetProperty("agency_responsible").GetString());
        Assert.Equal(50.1, request.GetProperty("lat").GetDouble());
        Assert.Equal(9.1, request.GetProperty("long").GetDouble());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", request.GetProperty("requested_datetime").GetString()!);
        Assert.Equal(JsonValueKind.Null, request.GetProperty("media_url").ValueKind);

        string token;
        await using (var scope = app.InOrganization(org))
            token = await scope.Db.Set<Report>().Where(r => r.PublicId == ids[1]).Select(r => r.RequestToken).SingleAsync();
        foreach (var format in new[] { "xml", "json" })
        {
            using var response = await client.GetAsync($"/open311/v2/tokens/{token}.{format}");
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(Open311Examples.Shape(Open311Examples.Token), Shape(text, format));
            Assert.Contains(ids[1], text);
        }
    }

    [Fact]
    public async Task GetRequestsFiltersByIdServiceStatusDatesAndBoundingBoxAndPagesWithABoundedSize()
    {
        var (org, client, _) = await TownAsync();
        var now = app.Now;
        var a = await ReportAsync(org, "strasse", 50.05, 9.05, ReportStatus.Received, now.AddDays(-1));
        var b = await ReportAsync(org, "muell", 50.15, 9.15, ReportStatus.Done, now.AddDays(-2));
        var c = await ReportAsync(org, "strasse", 50.15, 9.05, ReportStatus.InProgress, now.AddDays(-3));
        var old = await ReportAsync(org, "strasse", 50.05, 9.05, ReportStatus.Received, now.AddDays(-120));
        var foreign = await ReportAsync((await TownAsync()).Org, "strasse", 50.05, 9.05, ReportStatus.Received, now.AddDays(-1));

        Assert.Equal([a, b, c], await IdsAsync(client, "/open311/v2/requests.json")); // the last 90 days, newest first
        Assert.Equal([a, c], await IdsAsync(client, "/open311/v2/requests.json?service_code=strasse"));
        Assert.Equal([a, b, c], await IdsAsync(client, "/open311/v2/requests.json?service_code=strasse,muell"));
        Assert.Equal([b], await IdsAsync(client, "/open311/v2/requests.json?status=closed"));
        Assert.Equal([a, c], await IdsAsync(client, "/open311/v2/requests.json?status=open&service_code=strasse"));
        Assert.Equal([a, b, c], await IdsAsync(client, "/open311/v2/requests.json?status=open,closed"));
        Assert.Equal([old], await IdsAsync(client, $"/open311/v2/requests.json?start_date={W3(now.AddDays(-130))}&end_date={W3(now.AddDays(-100))}"));
        Assert.Equal([b, c], await IdsAsync(client, $"/open311/v2/requests.json?start_date={W3(now.AddDays(-3.5))}&end_date={W3(now.AddDays(-1.5))}"));
        Assert.Equal([b, c], await IdsAsync(client, "/open311/v2/requests.json?bbox=9.0,50.1,9.2,50.2"));
        Assert.Equal([a], await IdsAsync(client, "/open311/v2/requests.json?bbox=9.0,50.0,9.1,50.1&status=open"));
        Assert.Equal([c, old], await IdsAsync(client, $"/open311/v2/requests.json?service_request_id={c},{old.ToLowerInvariant()},{foreign}&status=closed"));
        Assert.Empty(await IdsAsync(client, $"/open311/v2/requests.json?service_request_id={foreign}"));

        using var first = await client.GetAsync("/open311/v2/requests.json?page_size=2");
        Assert.Equal([a, b], Ids(JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement));
        var next = first.Headers.GetValues("Link").Single();
        Assert.Equal($"<https://{org.Host}/open311/v2/requests.json?page_size=2&page=2>; rel=\"next\"", next);
        using var second = await client.GetAsync("/open311/v2/requests.json?page_size=2&page=2");
        Assert.Equal([c], Ids(JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement));
        Assert.False(second.Headers.Contains("Link"));
        var xml = XDocument.Parse(await client.GetStringAsync("/open311/v2/requests.xml?page_size=1"));
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        Assert.Equal([a], xml.Root.Elements("request").Select(r => r.Element("service_request_id")!.Value));
        Assert.Single(JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/requests.json?service_request_id={a}")).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task PhotosAppearAsMediaUrlOnlyOnceStaffReleasedThem()
    {
        var (org, client, _) = await TownAsync();
        var id = await ReportAsync(org, "strasse", 50.05, 9.05, ReportStatus.Received, app.Now);
        Guid photo;
        await using (var scope = app.InOrganization(org))
        {
            var report = await scope.Db.Set<Report>().SingleAsync(r => r.PublicId == id);
            var added = new ReportPhoto
            {
                ReportId = report.Id, Width = 4, Height = 3, CreatedAt = app.Now,
                Variants = [new ReportPhotoVariant { Width = 4, Height = 3, ContentType = "image/jpeg", Hash = "abcdef0123456789", Bytes = [0xFF, 0xD8, 0xFF, 0xD9] }],
            };
            scope.Db.Add(added);
            await scope.Db.SaveChangesAsync();
            photo = added.Id;
        }

        Assert.Equal(JsonValueKind.Null, (await JsonAsync(client, $"/open311/v2/requests/{id}.json"))[0].GetProperty("media_url").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/open311/v2/media/{photo}.jpg")).StatusCode);

        await using (var scope = app.InOrganization(org))
        {
            // Tracked, as the back office saves it: the save evicts the cached answers.
            (await scope.Db.Set<ReportPhoto>().SingleAsync(p => p.Id == photo)).ReleasedAt = app.Now;
            await scope.Db.SaveChangesAsync();
        }

        var url = (await JsonAsync(client, $"/open311/v2/requests/{id}.json"))[0].GetProperty("media_url").GetString();
        // One address per photo: the public pages' (the old /open311/v2/media/… redirects there).
        Assert.Equal($"https://{org.Host}/meldungen/foto/{photo}/4-abcdef0123456789.jpg", url);
        using (var moved = await client.GetAsync($"/open311/v2/media/{photo}.jpg"))
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        using var image = await client.GetAsync(url);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xFF, 0xD8, 0xFF, 0xD9], await image.Content.ReadAsByteArrayAsync());
        Assert.Equal(url, XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{id}.xml")).Root!.Element("request")!.Element("media_url")!.Value);
    }

    public static TheoryData<string, string, HttpStatusCode> GetErrors => new()
    {
        { "/open311/v2/services/gibtsnicht.{f}", "Den Dienst (service_code) gibtsnicht gibt es hier nicht.", HttpStatusCode.NotFound },
        { "/open311/v2/requests/ZZZZ-ZZZZ.{f}", "Die Meldung (service_request_id) ZZZZ-ZZZZ gibt es hier nicht.", HttpStatusCode.NotFound },
        { "/open311/v2/tokens/abc.{f}", "Das Token abc gibt es hier nicht.", HttpStatusCode.NotFound },
        { "/open311/v2/requests.{f}?start_date=gestern", "start_date und end_date müssen Zeitpunkte mit Zeitzone sein, zum Beispiel 2026-01-01T00:00:00Z.", HttpStatusCode.BadRequest },
        { "/open311/v2/requests.{f}?start_date=2026-01-01T00:00:00", "start_date und end_date müssen Zeitpunkte mit Zeitzone sein, zum Beispiel 2026-01-01T00:00:00Z.", HttpStatusCode.BadRequest },
        { "/open311/v2/requests.{f}?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z", "end_date liegt vor start_date.", HttpStatusCode.BadRequest },
        { "/open311/v2/requests.{f}?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00%2B02:00", "Der Zeitraum von start_date bis end_date darf höchstens 90 Tage umfassen.", HttpStatusCode.BadRequest },
        { "/open311/v2/requests.{f}?page_size=1001", "page_size muss eine ganze Zahl von 1 bis 1000 sein.", HttpStatusCode.BadRequest },
        { "/open311/v2/requests.{f}?page_size=0", "page_size muss eine ganze Zahl von 1 bis 1000 sein.", HttpStatusCode.BadRequest },
        { "/open311/v2/requests.{f}?page=-1", "page muss eine ganze Zahl von 1 bis 10000 sein.", HttpStatusCode.BadRequest },
        { "/open311/v2/requests.{f}?status=erledigt", "status darf nur open oder closed sein (mehrere durch Komma getrennt).", HttpStatusCode.BadRequest },
        { "/open311/v2/requests.{f}?bbox=9.2,50.0,9.0,50.2", "bbox braucht vier Zahlen: West, Süd, Ost, Nord (WGS 84, Länge und Breite, West ≤ Ost, Süd ≤ Nord).", HttpStatusCode.BadRequest },
        { "/open311/v2/services.{f}?jurisdiction_id=nachbarstadt.example", "jurisdiction_id nachbarstadt.example gibt es hier nicht; diese Schnittstelle gehört zu {org} ({host}).", HttpStatusCode.NotFound },
        { "/open311/v2/gibtsnicht.{f}", "Diese Adresse gibt es in der Open311-Schnittstelle nicht.", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(GetErrors))]
    public async Task EveryGetErrorIsTheSpecificationsErrorListInBothFormats(string path, string description, HttpStatusCode status)
    {
        var (org, client, _) = await TownAsync();
        foreach (var format in new[] { "xml", "json" })
        {
            using var response = await client.GetAsync(path.Replace("{f}", format));
            await AssertErrorAsync(response, format, status, description.Replace("{org}", org.Name).Replace("{host}", org.Host));
        }
    }

    public static TheoryData<string, string, HttpStatusCode> PostErrors => new()
    {
        { "service_code=gibtsnicht&lat=50.1&long=9.1&description=Ein+großes+Loch", "Den Dienst (service_code) gibtsnicht gibt es hier nicht.", HttpStatusCode.NotFound },
        { "lat=50.1&long=9.1&description=Ein+großes+Loch", "service_code fehlt.", HttpStatusCode.BadRequest },
        { "service_code=strasse&lat=50.1&long=9.1&description=Ein+großes+Loch", "attribute[blockiert] ist erforderlich (siehe die Dienstbeschreibung).", HttpStatusCode.BadRequest },
        { "service_code=strasse&lat=50.1&long=9.1&description=Ein+großes+Loch&attribute[blockiert]=vielleicht", "attribute[blockiert] hat einen ungültigen Wert: Er passt nicht zum Datentyp oder ist keiner der erlaubten Schlüssel.", HttpStatusCode.BadRequest },
        { "service_code=muell&lat=fünfzig&long=9.1&description=Ein+großes+Loch", "lat und long müssen beide angegeben werden, als Zahlen in Grad (WGS 84) mit Punkt, zum Beispiel lat=52.52&long=13.40.", HttpStatusCode.BadRequest },
        { "service_code=muell&lat=50.1&description=Ein+großes+Loch", "lat und long müssen beide angegeben werden, als Zahlen in Grad (WGS 84) mit Punkt, zum Beispiel lat=52.52&long=13.40.", HttpStatusCode.BadRequest },
        { "service_code=muell&lat=95&long=9.1&description=Ein+großes+Loch", "lat muss zwischen -90 und 90 liegen, long zwischen -180 und 180.", HttpStatusCode.BadRequest },
        { "service_code=muell&lat=48.1&long=11.5&description=Ein+großes+Loch", "Der Ort liegt außerhalb des Gebiets von {org}.", HttpStatusCode.BadRequest },
        { "service_code=muell&description=Ein+großes+Loch", "Der Ort fehlt: bitte lat und long oder address_string senden.", HttpStatusCode.BadRequest },
        { "service_code=muell&address_id=545483&description=Ein+großes+Loch", "address_id wird hier nicht unterstützt; bitte senden Sie lat und long oder address_string.", HttpStatusCode.BadRequest },
        { "service_code=muell&lat=50.1&long=9.1&description=kurz", "description ist zu kurz: mindestens 10 Zeichen.", HttpStatusCode.BadRequest },
        { "service_code=muell&lat=50.1&long=9.1&description=Ein+großes+Loch&email=keine-adresse", "email ist keine gültige E-Mail-Adresse.", HttpStatusCode.BadRequest },
        { "service_code=muell&lat=50.1&long=9.1&description=Ein+großes+Loch&jurisdiction_id=nachbarstadt.example", "jurisdiction_id nachbarstadt.example gibt es hier nicht; diese Schnittstelle gehört zu {org} ({host}).", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(PostErrors))]
    public async Task EveryRefusedPostIsTheSpecificationsErrorListInBothFormatsAndStoresNothing(string form, string description, HttpStatusCode status)
    {
        var (org, client, key) = await TownAsync();
        foreach (var format in new[] { "xml", "json" })
        {
            using var response = await PostAsync(client, $"/open311/v2/requests.{format}", $"api_key={key}&{form}");
            await AssertErrorAsync(response, format, status, description.Replace("{org}", org.Name).Replace("{host}", org.Host));
        }
        await using var scope = app.InOrganization(org);
        Assert.Equal(0, await scope.Db.Set<Report>().CountAsync());
    }

    [Fact]
    public async Task PostsWithoutAWrongOrARevokedKeyAreForbiddenAndKeysOfOtherTownsDoNotCount()
    {
        var (org, client, key) = await TownAsync();
        var (_, _, foreignKey) = await TownAsync();
        const string form = "service_code=muell&lat=50.1&long=9.1&description=Ein+großes+Loch";

        foreach (var format in new[] { "xml", "json" })
        {
            await AssertErrorAsync(await PostAsync(client, $"/open311/v2/requests.{format}", form), format, HttpStatusCode.Forbidden,
                "api_key fehlt: Meldungen über Open311 brauchen den API-Schlüssel einer Anwendung, den die Verwaltung vergibt.");
            await AssertErrorAsync(await PostAsync(client, $"/open311/v2/requests.{format}", $"api_key=rp311_falsch&{form}"), format, HttpStatusCode.Forbidden, "Der api_key ist ungültig.");
            await AssertErrorAsync(await PostAsync(client, $"/open311/v2/requests.{format}", $"api_key={foreignKey}&{form}"), format, HttpStatusCode.Forbidden, "Der api_key ist ungültig.");
        }
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "/open311/v2/requests.json", $"api_key={key}&{form}")).StatusCode);

        await using (var scope = app.InOrganization(org))
        {
            var clients = scope.Get<ManageOpen311Clients>();
            var id = (await clients.ListAsync(CancellationToken.None)).Single().Id;
            Assert.True(await clients.RevokeAsync(id, (await app.CreateUserAsync(org)).Id, CancellationToken.None));
        }
        await AssertErrorAsync(await PostAsync(client, "/open311/v2/requests.xml", $"api_key={key}&{form}"), "xml", HttpStatusCode.Forbidden, "Der api_key wurde widerrufen.");
        await using (var scope = app.InOrganization(org))
            Assert.Equal(1, await scope.Db.Set<Report>().CountAsync());
    }

    [Fact]
    public async Task ErrorsSpeakTheLanguageOfAcceptLanguage()
    {
        var (org, _, key) = await TownAsync();
        var english = app.CreateClient(org, language: "en-GB,en;q=0.8");

        await AssertErrorAsync(await english.GetAsync("/open311/v2/services/gibtsnicht.json"), "json", HttpStatusCode.NotFound, "There is no service (service_code) gibtsnicht here.");
        await AssertErrorAsync(await PostAsync(english, "/open311/v2/requests.xml", "service_code=muell"), "xml", HttpStatusCode.Forbidden,
            "api_key is missing: reports through Open311 need the API key of an application, issued by the administration.");
        await AssertErrorAsync(await PostAsync(english, "/open311/v2/requests.json", $"api_key={key}&service_code=muell&lat=48.1&long=11.5&description=A+large+sinkhole"),
            "json", HttpStatusCode.BadRequest, $"The location is outside the area of {org.Name}.");
    }

    [Fact]
    public async Task AFloodingClientIsStoppedPerKeyAndPerAddressWithTheSpecificationsErrorList()
    {
        var (org, client, key) = await TownAsync();
        string secondKey;
        await using (var scope = app.InOrganization(org))
            secondKey = (await scope.Get<ManageOpen311Clients>().CreateAsync("Zweite App", (await app.CreateUserAsync(org)).Id, CancellationToken.None)).Key;

        // Per key (20 a minute in the tests' settings): refused posts count too, they cost a lookup each.
        var allowed = 0;
        HttpResponseMessage response;
        while ((response = await PostAsync(client, "/open311/v2/requests.json", $"api_key={key}&service_code=muell")).StatusCode != HttpStatusCode.TooManyRequests && allowed <= 100)
            allowed++;
        Assert.Equal(20, allowed);
        await AssertErrorAsync(response, "json", HttpStatusCode.TooManyRequests, "Zu viele Meldungen mit diesem API-Schlüssel. Bitte warten Sie eine Minute.");
        Assert.Equal("60", response.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, "/open311/v2/requests.json", $"api_key={secondKey}&service_code=muell")).StatusCode);

        // Per address and host (60 a minute by default), whatever the key: 22 posts so far.
        while ((response = await PostAsync(client, "/open311/v2/requests.xml", "service_code=muell")).StatusCode != HttpStatusCode.TooManyRequests && allowed <= 200)
            allowed++;
        Assert.Equal(60 - 2, allowed);
        await AssertErrorAsync(response, "xml", HttpStatusCode.TooManyRequests, "Zu viele Anfragen. Bitte warten Sie eine Minute.");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open311/v2/services.json")).StatusCode); // reading is not posting
    }

    [Fact]
    public async Task OrganizationAdminsMakeAKeyThatIsShownOnceAndRevokeIt()
    {
        var (org, client, _) = await TownAsync();
        var admin = await app.SignInAsync(await app.CreateUserWithTwoFactorAsync(org, Rathausplatz.Features.Accounts.Roles.OrganizationAdmin));

        var page = await admin.GetPageAsync("/admin/open311");
        using var made = await page.FormWithButton("Schlüssel erstellen").Set("Name", "Stadt-App").SubmitAsync(admin);
        var html = await made.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.Contains("no-store", made.Headers.CacheControl?.ToString());
        var key = System.Text.RegularExpressions.Regex.Match(html, "<code id=\"new-key\">(rp311_[A-Za-z0-9_-]{32})</code>").Groups[1].Value;
        Assert.NotEmpty(key);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "/open311/v2/requests.json", $"api_key={key}&service_code=muell&lat=50.1&long=9.1&description=Ein+großes+Loch")).StatusCode);

        var list = await admin.GetStringAsync("/admin/open311");
        Assert.DoesNotContain(key, list);
        Assert.Contains(key[..10], list);
        await using (var scope = app.InOrganization(org))
            Assert.DoesNotContain(await scope.Db.Set<Open311Client>().Select(c => c.KeyHash).ToListAsync(), h => h.Contains(key));

        var listed = await admin.GetPageAsync("/admin/open311");
        using var revoked = await listed.FormWithButton("Widerrufen: Stadt-App").SubmitAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        await AssertErrorAsync(await PostAsync(client, "/open311/v2/requests.json", $"api_key={key}&service_code=muell"), "json", HttpStatusCode.Forbidden, "Der api_key wurde widerrufen.");
    }

    [Fact]
    public async Task TheOpenApiDocumentListsTheOpen311RoutesAndStillPassesTwoThirdPartyValidators()
    {
        var (_, client, _) = await TownAsync();

        var json = await client.GetStringAsync("/openapi/v1.json");
        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/open311/v2/discovery.{format}", "/open311/v2/services.{format}", "/open311/v2/services/{service_code}.{format}",
            "/open311/v2/requests.{format}", "/open311/v2/requests/{service_request_id}.{format}", "/open311/v2/tokens/{token}.{format}" })
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty("get", out _), path);
        Assert.True(paths.GetProperty("/open311/v2/requests.{format}").TryGetProperty("post", out _));
        var verdict = await ThirdPartyParsers.ValidateOpenApiAsync(json);
        Assert.True(verdict.GetProperty("schemaValid").GetBoolean(), verdict.ToString());
        Assert.True(verdict.GetProperty("parserValid").GetBoolean(), verdict.ToString());
    }

    // ---- helpers ----

    private async Task<(TestOrganization Org, HttpClient Client, string Key)> TownAsync()
    {
        var org = await app.CreateOrganizationAsync();
        string key;
        await using (var scope = app.InOrganization(org))
        {
            var db = scope.Db;
            var department = new Rathausplatz.Features.Organizations.Department { Name = "Tiefbau", Slug = "tiefbau", CreatedAt = app.Now };
            db.Add(department);
            db.Add(new ReportSettings { BoundaryGeoJson = Polygon, UpdatedAt = app.Now });
            var road = new ReportCategory
            {
                Code = "strasse", Name = "Straßenschaden", Group = "Straße und Verkehr", Description = "Schlaglöcher", Keywords = "Loch,Gehweg",
                DepartmentId = department.Id, DueDays = 14, Position = 0, CreatedAt = app.Now, UpdatedAt = app.Now,
            };
            road.Fields.Add(new ReportCategoryField
            {
                Code = "blockiert", Datatype = ReportFieldType.SingleValueList, Required = true, Position = 0, Label = "Ist der Weg blockiert?",
                Values = [new("nein", "Nein"), new("ganz", "Ganz")],
            });
            road.Fields.Add(new ReportCategoryField { Code = "hinweis", Datatype = ReportFieldType.String, Position = 1, Label = "Nummer am Mast" });
            db.Add(road);
            db.Add(new ReportCategory { Code = "muell", Name = "Müll", Position = 1, CreatedAt = app.Now, UpdatedAt = app.Now });
            db.Add(new ReportCategory { Code = "alt", Name = "Alte Kategorie", Active = false, Position = 2, CreatedAt = app.Now, UpdatedAt = app.Now });
            await db.SaveChangesAsync();
            key = Open311Client.NewKey();
            db.Add(new Open311Client { Name = "Test-App", KeyHash = Open311Client.Hash(key), KeyHint = Open311Client.Hint(key), CreatedAt = app.Now });
            await db.SaveChangesAsync();
        }
        return (org, app.CreateClient(org), key);
    }

    private async Task<string> ReportAsync(TestOrganization org, string code, double latitude, double longitude, ReportStatus status, DateTime at)
    {
        await using var scope = app.InOrganization(org);
        var category = await scope.Db.Set<ReportCategory>().SingleAsync(c => c.Code == code);
        var report = new Report
        {
            PublicId = ReportIds.New(), CategoryId = category.Id, Status = status, Description = "Ein Schlagloch vor dem Haus",
            Latitude = latitude, Longitude = longitude, RequestedAt = at, UpdatedAt = at, ReporterEmail = "geheim@example.org",
        };
        scope.Db.Add(report);
        await scope.Db.SaveChangesAsync();
        return report.PublicId;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string form) =>
        client.PostAsync(path, new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

    private static async Task AssertErrorAsync(HttpResponseMessage response, string format, HttpStatusCode status, string description)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal(Open311Examples.Shape(Open311Examples.Errors), Shape(text, format));
        if (format == "xml")
        {
            Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
            var error = XDocument.Parse(text).Root!.Element("error")!;
            Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Element("code")!.Value);
            Assert.Equal(description, error.Element("description")!.Value);
        }
        else
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var error = JsonDocument.Parse(text).RootElement[0];
            Assert.Equal((int)status, error.GetProperty("code").GetInt32());
            Assert.Equal(description, error.GetProperty("description").GetString());
        }
    }

    private static List<string> Shape(string body, string format) =>
        format == "xml" ? Open311Examples.Shape(XDocument.Parse(body)) : Open311Examples.Shape(JsonDocument.Parse(body).RootElement);

    private static async Task<List<string>> ShapeAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return Shape(body, path.EndsWith(".xml", StringComparison.Ordinal) ? "xml" : "json");
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<List<string>> IdsAsync(HttpClient client, string path) => Ids(await JsonAsync(client, path));

    private static List<string> Ids(JsonElement requests) => requests.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).ToList();

    private static string W3(DateTime utc) => Uri.EscapeDataString(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class SqliteOpen311ApiTests(SqliteApp app) : Open311ApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresOpen311ApiTests(PostgresApp app) : Open311ApiTests(app), IClassFixture<PostgresApp>;
