using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Rathausplatz.Features.Audiences.Districts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Audiences;

/// <summary>
/// Choosing a district by a point (map click) or an address: point-in-polygon on the server, the
/// geocoder only when configured, and the no-script path back to the form with the district ticked.
/// </summary>
public abstract class DistrictChoiceTests(RathausplatzApp app)
{
    // Three districts side by side, as the demo town has them, one of them in two pieces.
    private const string West = """{"type":"Polygon","coordinates":[[[10.0,51.0],[10.01,51.0],[10.01,51.01],[10.0,51.01],[10.0,51.0]]]}""";
    private const string East = """{"type":"Polygon","coordinates":[[[10.01,51.0],[10.02,51.0],[10.02,51.01],[10.01,51.01],[10.01,51.0]]]}""";
    private const string Islands = """{"type":"MultiPolygon","coordinates":[[[[10.0,51.02],[10.005,51.02],[10.005,51.025],[10.0,51.025],[10.0,51.02]]],[[[10.03,51.0],[10.035,51.0],[10.035,51.005],[10.03,51.005],[10.03,51.0]]]]}""";

    [Fact]
    public async Task APointInsideEachDistrictResolvesToItAndOutsideToAClearAnswer()
    {
        var organization = await app.CreateOrganizationAsync();
        var west = await app.AddDistrictAsync(organization, "Weststadt", West);
        var east = await app.AddDistrictAsync(organization, "Oststadt", East);
        var islands = await app.AddDistrictAsync(organization, "Inseln", Islands);
        var client = app.CreateClient(organization);

        Assert.Equal(west.Id, (await AtAsync(client, "51.005", "10.005")).Id);
        Assert.Equal(east.Id, (await AtAsync(client, "51.005", "10.015")).Id);
        Assert.Equal(islands.Id, (await AtAsync(client, "51.0225", "10.0025")).Id);
        Assert.Equal(islands.Id, (await AtAsync(client, "51.0025", "10.0325")).Id);
        using var outside = await client.GetAsync("/api/v1/districts/at?lat=51.5&lon=10.5");
        using var outOfRange = await client.GetAsync("/api/v1/districts/at?lat=91&lon=10");
        using var notNumbers = await client.GetAsync("/api/v1/districts/at?lat=north&lon=10");
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("in keinem unserer Stadtteile", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("außerhalb des gültigen Bereichs", await outOfRange.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, notNumbers.StatusCode);
        // Another town's districts are not this town's.
        var other = await app.CreateOrganizationAsync();
        using var elsewhere = await app.CreateClient(other).GetAsync("/api/v1/districts/at?lat=51.005&lon=10.005");
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
    }

    [Fact]
    public async Task TheMapPageMayLoadTilesFromTheTileServerOnly()
    {
        var organization = await app.CreateOrganizationAsync();
        var without = await app.CreateClient(organization).GetAsync("/abonnieren");
        await app.AddDistrictAsync(organization, "Weststadt", West);
        using var with = await app.CreateClient(organization).GetAsync("/abonnieren");

        Assert.Contains("img-src 'self' data:;", without.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("img-src 'self' data: https://tile.openstreetmap.org;", with.Headers.GetValues("Content-Security-Policy").Single());
        var page = await with.ReadPageAsync();
        Assert.NotNull(page.QuerySelector("[data-district-map][hidden]"));
        Assert.NotNull(page.QuerySelector("script[src^='/lib/leaflet/leaflet.js']"));
        without.Dispose();
    }

    [Fact]
    public async Task WithoutAConfiguredGeocoderNoAddressLeavesTheServer()
    {
        using var geocoder = new FakeGeocoder(51.005, 10.015);
        var organization = await app.CreateOrganizationAsync();
        await app.AddDistrictAsync(organization, "Oststadt", East);
        var client = app.CreateClient(organization);

        var form = await client.GetPageAsync("/abonnieren");
        using var api = await client.GetAsync("/api/v1/districts/at?adresse=Marktplatz%201");
        using var page = await client.GetAsync("/stadtteil-finden?adresse=Marktplatz%201&zurueck=/abonnieren");

        Assert.Null(form.QuerySelector("input[name='adresse']"));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Empty(geocoder.Requests);
    }

    [Fact]
    public async Task AConfiguredGeocoderChoosesTheDistrictOfTheAddress()
    {
        using var geocoder = new FakeGeocoder(51.005, 10.015);
        var organization = await app.CreateOrganizationAsync();
        await app.AddDistrictAsync(organization, "Weststadt", West);
        var east = await app.AddDistrictAsync(organization, "Oststadt", East);
        await using (var scope = app.InOrganization(organization))
        {
            scope.Db.Add(new DistrictMapSettings { GeocoderUrl = geocoder.Url + "search", UpdatedAt = app.Now });
            await scope.Db.SaveChangesAsync();
        }
        var client = app.CreateClient(organization);

        var form = await client.GetPageAsync("/abonnieren");
        var answer = await AtAsync(client, address: "Marktplatz 1");
        using var found = await form.Form("main form[action='/stadtteil-finden']").Set("adresse", "Marktplatz 1").SubmitAsync(client);
        var back = await client.GetPageAsync(found.RedirectTarget());

        Assert.Equal(east.Id, answer.Id);
        Assert.StartsWith($"/abonnieren?stadtteil={east.Id}", found.RedirectTarget());
        Assert.True(back.QuerySelector<IHtmlInputElement>($"#district-{east.Id}")!.IsChecked);
        Assert.Equal(2, geocoder.Requests.Count);
        Assert.All(geocoder.Requests, r => Assert.Contains("q=Marktplatz%201", r));
        Assert.All(geocoder.Requests, r => Assert.Contains("format=jsonv2", r));
    }

    [Theory]
    [InlineData("https://nominatim.example.org/search", false, true)]
    [InlineData("http://nominatim.example.org/search", false, false)]
    [InlineData("https://user:secret@nominatim.example.org/search", false, false)]
    [InlineData("file:///etc/passwd", false, false)]
    [InlineData("/search", false, false)]
    [InlineData("http://127.0.0.1:8080/search", true, true)]
    public void OnlyAnAbsoluteHttpsGeocoderUrlIsUsed(string url, bool allowHttp, bool usable) =>
        Assert.Equal(usable, AddressGeocoder.Validate(url, allowHttp) is not null);

    [Fact]
    public async Task TheFinderPageAnswersBadInputWithAMessageAndGoesBackOnlyToOurPages()
    {
        var organization = await app.CreateOrganizationAsync();
        var west = await app.AddDistrictAsync(organization, "Weststadt", West);
        var client = app.CreateClient(organization);

        using var notNumbers = await client.GetAsync("/stadtteil-finden?lat=north&lon=10");
        using var noAddressSearch = await client.GetAsync("/stadtteil-finden?adresse=Marktplatz%201");
        using var tooLong = await client.GetAsync("/stadtteil-finden?adresse=" + new string('a', 301));
        using var elsewhere = await client.GetAsync("/stadtteil-finden?lat=51.005&lon=10.005&zurueck=https%3A%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.BadRequest, notNumbers.StatusCode);
        Assert.Contains("als Zahlen an", (await notNumbers.ReadPageAsync()).MainText());
        Assert.Equal(HttpStatusCode.NotFound, noAddressSearch.StatusCode);
        Assert.Contains("hier nicht eingerichtet", (await noAddressSearch.ReadPageAsync()).MainText());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Die Adresse ist zu lang.", (await tooLong.ReadPageAsync()).MainText());
        Assert.Equal($"/abonnieren?stadtteil={west.Id}#districts-hint", elsewhere.RedirectTarget());
    }

    [Fact]
    public async Task TheGeocoderClientConnectsToNoInternalAddress()
    {
        // The production setting: loopback refused like every private range (the tests' apps allow it for the fake).
        using var geocoder = new FakeGeocoder(51.005, 10.015);
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = Rathausplatz.Web.OutboundAddresses.Connect(allowLoopback: false) });
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(geocoder.Url + "search?q=x"));
        Assert.IsType<Rathausplatz.Web.OutboundAddressRefusedException>(refused.GetBaseException());
        Assert.Empty(geocoder.Requests);
    }

    private static async Task<DistrictApi.DistrictAnswer> AtAsync(HttpClient client, string? lat = null, string? lon = null, string? address = null)
    {
        var query = address is null ? $"lat={lat}&lon={lon}" : $"adresse={Uri.EscapeDataString(address)}";
        using var response = await client.GetAsync($"/api/v1/districts/at?{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DistrictApi.DistrictAnswer>())!;
    }
}

/// <summary>A Nominatim stand-in on 127.0.0.1: answers every search with one place and records what it was asked.</summary>
internal sealed class FakeGeocoder : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private readonly List<string> requests = [];

    public FakeGeocoder(double latitude, double longitude)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(Url);
        listener.Start();
        var body = Encoding.UTF8.GetBytes(FormattableString.Invariant($$"""[{"lat":"{{latitude}}","lon":"{{longitude}}","display_name":"Marktplatz 1"}]"""));
        loop = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                lock (requests)
                    requests.Add(context.Request.RawUrl ?? "");
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
    }

    public string Url { get; }

    public IReadOnlyList<string> Requests
    {
        get { lock (requests) return [.. requests]; }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}

public sealed class SqliteDistrictChoiceTests(SqliteApp app) : DistrictChoiceTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDistrictChoiceTests(PostgresApp app) : DistrictChoiceTests(app), IClassFixture<PostgresApp>;
