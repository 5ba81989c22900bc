using NetTopologySuite.Geometries;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Audiences.Districts;

/// <summary>
/// Which district a point (WGS 84) lies in: point-in-polygon on the districts' GeoJSON boundaries with
/// NetTopologySuite, on the server, so a map click and an address answer the same way.
/// </summary>
public sealed class DistrictLocator(AppDb db, ILogger<DistrictLocator> log)
{
    public sealed record Found(Guid Id, string Name, string Slug);

    public static bool InRange(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180;

    /// <summary>The district containing the point (its boundary included), or null.</summary>
    public async Task<Found?> AtAsync(double latitude, double longitude, CancellationToken ct)
    {
        if (!InRange(latitude, longitude))
            return null;
        var point = new Point(longitude, latitude);
        var districts = await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct);
        foreach (var district in districts)
        {
            if (BoundaryGeometry.Read(district.BoundaryGeoJson) is not { } boundary)
            {
                log.LogWarning("District {DistrictId} has a boundary that is not a GeoJSON Polygon or MultiPolygon", district.Id);
                continue;
            }
            if (boundary.Covers(point))
                return new Found(district.Id, district.Name, district.Slug);
        }
        return null;
    }
}
