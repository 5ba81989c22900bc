using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Budgets;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Accountability;

/// <summary>Where an accepted proposal or a budget project stands (accountability). Stored as numbers: do not reorder.</summary>
public enum ProjectProgress { Planned = 0, InProgress = 1, Completed = 2, Stopped = 3 }

/// <summary>What the town has promised to do and reports on: a budget project after the vote, an accepted proposal.</summary>
public interface ITracksProgress
{
    Guid Id { get; }
    ProjectProgress Progress { get; set; }
    /// <summary>0 to 100, as the editors estimate it.</summary>
    int PercentDone { get; set; }
}

/// <summary>
/// A dated public note on the progress of a budget project or of an accepted proposal (exactly one of the two),
/// written by an editor. One table for both, so the history, its display and the notices are one mechanism.
/// </summary>
public sealed class ProgressUpdate : ITenantOwned
{
    public const int MaxBody = 5000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid? ProjectId { get; set; }
    public Guid? ProposalId { get; set; }
    public Guid? AuthorId { get; set; }
    /// <summary>Markdown.</summary>
    public required string Body { get; set; }
    /// <summary>The status and percentage the update reported, so the history reads on its own.</summary>
    public ProjectProgress Progress { get; set; }
    public int PercentDone { get; set; }
    public DateTime At { get; set; }
}

internal sealed class ProgressUpdateConfiguration : IEntityTypeConfiguration<ProgressUpdate>
{
    public void Configure(EntityTypeBuilder<ProgressUpdate> update)
    {
        // Was "BudgetProjectUpdates" while only projects had updates; the migration renames it and keeps the rows.
        update.ToTable("ProgressUpdates", t => t.HasCheckConstraint("CK_ProgressUpdates_OneSubject",
            "(\"ProjectId\" IS NULL) <> (\"ProposalId\" IS NULL)"));
        update.Property(u => u.Body).HasMaxLength(ProgressUpdate.MaxBody);
        update.HasIndex(u => new { u.ProjectId, u.At });
        update.HasIndex(u => new { u.ProposalId, u.At });
        update.HasOne<BudgetProject>().WithMany().HasForeignKey(u => u.ProjectId).OnDelete(DeleteBehavior.Cascade);
        update.HasOne<Proposal>().WithMany().HasForeignKey(u => u.ProposalId).OnDelete(DeleteBehavior.Cascade);
        update.HasOne<User>().WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
