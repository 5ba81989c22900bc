using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>What the phases mean at a moment: whole days in Musterstadt's time, the end exclusive.</summary>
public sealed class ProcessScheduleTests
{
    private static readonly DateOnly Day = new(2026, 3, 30); // the day after the switch to summer time

    private static ProcessPhase Phase(PhaseKind kind, DateOnly first, DateOnly last) =>
        new() { Kind = kind, Name = kind.ToString(), StartsAt = ProcessPhase.StartOf(first), EndsAt = ProcessPhase.StartOf(last.AddDays(1)) };

    private static readonly ProcessSchedule Schedule = new(
    [
        Phase(PhaseKind.Evaluation, Day.AddDays(11), Day.AddDays(20)),
        Phase(PhaseKind.Proposals, Day, Day.AddDays(9)),
    ]);

    [Fact]
    public void APhaseRunsFromTheFirstDaysMidnightToTheMidnightAfterItsLastDayInTownTime()
    {
        var proposals = Schedule.Of(PhaseKind.Proposals)!;

        Assert.Equal(new DateTime(2026, 3, 29, 22, 0, 0, DateTimeKind.Utc), proposals.StartsAt);
        Assert.Equal(new DateTime(2026, 4, 8, 22, 0, 0, DateTimeKind.Utc), proposals.EndsAt);
        Assert.Equal((Day, Day.AddDays(9)), (proposals.FirstDay, proposals.LastDay));
        Assert.False(Schedule.ProposalsOpenAt(proposals.StartsAt.AddTicks(-1)));
        Assert.True(Schedule.ProposalsOpenAt(proposals.StartsAt));
        Assert.True(Schedule.ProposalsOpenAt(proposals.EndsAt.AddTicks(-1)));
        Assert.False(Schedule.ProposalsOpenAt(proposals.EndsAt));
    }

    [Fact]
    public void TheStateFollowsTheFirstStartAndTheLastEndAndTheGapHasNoCurrentPhase()
    {
        var start = Schedule.Phases[0].StartsAt;
        var gap = ProcessPhase.StartOf(Day.AddDays(10)).AddHours(12);
        var end = Schedule.Of(PhaseKind.Evaluation)!.EndsAt;

        Assert.Equal(PhaseKind.Proposals, Schedule.Phases[0].Kind);
        Assert.Equal(ProcessState.Upcoming, Schedule.StateAt(start.AddSeconds(-1)));
        Assert.Equal(ProcessState.Current, Schedule.StateAt(gap));
        Assert.Null(Schedule.CurrentAt(gap));
        Assert.True(Schedule.CommentsOpenAt(gap));
        Assert.Equal(ProcessState.Finished, Schedule.StateAt(end));
        Assert.False(Schedule.CommentsOpenAt(end));
        Assert.Equal(ProcessState.Upcoming, new ProcessSchedule([]).StateAt(end));
    }
}
