using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Audiences.Districts;

/// <summary>
/// The organisation's map (tile server and its attribution) and address search (geocoder), used by the
/// district finder on the subscription pages and by the reports maps. Empty fields mean the defaults:
/// OpenStreetMap tiles, no geocoder (no call to any third party).
/// </summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class MapSettingsModel(AppDb db, TimeProvider time, IOptions<GeocodingOptions> geocoding, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public MapSettingsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var settings = await db.Set<DistrictMapSettings>().AsNoTracking().FirstOrDefaultAsync(ct);
        Input = new() { TileUrl = settings?.TileUrl, TileAttribution = settings?.TileAttribution, GeocoderUrl = settings?.GeocoderUrl };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var (field, problem) in Input.Problems(geocoding.Value))
            ModelState.AddModelError($"Input.{field}", text[problem]);
        if (!ModelState.IsValid)
            return this.PageWithErrors();

        var settings = await db.Set<DistrictMapSettings>().FirstOrDefaultAsync(ct);
        if (settings is null)
            db.Add(settings = new DistrictMapSettings());
        settings.TileUrl = Blank(Input.TileUrl);
        settings.TileAttribution = Blank(Input.TileAttribution);
        settings.GeocoderUrl = Blank(Input.GeocoderUrl);
        settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        this.Flash(text["Die Einstellungen sind gespeichert."]);
        return RedirectToPage();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class MapSettingsInput
{
    [StringLength(500, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Adresse der Kartenkacheln")]
    public string? TileUrl { get; set; }

    [StringLength(200, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Quellenangabe der Karte")]
    public string? TileAttribution { get; set; }

    [StringLength(500, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Adresse des Geocoders (Nominatim-Suche)")]
    public string? GeocoderUrl { get; set; }

    private static readonly string[] Placeholders = ["{s}", "{z}", "{x}", "{y}", "{r}"];

    /// <summary>What is wrong with the input, as (field, German text key) pairs; the lengths are checked by the attributes.</summary>
    public IEnumerable<(string Field, string Problem)> Problems(GeocodingOptions options)
    {
        if (!string.IsNullOrWhiteSpace(TileUrl))
        {
            if (TileProblem(TileUrl.Trim()) is { } problem)
                yield return (nameof(TileUrl), problem);
            // Every tile server's licence asks for its name on the map: the default names OpenStreetMap, another needs its own.
            if (string.IsNullOrWhiteSpace(TileAttribution))
                yield return (nameof(TileAttribution), Texts.Key("Bitte geben Sie die Quellenangabe an, die der Kartendienst verlangt."));
        }
        // Leaflet shows the attribution as HTML: plain text only, or an administrator could put script on every map page.
        if (TileAttribution is not null && TileAttribution.IndexOfAny(['<', '>']) >= 0)
            yield return (nameof(TileAttribution), Texts.Key("Die Quellenangabe ist reiner Text: bitte ohne spitze Klammern."));
        if (!string.IsNullOrWhiteSpace(GeocoderUrl) && GeocoderProblem(GeocoderUrl.Trim(), options) is { } geocoderProblem)
            yield return (nameof(GeocoderUrl), geocoderProblem);
    }

    private static string? TileProblem(string url)
    {
        var probe = Placeholders.Aggregate(url, (u, p) => u.Replace(p, "0", StringComparison.Ordinal));
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.UserInfo.Length > 0 || uri.Host.Length == 0)
            return Texts.Key("Die Adresse der Kartenkacheln muss mit https:// beginnen.");
        if (!url.Contains("{z}", StringComparison.Ordinal) || !url.Contains("{x}", StringComparison.Ordinal) || !url.Contains("{y}", StringComparison.Ordinal))
            return Texts.Key("Die Adresse der Kartenkacheln braucht die Platzhalter {z}, {x} und {y}.");
        if (probe.IndexOfAny(['{', '}', '"', '\'', '<', '>', ' ']) >= 0)
            return Texts.Key("Erlaubte Platzhalter sind {s}, {z}, {x}, {y} und {r}.");
        return null;
    }

    /// <summary>
    /// The geocoder is called by the server: the same rules as <see cref="AddressGeocoder.Validate"/> and no
    /// internal host (the SSRF guard checks every resolved address again when it connects).
    /// </summary>
    private static string? GeocoderProblem(string url, GeocodingOptions options)
    {
        if (AddressGeocoder.Validate(url, options.AllowHttp) is not { } uri)
            return Texts.Key("Die Adresse des Geocoders muss mit https:// beginnen und darf keine Zugangsdaten enthalten.");
        var host = uri.IdnHost;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address)
                ? !OutboundAddresses.IsPublic(address, options.AllowLoopback)
                : OutboundAddresses.IsInternalName(host))
            return Texts.Key("Ein Geocoder im eigenen oder privaten Netz ist nicht erlaubt.");
        return null;
    }
}
