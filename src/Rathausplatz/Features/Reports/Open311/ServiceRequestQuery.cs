using System.Globalization;

namespace Rathausplatz.Features.Reports.Open311;

/// <summary>
/// Checks the query of <c>GET requests</c>: the specification's service_request_id, service_code, status,
/// start_date and end_date (a span of at most 90 days; without dates the last 90), and our extensions
/// bbox, page and page_size. Every mistake becomes one Open311 error, in the caller's language.
/// </summary>
public static class ServiceRequestQuery
{
    public const int DefaultPageSize = 100;
    /// <summary>The specification's own ceiling ("first 1000 requests").</summary>
    public const int MaxPageSize = 1000;
    public const int MaxPage = 10_000;
    public const int MaxDays = 90;
    private const int MaxListItems = 100;

    public sealed record Raw(string? Ids, string? ServiceCodes, string? Status, string? StartDate, string? EndDate, string? Box, string? Page, string? PageSize);

    public static (ServiceRequestFilter? Filter, List<Open311Error> Errors) Parse(Raw raw, DateTime now, IStringLocalizer<SharedResource> text)
    {
        var errors = new List<Open311Error>();
        var pageSize = Integer(raw.PageSize, DefaultPageSize, MaxPageSize, errors, text["page_size muss eine ganze Zahl von 1 bis {0} sein.", MaxPageSize]);
        var page = Integer(raw.Page, 1, MaxPage, errors, text["page muss eine ganze Zahl von 1 bis {0} sein.", MaxPage]);

        var ids = List(raw.Ids);
        if (ids?.Count > MaxListItems)
            errors.Add(Open311Error.BadRequest(text["Höchstens {0} Werte je Parameter.", MaxListItems]));
        if (ids is not null)
        {
            // The specification: service_request_id overrides every other argument.
            return errors.Count > 0 ? (null, errors)
                : (new ServiceRequestFilter { Ids = ids.Select(ReportIds.Normalize).ToList(), Page = page, PageSize = pageSize }, errors);
        }

        var codes = List(raw.ServiceCodes);
        if (codes?.Count > MaxListItems)
            errors.Add(Open311Error.BadRequest(text["Höchstens {0} Werte je Parameter.", MaxListItems]));

        bool? open = null;
        if (List(raw.Status) is { } statuses)
        {
            if (statuses.Any(s => s is not ("open" or "closed")))
                errors.Add(Open311Error.BadRequest(text["status darf nur open oder closed sein (mehrere durch Komma getrennt)."]));
            else if (statuses.Distinct().Count() == 1)
                open = statuses[0] == "open";
        }

        var start = Date(raw.StartDate, errors, text);
        var end = Date(raw.EndDate, errors, text);
        var span = TimeSpan.FromDays(MaxDays);
        if (start is { } s && end is { } e)
        {
            if (e < s)
                errors.Add(Open311Error.BadRequest(text["end_date liegt vor start_date."]));
            else if (e - s > span)
                errors.Add(Open311Error.BadRequest(text["Der Zeitraum von start_date bis end_date darf höchstens {0} Tage umfassen.", MaxDays]));
        }
        else if (start is { } onlyStart)
            end = onlyStart + span;
        else if (end is { } onlyEnd)
            start = onlyEnd - span;
        else if (raw.StartDate is null or "" && raw.EndDate is null or "")
            start = now - span;

        var box = Box(raw.Box, errors, text);
        return errors.Count > 0 ? (null, errors) : (new ServiceRequestFilter
        {
            ServiceCodes = codes, Open = open, From = start, Until = end, Box = box, Page = page, PageSize = pageSize,
        }, errors);
    }

    private static List<string>? List(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var items = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        return items.Count == 0 ? null : items;
    }

    private static int Integer(string? value, int fallback, int max, List<Open311Error> errors, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
            return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max)
            return n;
        errors.Add(Open311Error.BadRequest(message));
        return fallback;
    }

    /// <summary>The W3C date-time profile with a time zone, as the specification requires ("2010-01-01T00:00:00Z").</summary>
    private static DateTime? Date(string? value, List<Open311Error> errors, IStringLocalizer<SharedResource> text)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
        var trimmed = value.Trim();
        // Without a zone the instant is unknown; the specification says it must be given.
        if ((trimmed.EndsWith('Z') || trimmed.Length > 6 && trimmed[^6] is '+' or '-')
            && DateTimeOffset.TryParseExact(trimmed, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return parsed.UtcDateTime;
        errors.Add(Open311Error.BadRequest(text["start_date und end_date müssen Zeitpunkte mit Zeitzone sein, zum Beispiel 2026-01-01T00:00:00Z."]));
        return null;
    }

    private static BoundingBox? Box(string? value, List<Open311Error> errors, IStringLocalizer<SharedResource> text)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var parts = value.Split(',');
        var numbers = parts.Select(p => double.TryParse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : (double?)null).ToList();
        if (numbers is [{ } west, { } south, { } east, { } north]
            && west is >= -180 and <= 180 && east is >= -180 and <= 180 && south is >= -90 and <= 90 && north is >= -90 and <= 90
            && west <= east && south <= north)
            return new BoundingBox(west, south, east, north);
        errors.Add(Open311Error.BadRequest(text["bbox braucht vier Zahlen: West, Süd, Ost, Nord (WGS 84, Länge und Breite, West ≤ Ost, Süd ≤ Nord)."]));
        return null;
    }
}
