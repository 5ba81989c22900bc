using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Rathausplatz.Features.Newsroom.Events;

public enum RepeatFrequency { None = 0, Daily = 1, Weekly = 2, Monthly = 3, Yearly = 4 }

/// <summary>One occurrence of an event: start and end (null when the event has none) in UTC, and whether it is all-day.</summary>
public sealed record Occurrence(DateTime Start, DateTime? End, bool AllDay)
{
    /// <summary>The moment it is over: its end, or for all-day events the midnight after its last day.</summary>
    public DateTime Over => AllDay ? TownTime.ToUtc(TownTime.ToLocal(End ?? Start)!.Value.Date.AddDays(1))!.Value : End ?? Start;
}

/// <summary>
/// Repeating events as RFC 5545 rules: the form's choices become an RRULE (and EXDATEs) stored on the
/// post, and Ical.Net expands them in Europe/Berlin wall time, so an event at 19:00 stays at 19:00 across
/// the change to and from summer time (its UTC time moves by an hour instead).
/// </summary>
public static class EventRecurrence
{
    /// <summary>Enough for every list and calendar; a rule without end is never expanded to its end.</summary>
    public const int MaxOccurrences = 1000;

    private static readonly string[] Days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    /// <summary>The RRULE value for the form's choices; null when the event does not repeat.</summary>
    public static string? Rule(RepeatFrequency frequency, int interval, IEnumerable<DayOfWeek> weekdays, bool monthlyByWeekday,
        DateOnly? until, int? count, DateTime localStart, bool allDay)
    {
        if (frequency == RepeatFrequency.None)
            return null;
        var parts = new List<string> { "FREQ=" + frequency.ToString().ToUpperInvariant() };
        if (interval > 1)
            parts.Add("INTERVAL=" + interval.ToString(CultureInfo.InvariantCulture));
        if (frequency == RepeatFrequency.Weekly)
        {
            var days = weekdays.Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
            parts.Add("BYDAY=" + string.Join(",", (days.Count == 0 ? [localStart.DayOfWeek] : days).Select(d => Days[(int)d])));
        }
        if (frequency == RepeatFrequency.Monthly && monthlyByWeekday)
        {
            // "The second Tuesday"; a start in the month's last seven days means "the last Tuesday", which every month has.
            var nth = localStart.AddDays(7).Month != localStart.Month ? -1 : (localStart.Day - 1) / 7 + 1;
            parts.Add("BYDAY=" + nth.ToString(CultureInfo.InvariantCulture) + Days[(int)localStart.DayOfWeek]);
        }
        if (count is { } times)
            parts.Add("COUNT=" + times.ToString(CultureInfo.InvariantCulture));
        else if (until is { } last)
        {
            // RFC 5545: UNTIL is a DATE for DATE starts, else UTC; the last day counts in full.
            parts.Add("UNTIL=" + (allDay
                ? last.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                : TownTime.ToUtc(last.ToDateTime(new TimeOnly(23, 59, 59)))!.Value.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)));
        }
        return string.Join(";", parts);
    }

    /// <summary>The parts of a stored rule, for the form (NAME=value pairs; the rule was written by <see cref="Rule"/>).</summary>
    public static Dictionary<string, string> Parts(string? rule) =>
        (rule ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].ToUpperInvariant(), p => p[1], StringComparer.Ordinal);

    public static DayOfWeek? Weekday(string code)
    {
        var index = Array.IndexOf(Days, code.Length >= 2 ? code[^2..] : code);
        return index < 0 ? null : (DayOfWeek)index;
    }

    /// <summary>Exception dates as stored: local dates, "yyyy-MM-dd", comma-separated.</summary>
    public static List<DateOnly> Exceptions(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? (DateOnly?)date : null)
            .OfType<DateOnly>().ToList();

    /// <summary>Parses what an editor typed: dates like 24.12.2026 or 2026-12-24, separated by commas, semicolons or lines.</summary>
    public static (List<DateOnly> Dates, string? Invalid) ParseTyped(string? text)
    {
        var dates = new List<DateOnly>();
        foreach (var item in (text ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DateOnly.TryParseExact(item, ["yyyy-MM-dd", "d.M.yyyy", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return (dates, item);
            dates.Add(date);
        }
        return (dates.Distinct().Order().ToList(), null);
    }

    /// <summary>
    /// The event's occurrences not over before <paramref name="fromUtc"/>, soonest first, at most <paramref name="limit"/>.
    /// A post without a rule has its one occurrence.
    /// </summary>
    public static IEnumerable<Occurrence> Occurrences(Post post, DateTime fromUtc, int limit = MaxOccurrences)
    {
        if (post.EventStart is not { } startUtc)
            yield break;
        if (string.IsNullOrEmpty(post.Recurrence))
        {
            var single = new Occurrence(startUtc, post.EventEnd, post.EventAllDay);
            if (single.Over > fromUtc)
                yield return single;
            yield break;
        }
        var localStart = TownTime.ToLocal(startUtc)!.Value;
        var localEnd = TownTime.ToLocal(post.EventEnd);
        var calendarEvent = new CalendarEvent();
        calendarEvent.RecurrenceRule = new RecurrenceRule(post.Recurrence);
        if (post.EventAllDay)
        {
            calendarEvent.DtStart = new CalDateTime(DateOnly.FromDateTime(localStart));
            foreach (var day in Exceptions(post.RecurrenceExceptions))
                calendarEvent.ExceptionDates.Add(new CalDateTime(day));
        }
        else
        {
            calendarEvent.DtStart = new CalDateTime(localStart, TownTime.ZoneId);
            foreach (var day in Exceptions(post.RecurrenceExceptions))
                calendarEvent.ExceptionDates.Add(new CalDateTime(day.ToDateTime(TimeOnly.FromDateTime(localStart)), TownTime.ZoneId));
        }
        // Each occurrence keeps the wall-clock length of the first (a two-hour evening stays two hours on the clock).
        var length = localEnd - localStart;
        // Start the search a little early: an occurrence that began before fromUtc may still be running.
        var searchFromUtc = fromUtc <= startUtc.AddDays(1) + (length ?? TimeSpan.Zero) ? startUtc : fromUtc.AddDays(-1) - (length ?? TimeSpan.Zero);
        var searchFrom = TownTime.ToLocal(searchFromUtc)!.Value;
        var from = post.EventAllDay ? new CalDateTime(DateOnly.FromDateTime(searchFrom)) : new CalDateTime(searchFrom, TownTime.ZoneId);
        var found = 0;
        foreach (var occurrence in calendarEvent.GetOccurrences(from, null))
        {
            var wall = occurrence.Period.StartTime.Value;
            var start = TownTime.ToUtc(wall)!.Value;
            var end = length is { } span ? TownTime.ToUtc(wall + span) : null;
            var item = new Occurrence(start, end, post.EventAllDay);
            if (item.Over <= fromUtc)
                continue;
            yield return item;
            if (++found >= limit)
                yield break;
        }
    }

    /// <summary>
    /// Sets the columns lists query: the next occurrence not yet over, and when the last one is over
    /// (null: it repeats without end). Called on save and by <see cref="AdvanceEventOccurrences"/>.
    /// </summary>
    public static void Recompute(Post post, DateTime nowUtc)
    {
        if (post.Type != PostType.Event || post.EventStart is null)
        {
            (post.NextOccurrenceStart, post.NextOccurrenceEnd, post.OccursUntil) = (null, null, null);
            return;
        }
        var parts = Parts(post.Recurrence);
        var bounded = string.IsNullOrEmpty(post.Recurrence) || parts.ContainsKey("COUNT") || parts.ContainsKey("UNTIL");
        // Without an end only the next one matters; expanding up to MaxOccurrences on every save would be waste.
        var coming = Occurrences(post, nowUtc, limit: bounded ? MaxOccurrences : 1).ToList();
        // When all are over, lists that show past events show the last one.
        var next = coming.FirstOrDefault() ?? (bounded ? Occurrences(post, DateTime.MinValue).LastOrDefault() : null);
        DateTime? until = null;
        if (bounded)
        {
            until = coming.Count > 0 ? coming[^1].Over : next?.Over ?? post.EventEnd ?? post.EventStart;
            // A far UNTIL may hold more occurrences than are expanded: then the UNTIL day bounds it.
            if (coming.Count >= MaxOccurrences && parts.TryGetValue("UNTIL", out var last) && last.Length >= 8
                && DateOnly.TryParseExact(last[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                until = TownTime.ToUtc(day.AddDays(2).ToDateTime(TimeOnly.MinValue));
        }
        post.NextOccurrenceStart = next?.Start ?? post.EventStart;
        post.NextOccurrenceEnd = next is null ? post.EventEnd : next.End;
        post.OccursUntil = until;
    }
}
