using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>Where a project stands after the vote (accountability). Stored as numbers: do not reorder.</summary>
public enum ProjectProgress { Planned = 0, InProgress = 1, Completed = 2, Stopped = 3 }

/// <summary>
/// Something the participatory budget can pay for: what it is, what it costs, where. Editors make it, often
/// from an accepted proposal (the link is kept, so the proposal's author sees what came of it). After the
/// vote it carries its progress: status, percent done and dated public updates.
/// </summary>
public sealed class BudgetProject : ITenantOwned
{
    public const int MaxTitle = 150;
    public const int MaxDescription = 10_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ProcessId { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown; shown only through <see cref="MarkdownRenderer"/>.</summary>
    public string Description { get; set; } = "";
    /// <summary>Whole cents, so sums are exact (never floating point).</summary>
    public long CostCents { get; set; }
    public Guid? DistrictId { get; set; }
    /// <summary>The accepted proposal this project grew from, if any.</summary>
    public Guid? ProposalId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public ProjectProgress Progress { get; set; }
    /// <summary>0 to 100, as the editors estimate it.</summary>
    public int PercentDone { get; set; }
}

/// <summary>A dated public note on a project's progress, written by an editor.</summary>
public sealed class ProjectUpdate : ITenantOwned
{
    public const int MaxBody = 5000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid? AuthorId { get; set; }
    /// <summary>Markdown.</summary>
    public required string Body { get; set; }
    /// <summary>The status and percentage the update reported, so the history reads on its own.</summary>
    public ProjectProgress Progress { get; set; }
    public int PercentDone { get; set; }
    public DateTime At { get; set; }
}

internal sealed class BudgetProjectConfiguration : IEntityTypeConfiguration<BudgetProject>, IEntityTypeConfiguration<ProjectUpdate>
{
    public void Configure(EntityTypeBuilder<BudgetProject> project)
    {
        project.ToTable("BudgetProjects");
        project.Property(p => p.Title).HasMaxLength(BudgetProject.MaxTitle);
        project.Property(p => p.Description).HasMaxLength(BudgetProject.MaxDescription);
        project.HasIndex(p => new { p.ProcessId, p.Title });
        project.HasOne<ParticipationProcess>().WithMany().HasForeignKey(p => p.ProcessId).OnDelete(DeleteBehavior.Cascade);
        project.HasOne<District>().WithMany().HasForeignKey(p => p.DistrictId).OnDelete(DeleteBehavior.SetNull);
        project.HasOne<Proposal>().WithMany().HasForeignKey(p => p.ProposalId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<ProjectUpdate> update)
    {
        update.ToTable("BudgetProjectUpdates");
        update.Property(u => u.Body).HasMaxLength(ProjectUpdate.MaxBody);
        update.HasIndex(u => new { u.ProjectId, u.At });
        update.HasOne<BudgetProject>().WithMany().HasForeignKey(u => u.ProjectId).OnDelete(DeleteBehavior.Cascade);
        update.HasOne<User>().WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
