using System.Globalization;
using System.Text.Json.Nodes;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Audiences.Districts;

/// <summary>
/// <c>GET /api/v1/districts/at?lat=&amp;lon=</c> (or <c>?adresse=</c>): the district at a point, for the
/// map on the subscription pages and for apps. <c>GET /api/v1/districts</c>: the boundaries as GeoJSON.
/// </summary>
public static class DistrictApi
{
    public sealed record DistrictAnswer(Guid Id, string Name, string Slug);

    public static IEndpointRouteBuilder MapDistrictApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/districts/at", At).AllowAnonymous().RequireRateLimiting(RateLimits.Accounts).WithTags("Stadtteile")
            .WithSummary("The district at a point (lat/lon, WGS 84) or at an address, if the organisation configured a geocoder.");
        app.MapGet("/api/v1/districts", Boundaries).AllowAnonymous().WithTags("Stadtteile")
            .WithSummary("The districts with their boundaries, as a GeoJSON FeatureCollection.");
        return app;
    }

    public sealed record Lookup(DistrictLocator.Found? District, int Status, string? Problem);

    /// <summary>Shared by the API and the no-script page: coordinates, or an address through the geocoder.</summary>
    public static async Task<Lookup> LookUpAsync(string? lat, string? lon, string? address, DistrictLocator locator, AddressGeocoder geocoder,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        double latitude, longitude;
        if (!string.IsNullOrWhiteSpace(address))
        {
            if (address.Length > 300)
                return new(null, 400, text["Die Adresse ist zu lang."]);
            if (await geocoder.EndpointAsync(ct) is null)
                return new(null, 404, text["Die Suche nach Adressen ist hier nicht eingerichtet. Bitte wählen Sie den Stadtteil aus der Liste."]);
            if (await geocoder.FindAsync(address, ct) is not { } found)
                return new(null, 404, text["Zu dieser Adresse haben wir keinen Ort gefunden."]);
            (latitude, longitude) = found;
        }
        else if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out latitude)
                 || !double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out longitude))
        {
            return new(null, 400, text["Bitte geben Sie Breite (lat) und Länge (lon) als Zahlen an, oder eine Adresse."]);
        }
        if (!DistrictLocator.InRange(latitude, longitude))
            return new(null, 400, text["Die Koordinaten liegen außerhalb des gültigen Bereichs (Breite −90 bis 90, Länge −180 bis 180)."]);
        var district = await locator.AtAsync(latitude, longitude, ct);
        return district is null ? new(null, 400, text["Dieser Ort liegt in keinem unserer Stadtteile."]) : new(district, 200, null);
    }

    private static async Task<IResult> At(string? lat, string? lon, string? adresse, DistrictLocator locator, AddressGeocoder geocoder,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var result = await LookUpAsync(lat, lon, adresse, locator, geocoder, text, ct);
        return result.District is { } d
            ? TypedResults.Ok(new DistrictAnswer(d.Id, d.Name, d.Slug))
            : TypedResults.Problem(statusCode: result.Status, title: result.Problem, detail: result.Problem);
    }

    private static async Task<IResult> Boundaries(AppDb db, CancellationToken ct)
    {
        var districts = await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
        var features = new JsonArray();
        foreach (var district in districts)
        {
            JsonNode? geometry;
            try
            {
                geometry = JsonNode.Parse(district.BoundaryGeoJson);
            }
            catch (System.Text.Json.JsonException)
            {
                continue;
            }
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["id"] = district.Id.ToString(),
                ["geometry"] = geometry,
                ["properties"] = new JsonObject { ["id"] = district.Id.ToString(), ["name"] = district.Name, ["slug"] = district.Slug },
            });
        }
        var collection = new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
        return Results.Text(collection.ToJsonString(), "application/geo+json");
    }
}
