using Microsoft.Extensions.Options;

namespace Rathausplatz.Features.Audiences.Districts;

public static class DistrictsSetup
{
    public static WebApplicationBuilder AddDistrictChoice(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<GeocodingOptions>(builder.Configuration.GetSection(GeocodingOptions.Section));
        builder.Services.AddScoped<DistrictLocator>();
        builder.Services.AddScoped<AddressGeocoder>();
        builder.Services.AddHttpClient(AddressGeocoder.ClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("Rathausplatz/1.0"))
            // A redirect could lead anywhere: the geocoder gets exactly one request, and only on a public address.
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                ConnectCallback = OutboundAddresses.Connect(services.GetRequiredService<IOptions<GeocodingOptions>>().Value.AllowLoopback),
            });
        return builder;
    }
}

/// <summary>What the district finder above a choice form shows: the map (tiles) and, if configured, the address search.</summary>
public sealed record DistrictFinder(string TileUrl, string Attribution, bool AddressSearch)
{
    public static async Task<DistrictFinder> LoadAsync(Data.AppDb db, CancellationToken ct)
    {
        var settings = await db.Set<DistrictMapSettings>().AsNoTracking().FirstOrDefaultAsync(ct);
        return new(settings?.TileUrl ?? DistrictMapSettings.DefaultTileUrl,
            settings?.TileAttribution ?? DistrictMapSettings.DefaultAttribution,
            !string.IsNullOrWhiteSpace(settings?.GeocoderUrl));
    }

    /// <summary>The tile server's origin, for the page's img-src.</summary>
    public string? TileOrigin => Uri.TryCreate(TileUrl.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0"), UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps ? uri.GetLeftPart(UriPartial.Authority) : null;
}
