using Rathausplatz.Features.Newsroom.Events;

namespace Rathausplatz.Features.Newsroom.Public;

/// <summary>One event on one day of the calendar: its time on that day (null: all day, or it began on an earlier day).</summary>
public sealed record CalendarEntry(string Slug, string Title, string Language, DateTime? Start, bool ContinuesFromBefore, bool Recurring);

/// <summary>
/// Lays events out on the days of a month in the town's time: a repeating event on each of its
/// occurrence days, an event over several days on each of them.
/// </summary>
public static class EventMonth
{
    public static SortedDictionary<DateOnly, List<CalendarEntry>> Days(DateOnly month, IEnumerable<(Post Post, string Title, string Language)> events)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var fromUtc = TownTime.ToUtc(first.ToDateTime(TimeOnly.MinValue))!.Value;
        var untilUtc = TownTime.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue))!.Value;
        var days = new SortedDictionary<DateOnly, List<(DateTime Sort, CalendarEntry Entry)>>();
        foreach (var (post, title, language) in events)
        {
            foreach (var occurrence in EventRecurrence.Occurrences(post, fromUtc).TakeWhile(o => o.Start < untilUtc))
            {
                var localStart = TownTime.ToLocal(occurrence.Start)!.Value;
                var localEnd = TownTime.ToLocal(occurrence.End ?? occurrence.Start)!.Value;
                var startDay = DateOnly.FromDateTime(localStart);
                // Timed events ending at midnight do not reach into the next day.
                var endDay = DateOnly.FromDateTime(!post.EventAllDay && localEnd > localStart && localEnd.TimeOfDay == TimeSpan.Zero ? localEnd.AddDays(-1) : localEnd);
                if (endDay < startDay)
                    endDay = startDay;
                for (var day = startDay < first ? first : startDay; day <= endDay && day <= last; day = day.AddDays(1))
                {
                    var continues = day != startDay;
                    var entry = new CalendarEntry(post.Slug, title, language, post.EventAllDay || continues ? null : occurrence.Start, continues, post.Recurrence is not null);
                    if (!days.TryGetValue(day, out var list))
                        days[day] = list = [];
                    list.Add((continues || post.EventAllDay ? DateTime.MinValue : occurrence.Start, entry));
                }
            }
        }
        var result = new SortedDictionary<DateOnly, List<CalendarEntry>>();
        foreach (var (day, list) in days)
            result[day] = list.OrderBy(e => e.Sort).ThenBy(e => e.Entry.Title, StringComparer.CurrentCulture).Select(e => e.Entry).ToList();
        return result;
    }
}
