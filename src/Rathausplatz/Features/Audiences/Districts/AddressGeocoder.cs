using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Audiences.Districts;

public sealed class GeocodingOptions
{
    public const string Section = "Geocoding";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Plain http for the geocoder: only for tests with a local fake; production geocoders must use https.</summary>
    public bool AllowHttp { get; set; }
    /// <summary>A geocoder on this machine: only for tests with a local fake (other internal addresses stay refused).</summary>
    public bool AllowLoopback { get; set; }
}

/// <summary>
/// Address → coordinates through the organisation's Nominatim-compatible geocoder. Off unless an
/// administrator configured one: no call to any third party by default. SSRF guard: the request goes
/// only to the configured URL (https, no credentials in it, no redirects followed) and only to a
/// public address (<see cref="OutboundAddresses"/>: an organisation's administrator must not reach
/// the host's network), the address is only ever a query value, the answer is capped in time and size. Addresses are never logged.
/// </summary>
public sealed class AddressGeocoder(AppDb db, IHttpClientFactory http, IOptions<GeocodingOptions> options, ILogger<AddressGeocoder> log)
{
    public const string ClientName = "geocoder";
    private const int MaxAnswerBytes = 256 * 1024;

    public async Task<Uri?> EndpointAsync(CancellationToken ct)
    {
        var configured = await db.Set<DistrictMapSettings>().AsNoTracking().Select(s => s.GeocoderUrl).FirstOrDefaultAsync(ct);
        return Validate(configured, options.Value.AllowHttp);
    }

    /// <summary>A usable geocoder URL, or null: absolute, https (http only where allowed), no user info, no fragment.</summary>
    public static Uri? Validate(string? configured, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(configured) || !Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri))
            return null;
        var scheme = uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp);
        return scheme && uri.UserInfo.Length == 0 && uri.Fragment.Length == 0 ? uri : null;
    }

    /// <summary>The first hit's coordinates, or null (off, nothing found, or the geocoder failed).</summary>
    public async Task<(double Latitude, double Longitude)?> FindAsync(string address, CancellationToken ct)
    {
        if (await EndpointAsync(ct) is not { } endpoint)
            return null;
        var separator = endpoint.Query.Length == 0 ? "?" : "&";
        var request = new Uri($"{endpoint.GetLeftPart(UriPartial.Query)}{separator}format=jsonv2&limit=1&q={Uri.EscapeDataString(address.Trim())}");
        if (request.Host != endpoint.Host || request.Port != endpoint.Port || request.Scheme != endpoint.Scheme)
            return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await http.CreateClient(ClientName).GetAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                log.LogWarning("The geocoder answered {Status}", (int)response.StatusCode);
                return null;
            }
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > MaxAnswerBytes)
                    return null;
                buffer.Write(chunk, 0, read);
            }
            using var json = JsonDocument.Parse(buffer.ToArray());
            if (json.RootElement.ValueKind != JsonValueKind.Array || json.RootElement.GetArrayLength() == 0)
                return null;
            var hit = json.RootElement[0];
            return Number(hit, "lat") is { } lat && Number(hit, "lon") is { } lon ? (lat, lon) : null;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            log.LogWarning("The geocoder could not be used: {Error}", e.GetType().Name);
            return null;
        }
    }

    // Nominatim gives "lat"/"lon" as strings; accept numbers too.
    private static double? Number(JsonElement hit, string name) =>
        hit.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            JsonValueKind.Number => value.GetDouble(),
            _ => null,
        } : null;
}
