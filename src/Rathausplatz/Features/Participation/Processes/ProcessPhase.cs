using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Participation.Processes;

/// <summary>
/// The phases a process knows. The kind says what the phase opens (proposals can be made and supported only
/// in <see cref="PhaseKind.Proposals"/>, budget ballots cast only in <see cref="PhaseKind.Voting"/>); the name is
/// what the public reads. Stored as numbers: new kinds go at the end, whatever their place in a process's course.
/// </summary>
public enum PhaseKind { Information = 0, Proposals = 1, Evaluation = 2, Results = 3, Voting = 4 }

/// <summary>
/// One phase of a process, whole days in the town's time: from the first day's midnight to the midnight
/// after the last day, stored as UTC (<see cref="EndsAt"/> is exclusive, so a phase ending on the 30th is
/// open all of the 30th in Musterstadt).
/// </summary>
public sealed class ProcessPhase : ITenantOwned
{
    public const int MaxName = 120;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ProcessId { get; set; }
    public PhaseKind Kind { get; set; }
    public required string Name { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>The first day, as the town's calendar shows it.</summary>
    public DateOnly FirstDay => DateOnly.FromDateTime(TownTime.ToLocal(StartsAt)!.Value);

    /// <summary>The last day (the day before the exclusive end).</summary>
    public DateOnly LastDay => DateOnly.FromDateTime(TownTime.ToLocal(EndsAt)!.Value).AddDays(-1);

    public bool IsRunning(DateTime now) => StartsAt <= now && now < EndsAt;

    /// <summary>Midnight at the start of <paramref name="day"/> in the town, as UTC.</summary>
    public static DateTime StartOf(DateOnly day) => TownTime.ToUtc(day.ToDateTime(TimeOnly.MinValue))!.Value;
}

internal sealed class ProcessPhaseConfiguration : IEntityTypeConfiguration<ProcessPhase>
{
    public void Configure(EntityTypeBuilder<ProcessPhase> phase)
    {
        phase.ToTable("ParticipationPhases");
        phase.Property(p => p.Name).HasMaxLength(ProcessPhase.MaxName);
        // One phase of each kind per process: the form has one row per kind.
        phase.HasIndex(p => new { p.ProcessId, p.Kind }).IsUnique();
        // The clock's next boundary for the page cache (ParticipationSetup).
        phase.HasIndex(p => new { p.OrganizationId, p.StartsAt });
        phase.HasIndex(p => new { p.OrganizationId, p.EndsAt });
    }
}
