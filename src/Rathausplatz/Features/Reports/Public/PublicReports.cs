using System.Globalization;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports.Public;

/// <summary>
/// The filters of the public list, the map and (for the API) requests.json: category code, status
/// (a status slug, or "offen"/"geschlossen"), district slug, received from/until (dates in town time),
/// and a bounding box (west, south, east, north).
/// </summary>
public sealed record ReportFilter(string? Category = null, string? Status = null, string? District = null,
    DateOnly? From = null, DateOnly? To = null, (double West, double South, double East, double North)? Box = null)
{
    /// <summary>"w,s,e,n" in degrees (the order of GeoJSON and Leaflet's toBBoxString); null when absent or malformed.</summary>
    public static (double, double, double, double)? ParseBox(string? bbox)
    {
        if (string.IsNullOrWhiteSpace(bbox) || bbox.Split(',') is not [var w, var s, var e, var n])
            return null;
        static double? D(string v) => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
        if (D(w) is not { } west || D(s) is not { } south || D(e) is not { } east || D(n) is not { } north
            || south > north || west > east || south < -90 || north > 90 || west < -180 || east > 180)
            return null;
        return (west, south, east, north);
    }
}

/// <summary>A report as the public sees it: no reporter, no internal notes, no unreleased photos.</summary>
public sealed record PublicReport(Guid Id, string PublicId, string Category, string CategoryCode, ReportStatus Status, string Description,
    double Latitude, double Longitude, string? Address, string? District, DateTime RequestedAt, DateTime UpdatedAt, DateTime? ExpectedAt,
    int SupportCount);

/// <summary>A report as a point on the public map: what a marker and its popup show, nothing more.</summary>
public sealed record MapReport(string PublicId, string Category, string CategoryCode, ReportStatus Status, double Latitude, double Longitude, DateTime RequestedAt);

public sealed class PublicReports(AppDb db)
{
    public IQueryable<Report> Filtered(ReportFilter filter)
    {
        var query = db.Set<Report>().AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Category))
            query = query.Where(r => db.Set<ReportCategory>().Any(c => c.Id == r.CategoryId && c.Code == filter.Category));
        if (filter.Status == "offen")
            query = query.Where(r => r.Status == ReportStatus.Received || r.Status == ReportStatus.InProgress);
        else if (filter.Status == "geschlossen")
            query = query.Where(r => r.Status != ReportStatus.Received && r.Status != ReportStatus.InProgress);
        else if (ReportTexts.StatusFromSlug(filter.Status) is { } status)
            query = query.Where(r => r.Status == status);
        if (!string.IsNullOrEmpty(filter.District))
            query = query.Where(r => db.Set<District>().Any(d => d.Id == r.DistrictId && d.Slug == filter.District));
        if (TownTime.ToUtc(filter.From?.ToDateTime(TimeOnly.MinValue)) is { } from)
            query = query.Where(r => r.RequestedAt >= from);
        if (TownTime.ToUtc(filter.To?.AddDays(1).ToDateTime(TimeOnly.MinValue)) is { } until)
            query = query.Where(r => r.RequestedAt < until);
        if (filter.Box is var (west, south, east, north))
            query = query.Where(r => r.Latitude >= south && r.Latitude <= north && r.Longitude >= west && r.Longitude <= east);
        return query;
    }

    public IQueryable<PublicReport> Project(IQueryable<Report> reports) =>
        from r in reports
        join c in db.Set<ReportCategory>() on r.CategoryId equals c.Id
        join d in db.Set<District>() on r.DistrictId equals d.Id into districts
        from d in districts.DefaultIfEmpty()
        select new PublicReport(r.Id, r.PublicId, c.Name, c.Code, r.Status, r.Description, r.Latitude, r.Longitude, r.Address,
            d == null ? null : d.Name, r.RequestedAt, r.UpdatedAt, r.ExpectedAt, r.SupportCount);

    /// <summary>
    /// The map's points: the newest <paramref name="max"/> of the filter, only the columns a marker needs, so that
    /// for a bounding box the covering index on the position answers without reading the reports themselves.
    /// </summary>
    public Task<List<MapReport>> MapAsync(ReportFilter filter, int max, CancellationToken ct) =>
        (from r in Filtered(filter)
         join c in db.Set<ReportCategory>() on r.CategoryId equals c.Id
         orderby r.RequestedAt descending
         select new MapReport(r.PublicId, c.Name, c.Code, r.Status, r.Latitude, r.Longitude, r.RequestedAt)).Take(max).ToListAsync(ct);

    /// <summary>Open reports of the category within about <paramref name="meters"/> of the point, nearest first.</summary>
    public async Task<List<PublicReport>> NearbyOpenAsync(Guid categoryId, double latitude, double longitude, CancellationToken ct, double meters = 150)
    {
        var dLat = meters / 111_320.0;
        var dLon = meters / (111_320.0 * Math.Max(0.01, Math.Cos(latitude * Math.PI / 180)));
        var candidates = await Project(db.Set<Report>().AsNoTracking().Where(r => r.CategoryId == categoryId
                && (r.Status == ReportStatus.Received || r.Status == ReportStatus.InProgress)
                && r.Latitude >= latitude - dLat && r.Latitude <= latitude + dLat
                && r.Longitude >= longitude - dLon && r.Longitude <= longitude + dLon)
            .OrderByDescending(r => r.RequestedAt).Take(50)).ToListAsync(ct);
        return candidates.OrderBy(r => Math.Pow(r.Latitude - latitude, 2) + Math.Pow((r.Longitude - longitude) * Math.Cos(latitude * Math.PI / 180), 2))
            .Take(5).ToList();
    }
}
