using NetTopologySuite.Geometries;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences.Districts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports;

/// <summary>
/// Where the organisation takes reports, and in which district a point lies. The area is the configured
/// boundary (<see cref="ReportSettings.BoundaryGeoJson"/>) or else the union of the districts; an
/// organisation with neither takes reports anywhere (a fresh install must work before districts exist).
/// </summary>
public sealed class ReportArea(AppDb db, DistrictLocator districts, ILogger<ReportArea> log)
{
    public sealed record Placement(bool Inside, DistrictLocator.Found? District);

    public async Task<Placement> PlaceAsync(double latitude, double longitude, ReportSettings settings, CancellationToken ct)
    {
        var district = await districts.AtAsync(latitude, longitude, ct);
        if (Boundary(settings.BoundaryGeoJson) is { } boundary)
            return new(boundary.Covers(new Point(longitude, latitude)), district);
        if (district is not null)
            return new(true, district);
        return new(!await db.Set<District>().AnyAsync(ct), null);
    }

    private Geometry? Boundary(string? geoJson)
    {
        if (string.IsNullOrWhiteSpace(geoJson))
            return null;
        if (BoundaryGeometry.Read(geoJson) is { } boundary)
            return boundary;
        // A broken boundary must not close reporting: fall back to the districts, and tell the operator.
        log.LogWarning("The report area boundary is not a GeoJSON Polygon or MultiPolygon; the districts are used instead");
        return null;
    }
}
