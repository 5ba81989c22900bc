using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using AngleSharp.Html.Dom;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Audiences.Districts;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Audiences;

/// <summary>/admin/karte: the organisation admin sets the map's tile server and the geocoder; the district finder and the reports map use them.</summary>
public abstract class MapSettingsTests(RathausplatzApp app)
{
    private const string East = """{"type":"Polygon","coordinates":[[[10.01,51.0],[10.02,51.0],[10.02,51.01],[10.01,51.01],[10.01,51.0]]]}""";

    [Fact]
    public async Task SavedSettingsAreUsedByTheDistrictFinderAndTheReportsMapAndEmptyFieldsRestoreTheDefaults()
    {
        using var geocoder = new FakeGeocoder(51.005, 10.015);
        var organization = await app.CreateOrganizationAsync();
        var east = await app.AddDistrictAsync(organization, "Oststadt", East);
        var admin = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin));
        var visitor = app.CreateClient(organization);

        var empty = await admin.GetPageAsync("/admin/karte");
        var before = empty.QuerySelector<IHtmlInputElement>("#Input_TileUrl")!.Value;
        using var saved = await empty.FormWithButton("Einstellungen speichern")
            .Set("Input.TileUrl", " https://karte.musterstadt.example/tiles/{z}/{x}/{y}.png ")
            .Set("Input.TileAttribution", "© Stadt Musterstadt, OpenStreetMap")
            .Set("Input.GeocoderUrl", geocoder.Url + "search").SubmitAsync(admin);
        var again = await admin.GetPageAsync("/admin/karte");
        var shown = (again.QuerySelector<IHtmlInputElement>("#Input_TileUrl")!.Value, again.QuerySelector<IHtmlInputElement>("#Input_GeocoderUrl")!.Value);
        using var subscribe = await visitor.GetAsync("/abonnieren");
        var form = await subscribe.ReadPageAsync();
        using var found = await form.Form("main form[action='/stadtteil-finden']").Set("adresse", "Marktplatz 1").SubmitAsync(visitor);
        var reports = await visitor.GetPageAsync("/meldungen");
        using var cleared = await again.FormWithButton("Einstellungen speichern")
            .Set("Input.TileUrl", "").Set("Input.TileAttribution", "").Set("Input.GeocoderUrl", "").SubmitAsync(admin);
        var defaults = await visitor.GetPageAsync("/abonnieren");

        Assert.Equal("", before);
        Assert.Equal("/admin/karte", saved.RedirectTarget());
        Assert.Equal(("https://karte.musterstadt.example/tiles/{z}/{x}/{y}.png", geocoder.Url + "search"), shown);
        var map = form.QuerySelector("[data-district-map]")!;
        Assert.Equal("https://karte.musterstadt.example/tiles/{z}/{x}/{y}.png", map.GetAttribute("data-tiles"));
        Assert.Equal("© Stadt Musterstadt, OpenStreetMap", map.GetAttribute("data-attribution"));
        Assert.Contains("img-src 'self' data: https://karte.musterstadt.example;", subscribe.Headers.GetValues("Content-Security-Policy").Single());
        Assert.StartsWith($"/abonnieren?stadtteil={east.Id}", found.RedirectTarget());
        Assert.Single(geocoder.Requests);
        Assert.Equal("https://karte.musterstadt.example/tiles/{z}/{x}/{y}.png", reports.QuerySelector("[data-report-overview]")!.GetAttribute("data-tiles"));
        Assert.Equal("/admin/karte", cleared.RedirectTarget());
        Assert.Equal(DistrictMapSettings.DefaultTileUrl, defaults.QuerySelector("[data-district-map]")!.GetAttribute("data-tiles"));
        Assert.Equal(DistrictMapSettings.DefaultAttribution, defaults.QuerySelector("[data-district-map]")!.GetAttribute("data-attribution"));
        Assert.Null(defaults.QuerySelector("form[action='/stadtteil-finden']"));
    }

    [Theory]
    [InlineData("Input.TileUrl", "http://karte.example.org/{z}/{x}/{y}.png", "Die Adresse der Kartenkacheln muss mit https:// beginnen.")]
    [InlineData("Input.TileUrl", "https://karte.example.org/{z}/{x}.png", "Die Adresse der Kartenkacheln braucht die Platzhalter {z}, {x} und {y}.")]
    [InlineData("Input.TileUrl", "https://karte.example.org/{z}/{x}/{y}.png?key={apikey}", "Erlaubte Platzhalter sind {s}, {z}, {x}, {y} und {r}.")]
    [InlineData("Input.TileUrl", "javascript:alert(1)//{z}/{x}/{y}", "Die Adresse der Kartenkacheln muss mit https:// beginnen.")]
    [InlineData("Input.TileAttribution", "<img src=x onerror=alert(1)>", "Die Quellenangabe ist reiner Text: bitte ohne spitze Klammern.")]
    [InlineData("Input.TileAttribution", "201", "Höchstens 200 Zeichen.")]
    [InlineData("Input.GeocoderUrl", "ftp://nominatim.example.org/search", "Die Adresse des Geocoders muss mit https:// beginnen und darf keine Zugangsdaten enthalten.")]
    [InlineData("Input.GeocoderUrl", "https://user:secret@nominatim.example.org/search", "Die Adresse des Geocoders muss mit https:// beginnen und darf keine Zugangsdaten enthalten.")]
    [InlineData("Input.GeocoderUrl", "https://10.0.0.5/search", "Ein Geocoder im eigenen oder privaten Netz ist nicht erlaubt.")]
    [InlineData("Input.GeocoderUrl", "https://169.254.169.254/latest/meta-data", "Ein Geocoder im eigenen oder privaten Netz ist nicht erlaubt.")]
    [InlineData("Input.GeocoderUrl", "https://[fd00::1]/search", "Ein Geocoder im eigenen oder privaten Netz ist nicht erlaubt.")]
    [InlineData("Input.GeocoderUrl", "https://geocoder.internal/search", "Ein Geocoder im eigenen oder privaten Netz ist nicht erlaubt.")]
    [InlineData("Input.GeocoderUrl", "https://localhost/search", "Ein Geocoder im eigenen oder privaten Netz ist nicht erlaubt.")]
    public async Task BadInputIsRefusedWithAMessageAndChangesNothing(string field, string value, string message)
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin));
        var form = (await admin.GetPageAsync("/admin/karte")).FormWithButton("Einstellungen speichern");
        if (field != "Input.TileUrl")
            form.Set("Input.TileUrl", "https://karte.example.org/{z}/{x}/{y}.png").Set("Input.TileAttribution", "© Karte");

        using var refused = await form.Set(field, value == "201" ? new string('x', 201) : value).SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, (await refused.ReadPageAsync()).ErrorMessages());
        await using var scope = app.InOrganization(organization);
        Assert.Empty(await scope.Db.Set<DistrictMapSettings>().AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task AnotherTileServerNeedsItsAttributionAndMessagesSpeakEnglish()
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin));
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await admin.GetPageAsync("/admin/karte");

        using var refused = await page.FormWithButton("Save settings")
            .Set("Input.TileUrl", "https://karte.example.org/{z}/{x}/{y}.png").Set("Input.GeocoderUrl", "https://192.168.1.10/search").SubmitAsync(admin);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.ReadPageAsync()).ErrorMessages();
        Assert.Contains("Please give the attribution the map service requires.", errors);
        Assert.Contains("A geocoder in the own or a private network is not allowed.", errors);
    }

    [Fact]
    public async Task OnlyOrganizationAdminsMayChangeTheSettingsAndOnlyWithTheFormsToken()
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin));
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.Editor));
        var page = await admin.GetPageAsync("/admin/karte");
        var fields = new Dictionary<string, string> { ["Input.TileUrl"] = "https://karte.example.org/{z}/{x}/{y}.png", ["Input.TileAttribution"] = "© Karte" };

        using var withoutToken = await admin.PostAsync("/admin/karte", new FormUrlEncodedContent(fields));
        using var asEditor = await editor.PostAsync("/admin/karte", new FormUrlEncodedContent(fields));
        using var editorReads = await editor.GetAsync("/admin/karte");
        using var anonymous = await app.CreateClient(organization).PostAsync("/admin/karte", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.True(asEditor.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden
            || asEditor.Headers.Location?.OriginalString.Contains("/error/403") == true, $"{asEditor.StatusCode}");
        Assert.StartsWith("/error/403", editorReads.RedirectTarget());
        Assert.True(anonymous.StatusCode is HttpStatusCode.BadRequest || anonymous.RedirectTarget().StartsWith("/accounts/signin", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("main form input[name='__RequestVerificationToken']"));
        await using var scope = app.InOrganization(organization);
        Assert.Empty(await scope.Db.Set<DistrictMapSettings>().AsNoTracking().ToListAsync());
    }
}

public sealed class SqliteMapSettingsTests(SqliteApp app) : MapSettingsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMapSettingsTests(PostgresApp app) : MapSettingsTests(app), IClassFixture<PostgresApp>;
