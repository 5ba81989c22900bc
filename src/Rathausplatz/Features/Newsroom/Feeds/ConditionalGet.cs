using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Rathausplatz.Features.Newsroom.Feeds;

/// <summary>
/// Answers feeds and calendars with ETag and Last-Modified, and 304 without a body when the client has them.
/// The ETag is a hash of the uncompressed body, so it changes exactly when the bytes do (a new post, an edit, a renamed
/// organisation, an event that has ended) and never otherwise; rendering 50 entries costs less than the query.
/// </summary>
public static class ConditionalGet
{
    public static IResult Respond(HttpContext context, byte[] body, string contentType, DateTime? lastModifiedUtc)
    {
        // Weak: the same answer also goes out brotli- or gzip-compressed (PublicAnswerCompression), other bytes
        // that mean the same; a strong tag would have to differ per encoding (RFC 9110 §8.8.3).
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"", isWeak: true);
        var headers = context.Response.Headers;
        headers.ETag = etag.ToString();
        // Readers revalidate every time: a 304 is cheap, and a new alert or event must not wait for a cache to expire.
        headers.CacheControl = "no-cache";
        DateTimeOffset? lastModified = lastModifiedUtc is { } utc
            ? new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero)
            : null;
        if (lastModified is { } modified)
            headers.LastModified = modified.ToString("r", CultureInfo.InvariantCulture);
        return NotModified(context.Request, etag, lastModified) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(body, contentType);
    }

    // RFC 9110 §13.2.2: If-None-Match decides when present (weak comparison for GET); only without it does If-Modified-Since count.
    private static bool NotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        return lastModified is { } modified
            && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && modified <= since;
    }
}
