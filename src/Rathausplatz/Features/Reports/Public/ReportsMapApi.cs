using System.Globalization;
using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Reports.Public;

/// <summary>
/// <c>GET /api/v1/reports.geojson</c>: the reports for the public map as a GeoJSON FeatureCollection,
/// for a bounding box and the list's filters; at most <see cref="MaxFeatures"/>, newest first.
/// <c>GET /meldungen/foto/{id}/{width}-{hash}.{webp|jpg}</c>: a photo variant, only once released (staff see all); the one
/// public address of a photo, which Open311's <c>media_url</c> names too.
/// </summary>
public static partial class ReportsMapApi
{
    public const int MaxFeatures = 1000;

    public static IEndpointRouteBuilder MapReportsMapApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports.geojson", MapAsync).AllowAnonymous().RequireRateLimiting(RateLimits.PublicReads).CacheOutput(PublicPageCache.Policy).WithTags("Meldungen")
            .WithSummary("Reports in a bounding box (bbox=west,south,east,north) as GeoJSON; filters: kategorie, status, stadtteil, von, bis.");
        app.MapGet("/meldungen/foto/{id:guid}/{file}", PhotoAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> MapAsync(string? bbox, string? kategorie, string? status, string? stadtteil, string? von, string? bis,
        PublicReports reports, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var box = ReportFilter.ParseBox(bbox);
        if (bbox is not null && box is null)
            return TypedResults.Problem(statusCode: 400, title: text["Der Kartenausschnitt (bbox) muss vier Zahlen enthalten: West, Süd, Ost, Nord."]);
        DateOnly? from = null, to = null;
        if ((von is not null && !TryDate(von, out from)) || (bis is not null && !TryDate(bis, out to)))
            return TypedResults.Problem(statusCode: 400, title: text["Bitte geben Sie Datumsangaben als JJJJ-MM-TT an."]);
        var filter = new ReportFilter(kategorie, status, stadtteil, from, to, box);
        var found = await reports.MapAsync(filter, MaxFeatures, ct);
        return Results.Bytes(GeoJson(found, status => text[ReportTexts.StatusName(status)].Value), "application/geo+json");
    }

    /// <summary>The points as a GeoJSON FeatureCollection (UTF-8); <paramref name="statusName"/> names a status in the reader's language.</summary>
    /// <remarks>Written straight with <see cref="Utf8JsonWriter"/>, without a tree of up to 1,000 features in memory first.</remarks>
    public static byte[] GeoJson(IReadOnlyCollection<MapReport> found, Func<ReportStatus, string> statusName)
    {
        var names = ReportStatuses.All.ToDictionary(s => s, statusName);
        var buffer = new ArrayBufferWriter<byte>(256 + found.Count * 320);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var r in found)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", r.PublicId);
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(r.Longitude);
                json.WriteNumberValue(r.Latitude);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("id", r.PublicId);
                json.WriteString("category", r.Category);
                json.WriteString("category_code", r.CategoryCode);
                json.WriteString("status", ReportTexts.StatusSlug(r.Status));
                json.WriteString("status_name", names[r.Status]);
                json.WriteBoolean("open", r.Status.IsOpen());
                json.WriteString("requested", r.RequestedAt.ToString("O", CultureInfo.InvariantCulture));
                json.WriteString("url", $"/meldungen/{r.PublicId}");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static bool TryDate(string value, out DateOnly? date)
    {
        var ok = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d);
        date = ok ? d : null;
        return ok;
    }

    private static async Task<IResult> PhotoAsync(Guid id, string file, HttpContext context, AppDb db, IAuthorizationService authorization, CancellationToken ct)
    {
        var match = PhotoFile().Match(file);
        if (!match.Success)
            return Results.NotFound();
        var width = int.Parse(match.Groups["width"].ValueSpan, provider: CultureInfo.InvariantCulture);
        var hash = match.Groups["hash"].Value;
        var contentType = match.Groups["ext"].Value == "webp" ? "image/webp" : "image/jpeg";
        var found = await (from v in db.Set<ReportPhotoVariant>()
                           join p in db.Set<ReportPhoto>() on v.PhotoId equals p.Id
                           where p.Id == id && v.Width == width && v.Hash == hash && v.ContentType == contentType
                           select new { v.Bytes, p.ReleasedAt }).AsNoTracking().SingleOrDefaultAsync(ct);
        if (found is null)
            return Results.NotFound();
        if (found.ReleasedAt is null)
        {
            // Unreleased photos may show faces or number plates: staff only, and never cached anywhere.
            if (!(await authorization.AuthorizeAsync(context.User, Policies.Staff)).Succeeded)
                return Results.NotFound();
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(found.Bytes, contentType);
        }
        // The bytes behind a URL never change (the hash is in it), but staff may withhold a released photo again
        // (a face, a number plate): caches keep it an hour at most, then ask again (ETag: a cheap 304, or now 404).
        context.Response.Headers.CacheControl = $"public, max-age={(int)ReleasedPhotoMaxAge.TotalSeconds}";
        return Results.File(found.Bytes, contentType, entityTag: new EntityTagHeaderValue($"\"{hash}\""));
    }

    /// <summary>How long browsers and proxies may show a released photo without asking again.</summary>
    public static readonly TimeSpan ReleasedPhotoMaxAge = TimeSpan.FromHours(1);

    /// <summary>The URL of one variant.</summary>
    public static string Url(Guid photoId, int width, string hash, string contentType) =>
        $"/meldungen/foto/{photoId}/{width.ToString(CultureInfo.InvariantCulture)}-{hash}.{(contentType == "image/webp" ? "webp" : "jpg")}";

    [GeneratedRegex("^(?<width>[0-9]{1,5})-(?<hash>[0-9a-f]{16})\\.(?<ext>webp|jpg)$")]
    private static partial Regex PhotoFile();
}
