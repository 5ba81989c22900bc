using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports.Open311;

/// <summary>A rectangle in WGS 84 (the <c>bbox</c> extension: west, south, east, north, as in GeoJSON).</summary>
public sealed record BoundingBox(double West, double South, double East, double North);

/// <summary>What <c>GET requests</c> asks for, already checked (<see cref="ServiceRequestQuery"/>).</summary>
public sealed record ServiceRequestFilter
{
    /// <summary>Public ids; when given, every other filter is ignored (the specification's rule).</summary>
    public IReadOnlyList<string>? Ids { get; init; }
    public IReadOnlyList<string>? ServiceCodes { get; init; }
    /// <summary>null: open and closed.</summary>
    public bool? Open { get; init; }
    public DateTime? From { get; init; }
    public DateTime? Until { get; init; }
    public BoundingBox? Box { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = ServiceRequestQuery.DefaultPageSize;
}

/// <summary>
/// One service request as everybody may see it. Deliberately without the reporter (address, account,
/// language, secret) and without unreleased photos: this is what GET answers carry, and nothing more.
/// </summary>
public sealed record PublicServiceRequest(
    string Id, ReportStatus Status, string? StatusNote, string ServiceName, string ServiceCode, string Description,
    string? Agency, DateTime RequestedAt, DateTime UpdatedAt, DateTime? ExpectedAt, string? Address,
    double Latitude, double Longitude, Guid? ReleasedPhotoId)
{
    /// <summary>The <c>media_url</c> without the origin: the largest JPEG of <see cref="ReleasedPhotoId"/> at its public address.</summary>
    public string? MediaPath { get; init; }
}

/// <summary>
/// The query behind <c>GET requests</c> and <c>GET requests/{id}</c> (and the map's bounding box): newest
/// first, one page, projected in SQL to <see cref="PublicServiceRequest"/>. The indexes it relies on are in
/// <see cref="ReportConfiguration"/>; <c>bench/reports</c> measures it at 100,000 reports.
/// </summary>
public sealed class FindServiceRequests(AppDb db)
{
    /// <summary>One page, plus whether a further page exists.</summary>
    public async Task<(IReadOnlyList<PublicServiceRequest> Items, bool More)> RunAsync(ServiceRequestFilter filter, CancellationToken ct)
    {
        var reports = db.Set<Report>().AsNoTracking();
        if (filter.Ids is { } ids)
        {
            reports = reports.Where(r => ids.Contains(r.PublicId));
        }
        else
        {
            if (filter.ServiceCodes is { } codes)
            {
                var categories = await db.Set<ReportCategory>().Where(c => codes.Contains(c.Code)).Select(c => c.Id).ToListAsync(ct);
                reports = reports.Where(r => categories.Contains(r.CategoryId));
            }
            if (filter.Open is { } open)
                reports = open
                    ? reports.Where(r => r.Status == ReportStatus.Received || r.Status == ReportStatus.InProgress)
                    : reports.Where(r => r.Status != ReportStatus.Received && r.Status != ReportStatus.InProgress);
            if (filter.From is { } from)
                reports = reports.Where(r => r.RequestedAt >= from);
            if (filter.Until is { } until)
                reports = reports.Where(r => r.RequestedAt <= until);
            if (filter.Box is { } box)
                reports = reports.Where(r => r.Latitude >= box.South && r.Latitude <= box.North && r.Longitude >= box.West && r.Longitude <= box.East);
        }
        // The page's ids first (for a bounding box from the covering index alone, without reading a report), then
        // the records of just those: filtering, sorting and the notes, department and photo per row do not mix.
        var found = await reports.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize + 1).Select(r => r.Id).ToListAsync(ct);
        var pageIds = found.Take(filter.PageSize).ToList();
        var records = await Project(db.Set<Report>().AsNoTracking().Where(r => pageIds.Contains(r.Id))).ToDictionaryAsync(p => p.Key, p => p.Request, ct);
        // A report deleted between the two queries is left out rather than failing the answer.
        var page = pageIds.Where(records.ContainsKey).Select(id => records[id]).ToList();
        return (await WithMediaAsync(page, ct), found.Count > filter.PageSize);
    }

    public async Task<PublicServiceRequest?> ByIdAsync(string publicId, CancellationToken ct) =>
        await Project(db.Set<Report>().AsNoTracking().Where(r => r.PublicId == publicId)).FirstOrDefaultAsync(ct) is { } found
            ? (await WithMediaAsync([found.Request], ct))[0]
            : null;

    /// <summary>
    /// The public address (<see cref="Public.ReportsMapApi.Url"/>) of the largest JPEG of each photo, for released
    /// photos only. A second query rather than a nested one in the projection: SQLite cannot run that (no APPLY).
    /// </summary>
    public async Task<Dictionary<Guid, string>> MediaPathsAsync(IReadOnlyCollection<Guid> photoIds, CancellationToken ct)
    {
        if (photoIds.Count == 0)
            return [];
        var variants = await (from v in db.Set<ReportPhotoVariant>()
                              join p in db.Set<ReportPhoto>() on v.PhotoId equals p.Id
                              where photoIds.Contains(p.Id) && p.ReleasedAt != null && v.ContentType == "image/jpeg"
                              select new { v.PhotoId, v.Width, v.Hash }).AsNoTracking().ToListAsync(ct);
        return variants.GroupBy(v => v.PhotoId).Select(g => g.MaxBy(v => v.Width)!)
            .ToDictionary(v => v.PhotoId, v => Public.ReportsMapApi.Url(v.PhotoId, v.Width, v.Hash, "image/jpeg"));
    }

    private async Task<List<PublicServiceRequest>> WithMediaAsync(List<PublicServiceRequest> requests, CancellationToken ct)
    {
        var paths = await MediaPathsAsync(requests.Select(r => r.ReleasedPhotoId).OfType<Guid>().Distinct().ToList(), ct);
        return requests.Select(r => r.ReleasedPhotoId is { } photo && paths.TryGetValue(photo, out var path) ? r with { MediaPath = path } : r).ToList();
    }

    private IQueryable<Keyed> Project(IQueryable<Report> reports) =>
        from r in reports
        join c in db.Set<ReportCategory>() on r.CategoryId equals c.Id
        select new Keyed(r.Id, new PublicServiceRequest(
            r.PublicId,
            r.Status,
            // The latest public word from staff explains the status; internal notes never leave the back office.
            db.Set<ReportUpdate>().Where(u => u.ReportId == r.Id && u.Public && u.Text != null).OrderByDescending(u => u.At).Select(u => u.Text).FirstOrDefault(),
            c.Name,
            c.Code,
            r.Description,
            db.Set<Department>().Where(d => d.Id == r.DepartmentId).Select(d => d.Name).FirstOrDefault(),
            r.RequestedAt,
            r.UpdatedAt,
            r.ExpectedAt,
            r.Address,
            r.Latitude,
            r.Longitude,
            // Only photos staff released (faces, number plates checked); the first of them.
            db.Set<ReportPhoto>().Where(p => p.ReportId == r.Id && p.ReleasedAt != null).OrderBy(p => p.Position).Select(p => (Guid?)p.Id).FirstOrDefault()));

    private sealed record Keyed(Guid Key, PublicServiceRequest Request);
}
