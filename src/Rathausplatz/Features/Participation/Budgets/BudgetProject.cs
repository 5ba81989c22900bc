using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Accountability;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>
/// Something the participatory budget can pay for: what it is, what it costs, where. Editors make it, often
/// from an accepted proposal (the link is kept, so the proposal's author sees what came of it). After the
/// vote it carries its progress: status, percent done and dated public updates.
/// </summary>
public sealed class BudgetProject : ITenantOwned, ITracksProgress
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

internal sealed class BudgetProjectConfiguration : IEntityTypeConfiguration<BudgetProject>
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
}
