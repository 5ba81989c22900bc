namespace Rathausplatz.Features.Participation.Processes;

/// <summary>Where a process stands by the clock: the public list groups by it.</summary>
public enum ProcessState { Upcoming, Current, Finished }

/// <summary>
/// What the phases mean at a moment: the process's state, the phase running, whether proposals may be
/// made. Pure, so pages, use cases and tests ask the same thing the same way.
/// </summary>
public sealed class ProcessSchedule(IReadOnlyList<ProcessPhase> phases)
{
    public IReadOnlyList<ProcessPhase> Phases { get; } = phases.OrderBy(p => p.StartsAt).ThenBy(p => p.Kind).ToList();

    /// <summary>A process without phases is not scheduled yet, so it counts as upcoming.</summary>
    public ProcessState StateAt(DateTime now) =>
        Phases.Count == 0 || now < Phases.Min(p => p.StartsAt) ? ProcessState.Upcoming
        : now >= Phases.Max(p => p.EndsAt) ? ProcessState.Finished
        : ProcessState.Current;

    /// <summary>The phase running now; between two phases, none.</summary>
    public ProcessPhase? CurrentAt(DateTime now) => Phases.FirstOrDefault(p => p.IsRunning(now));

    public ProcessPhase? Of(PhaseKind kind) => Phases.FirstOrDefault(p => p.Kind == kind);

    /// <summary>Proposals are made, supported and withdrawn only while the proposal phase runs.</summary>
    public bool ProposalsOpenAt(DateTime now) => Of(PhaseKind.Proposals)?.IsRunning(now) == true;

    /// <summary>Budget ballots are cast and changed only while the voting phase runs; its end closes the vote.</summary>
    public bool VotingOpenAt(DateTime now) => Of(PhaseKind.Voting)?.IsRunning(now) == true;

    /// <summary>The vote is over (and its results public) once the voting phase has ended.</summary>
    public bool VotingClosedAt(DateTime now) => Of(PhaseKind.Voting) is { } voting && voting.EndsAt <= now;

    /// <summary>Participants comment until the process ends; staff may answer later too.</summary>
    public bool CommentsOpenAt(DateTime now) => StateAt(now) != ProcessState.Finished;
}
