using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>
/// One person's vote in one process's budget: unique per (process, person), so the database decides between
/// parallel requests. Changing the vote keeps this row and replaces its <see cref="BallotSelection"/>s.
/// </summary>
public sealed class BudgetBallot : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ProcessId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>Where the voter lives, as they said: turnout per district.</summary>
    [PersonalData]
    public Guid? DistrictId { get; set; }
    [PersonalData]
    public DateTime CastAt { get; set; }
    [PersonalData]
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A project chosen on a ballot: one row per (ballot, project), so a project counts once per person.</summary>
public sealed class BallotSelection : ITenantOwned
{
    public Guid OrganizationId { get; set; }
    public Guid BallotId { get; set; }
    public Guid ProjectId { get; set; }
}

internal sealed class BudgetBallotConfiguration : IEntityTypeConfiguration<BudgetBallot>, IEntityTypeConfiguration<BallotSelection>
{
    public void Configure(EntityTypeBuilder<BudgetBallot> ballot)
    {
        ballot.ToTable("BudgetBallots");
        ballot.HasIndex(b => new { b.ProcessId, b.UserId }).IsUnique();
        ballot.HasIndex(b => b.UserId);
        ballot.HasOne<ParticipationProcess>().WithMany().HasForeignKey(b => b.ProcessId).OnDelete(DeleteBehavior.Cascade);
        ballot.HasOne<User>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        ballot.HasOne<District>().WithMany().HasForeignKey(b => b.DistrictId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<BallotSelection> selection)
    {
        selection.ToTable("BudgetBallotSelections");
        selection.HasKey(s => new { s.BallotId, s.ProjectId });
        // The tally counts per project.
        selection.HasIndex(s => s.ProjectId);
        selection.HasOne<BudgetBallot>().WithMany().HasForeignKey(s => s.BallotId).OnDelete(DeleteBehavior.Cascade);
        selection.HasOne<BudgetProject>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
