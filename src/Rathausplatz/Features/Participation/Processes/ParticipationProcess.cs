using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Participation.Processes;

/// <summary>
/// A Beteiligungsverfahren: what the town wants to decide with its people (goals), where and on what
/// (districts, topics), when (phases) and how (the components switched on). Named with its feature so it
/// never reads as <see cref="System.Diagnostics.Process"/>.
/// </summary>
public sealed class ParticipationProcess : ITenantOwned
{
    public const int MaxTitle = 200;
    public const int MaxSummary = 500;
    public const int MaxGoals = 20_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>The address: /beteiligung/{slug}. Unique per organisation.</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }
    /// <summary>One or two sentences for the list.</summary>
    public string? Summary { get; set; }
    /// <summary>Markdown, rendered through <see cref="MarkdownRenderer"/>.</summary>
    public string Goals { get; set; } = "";
    /// <summary>Drafts are seen by staff only; the public pages show published processes.</summary>
    public bool Published { get; set; }

    // The components. Each is a switch, so surveys and budgets become further switches beside it.
    public bool ProposalsEnabled { get; set; }
    /// <summary>Supports after which an open proposal moves to evaluation by itself; null: only staff move it.</summary>
    public int? SupportThreshold { get; set; }
    /// <summary>The process has questionnaires (<see cref="Surveys.Survey"/>), built in the back office.</summary>
    public bool SurveysEnabled { get; set; }
    /// <summary>A participatory budget: projects with costs, voted on in the voting phase (Budgets/).</summary>
    public bool BudgetEnabled { get; set; }
    /// <summary>What the budget may spend, in whole cents.</summary>
    public long? BudgetCents { get; set; }
    /// <summary>Questions put to discussion, with stances (<see cref="Debates.Debate"/>), opened by editors.</summary>
    public bool DebatesEnabled { get; set; }
    /// <summary>Only confirmed residents support and vote (one person, one vote); otherwise a confirmed e-mail address suffices.</summary>
    public bool ResidentsOnly { get; set; }
    /// <summary>
    /// People without an account may support proposals and answer surveys, each with an address they confirm by a
    /// link (WithoutAccount/). Never together with <see cref="ResidentsOnly"/>: residency needs an account.
    /// </summary>
    public bool OpenWithoutAccount { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<ProcessPhase> Phases { get; set; } = [];
    public List<ProcessDistrict> Districts { get; set; } = [];
    public List<ProcessTopic> Topics { get; set; } = [];
}

/// <summary>The process concerns this district (its scope); none means the whole town.</summary>
public sealed class ProcessDistrict : ITenantOwned
{
    public Guid OrganizationId { get; set; }
    public Guid ProcessId { get; set; }
    public Guid DistrictId { get; set; }
}

/// <summary>The process concerns this topic.</summary>
public sealed class ProcessTopic : ITenantOwned
{
    public Guid OrganizationId { get; set; }
    public Guid ProcessId { get; set; }
    public Guid TopicId { get; set; }
}

internal sealed class ParticipationProcessConfiguration : IEntityTypeConfiguration<ParticipationProcess>,
    IEntityTypeConfiguration<ProcessDistrict>, IEntityTypeConfiguration<ProcessTopic>
{
    public void Configure(EntityTypeBuilder<ParticipationProcess> process)
    {
        process.ToTable("ParticipationProcesses");
        process.Property(p => p.Slug).HasMaxLength(63);
        process.Property(p => p.Title).HasMaxLength(ParticipationProcess.MaxTitle);
        process.Property(p => p.Summary).HasMaxLength(ParticipationProcess.MaxSummary);
        process.Property(p => p.Goals).HasMaxLength(ParticipationProcess.MaxGoals);
        process.HasIndex(p => new { p.OrganizationId, p.Slug }).IsUnique();
        process.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        process.HasMany(p => p.Phases).WithOne().HasForeignKey(p => p.ProcessId).OnDelete(DeleteBehavior.Cascade);
        process.HasMany(p => p.Districts).WithOne().HasForeignKey(d => d.ProcessId).OnDelete(DeleteBehavior.Cascade);
        process.HasMany(p => p.Topics).WithOne().HasForeignKey(t => t.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProcessDistrict> scope)
    {
        scope.ToTable("ParticipationProcessDistricts");
        scope.HasKey(s => new { s.ProcessId, s.DistrictId });
        scope.HasOne<District>().WithMany().HasForeignKey(s => s.DistrictId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProcessTopic> scope)
    {
        scope.ToTable("ParticipationProcessTopics");
        scope.HasKey(s => new { s.ProcessId, s.TopicId });
        scope.HasOne<Topic>().WithMany().HasForeignKey(s => s.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}
