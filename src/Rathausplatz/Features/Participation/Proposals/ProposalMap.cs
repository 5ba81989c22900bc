using System.Buffers;
using System.Text.Json;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Participation.Proposals;

/// <summary>
/// The proposals of a process that have a place, for the map on the process page and its list without script.
/// <c>GET /beteiligung/{slug}/vorschlaege.geojson?stadtteil=</c>: the same as a GeoJSON FeatureCollection, with the
/// list's district filter; cached like the public pages (per town, language and query), evicted by any proposal save.
/// </summary>
public static class ProposalMap
{
    public const int MaxPlaces = 1000;

    public sealed record Place(Guid Id, string Title, ProposalStatus Status, double Latitude, double Longitude);

    /// <summary>Visible proposals of the process with coordinates, newest first; an unknown district slug matches nothing.</summary>
    public static async Task<List<Place>> LoadAsync(AppDb db, Guid processId, string? districtSlug, CancellationToken ct)
    {
        var proposals = db.Set<Proposal>().AsNoTracking()
            .Where(p => p.ProcessId == processId && p.HiddenAt == null && p.Latitude != null && p.Longitude != null);
        if (!string.IsNullOrEmpty(districtSlug))
        {
            var districtId = await db.Set<District>().Where(d => d.Slug == districtSlug).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct) ?? Guid.Empty;
            proposals = proposals.Where(p => p.DistrictId == districtId);
        }
        return await proposals.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(MaxPlaces)
            .Select(p => new Place(p.Id, p.Title, p.Status, p.Latitude!.Value, p.Longitude!.Value))
            .ToListAsync(ct);
    }

    public static IEndpointRouteBuilder MapProposalMap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/beteiligung/{slug}/vorschlaege.geojson", GeoJsonAsync).AllowAnonymous().RequireRateLimiting(RateLimits.PublicReads)
            .CacheOutput(PublicPageCache.Policy).WithTags("Beteiligung")
            .WithSummary("The proposals of a published process that have a place, as GeoJSON; filter: stadtteil.");
        return app;
    }

    private static async Task<IResult> GeoJsonAsync(string slug, string? stadtteil, AppDb db, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking()
            .Where(p => p.Slug == slug && p.Published && p.ProposalsEnabled).Select(p => new { p.Id, p.Slug }).SingleOrDefaultAsync(ct);
        if (process is null)
            return Results.NotFound();
        var places = await LoadAsync(db, process.Id, stadtteil, ct);
        return Results.Bytes(GeoJson(process.Slug, places, s => text[ParticipationTexts.StatusName(s)].Value), "application/geo+json");
    }

    /// <summary>The places as a GeoJSON FeatureCollection (UTF-8), each with its title, status and page.</summary>
    public static byte[] GeoJson(string processSlug, IReadOnlyCollection<Place> places, Func<ProposalStatus, string> statusName)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + places.Count * 256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var p in places)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", p.Id);
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(p.Longitude);
                json.WriteNumberValue(p.Latitude);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("title", p.Title);
                json.WriteString("status", ParticipationTexts.StatusSlug(p.Status));
                json.WriteString("status_name", statusName(p.Status));
                json.WriteString("url", $"/beteiligung/{processSlug}/vorschlaege/{p.Id}");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
