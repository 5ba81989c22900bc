namespace Rathausplatz.Web;

/// <summary>
/// The town's wall clock (Europe/Berlin). Forms take and show local times; the database keeps UTC.
/// </summary>
public static class TownTime
{
    /// <summary>The IANA name, for formats that name the zone (iCalendar, schema.org).</summary>
    public const string ZoneId = "Europe/Berlin";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTime? ToUtc(DateTime? local) =>
        local is { } value ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), Zone) : null;

    public static DateTime? ToLocal(DateTime? utc) =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), Zone) : null;
}
