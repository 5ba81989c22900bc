using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Rathausplatz.Features.Newsroom.Feeds;

/// <summary>
/// Events as iCalendar (RFC 5545): times in the town's zone with its VTIMEZONE, all-day events as DATE values.
/// DTSTAMP is the post's last change, not the time of the request, so an unchanged calendar has unchanged bytes (and ETag).
/// </summary>
public static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const string ZoneId = "Europe/Berlin";

    public static byte[] Write(string name, IReadOnlyList<FeedEntry> events, Func<FeedEntry, string> url, string host)
    {
        var calendar = new Calendar { ProductId = "-//Rathausplatz//Newsroom//DE" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", ZoneId);
        // Only the rules from the first event on: the full history of Europe/Berlin would make every file large.
        if (events.Any(e => !e.EventAllDay))
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(ZoneId, TownTime.ToLocal(events.Min(e => e.EventStart!.Value))!.Value, includeHistoricalData: false));
        foreach (var entry in events)
            calendar.Events.Add(Event(entry, url(entry), host));
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new UTF8Encoding(false).GetBytes(text);
    }

    private static CalendarEvent Event(FeedEntry entry, string url, string host)
    {
        var start = entry.EventStart!.Value;
        var item = new CalendarEvent
        {
            // Stable across edits and slug changes, unique across organisations and installations.
            Uid = $"{entry.Id}@{host}",
            Summary = entry.Title,
            Description = entry.Summary.Length > 0 ? $"{entry.Summary}\n\n{url}" : url,
            Url = new Uri(url),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(entry.UpdatedAt, DateTimeKind.Utc), "UTC"),
            LastModified = new CalDateTime(DateTime.SpecifyKind(entry.UpdatedAt, DateTimeKind.Utc), "UTC"),
        };
        if (entry.EventAllDay)
        {
            // DTEND of a DATE event is exclusive: the day after the last day.
            var first = DateOnly.FromDateTime(TownTime.ToLocal(start)!.Value);
            var last = DateOnly.FromDateTime(TownTime.ToLocal(entry.EventEnd ?? start)!.Value);
            item.DtStart = new CalDateTime(first);
            item.DtEnd = new CalDateTime((last < first ? first : last).AddDays(1));
        }
        else
        {
            item.DtStart = Local(start);
            if (entry.EventEnd is { } end)
                item.DtEnd = Local(end);
        }
        if (entry.Recurrence is { } rule)
        {
            item.RecurrenceRule = new RecurrenceRule(rule);
            // EXDATE names the occurrence's own start: the date for all-day events, else that day at the start's local time.
            var startTime = TimeOnly.FromDateTime(TownTime.ToLocal(start)!.Value);
            foreach (var day in Events.EventRecurrence.Exceptions(entry.RecurrenceExceptions))
                item.ExceptionDates.Add(entry.EventAllDay ? new CalDateTime(day) : new CalDateTime(day.ToDateTime(startTime), ZoneId));
        }
        if (entry.PlaceName is { Length: > 0 } place)
            item.Location = place;
        if (entry is { Latitude: { } latitude, Longitude: { } longitude })
            item.GeographicLocation = new GeographicLocation(latitude, longitude);
        return item;
    }

    private static CalDateTime Local(DateTime utc) => new(TownTime.ToLocal(utc)!.Value, ZoneId);
}
