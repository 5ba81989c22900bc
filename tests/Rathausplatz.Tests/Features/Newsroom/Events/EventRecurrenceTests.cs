using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Newsroom.Events;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Newsroom.Events;

/// <summary>Expanding repeat rules in the town's wall time: no database needed.</summary>
public sealed class EventRecurrenceTests
{
    [Fact]
    public void AWeeklyEveningEventKeepsItsLocalTimeAcrossTheChangeToSummerTime()
    {
        // Summer time begins on Sunday, 28 March 2027.
        var post = Event(new DateTime(2027, 3, 16, 19, 0, 0), TimeSpan.FromHours(2),
            EventRecurrence.Rule(RepeatFrequency.Weekly, 1, [DayOfWeek.Tuesday], false, null, 4, new DateTime(2027, 3, 16, 19, 0, 0), false));

        var starts = EventRecurrence.Occurrences(post, DateTime.MinValue).ToList();

        Assert.Equal([Utc(2027, 3, 16, 18), Utc(2027, 3, 23, 18), Utc(2027, 3, 30, 17), Utc(2027, 4, 6, 17)], starts.Select(o => o.Start));
        Assert.All(starts, o => Assert.Equal(21, TownTime.ToLocal(o.End)!.Value.Hour));
    }

    [Fact]
    public void AWeeklyEventKeepsItsLocalTimeAcrossTheChangeBackToWinterTime()
    {
        // Winter time begins on Sunday, 31 October 2027.
        var start = new DateTime(2027, 10, 19, 19, 0, 0);
        var post = Event(start, null, EventRecurrence.Rule(RepeatFrequency.Weekly, 1, [], false, new DateOnly(2027, 11, 2), null, start, false));

        Assert.Equal([Utc(2027, 10, 19, 17), Utc(2027, 10, 26, 17), Utc(2027, 11, 2, 18)], EventRecurrence.Occurrences(post, DateTime.MinValue).Select(o => o.Start));
    }

    [Fact]
    public void MonthlyOnTheSecondTuesdayHonoursUntilAndExceptionDates()
    {
        var start = new DateTime(2027, 1, 12, 18, 0, 0);
        var post = Event(start, TimeSpan.FromHours(1), EventRecurrence.Rule(RepeatFrequency.Monthly, 1, [], true, new DateOnly(2027, 6, 30), null, start, false));
        post.RecurrenceExceptions = "2027-03-09";

        var days = EventRecurrence.Occurrences(post, DateTime.MinValue).Select(o => DateOnly.FromDateTime(TownTime.ToLocal(o.Start)!.Value)).ToList();

        Assert.Equal("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630T215959Z", post.Recurrence);
        Assert.Equal([new DateOnly(2027, 1, 12), new(2027, 2, 9), new(2027, 4, 13), new(2027, 5, 11), new(2027, 6, 8)], days);
    }

    [Fact]
    public void TheStoredColumnsNameTheNextOccurrenceAndWhenTheLastIsOver()
    {
        var start = new DateTime(2027, 5, 1, 10, 0, 0);
        var post = Event(start, TimeSpan.FromHours(3), EventRecurrence.Rule(RepeatFrequency.Yearly, 1, [], false, null, 3, start, false));

        EventRecurrence.Recompute(post, Utc(2028, 5, 1, 10)); // during the second occurrence (08:00 to 11:00 UTC)

        Assert.Equal(Utc(2028, 5, 1, 8), post.NextOccurrenceStart);
        Assert.Equal(Utc(2028, 5, 1, 11), post.NextOccurrenceEnd);
        Assert.Equal(Utc(2029, 5, 1, 11), post.OccursUntil);

        post.Recurrence = "FREQ=WEEKLY;BYDAY=SA";
        EventRecurrence.Recompute(post, Utc(2028, 5, 1, 12));
        Assert.Null(post.OccursUntil);
        Assert.Equal(Utc(2028, 5, 6, 8), post.NextOccurrenceStart);
    }

    [Fact]
    public void AnAllDayEventRepeatsOnDatesAndIsOverAtMidnightAfterItsDay()
    {
        var start = new DateTime(2027, 12, 20);
        var post = Event(start, null, EventRecurrence.Rule(RepeatFrequency.Daily, 1, [], false, null, 5, start, true), allDay: true);
        post.RecurrenceExceptions = "2027-12-24";

        var occurrences = EventRecurrence.Occurrences(post, DateTime.MinValue).ToList();

        Assert.Equal("FREQ=DAILY;COUNT=5", post.Recurrence);
        Assert.Equal([20, 21, 22, 23], occurrences.Select(o => TownTime.ToLocal(o.Start)!.Value.Day));
        Assert.Equal(Utc(2027, 12, 20, 23), occurrences[0].Over);
    }

    private static Post Event(DateTime localStart, TimeSpan? length, string? rule, bool allDay = false) => new()
    {
        Slug = "x", Type = PostType.Event, EventStart = TownTime.ToUtc(localStart), EventEnd = length is { } l ? TownTime.ToUtc(localStart + l) : null,
        EventAllDay = allDay, Recurrence = rule,
    };

    private static DateTime Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);
}
