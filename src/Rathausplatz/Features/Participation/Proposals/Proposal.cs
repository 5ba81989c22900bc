using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Accountability;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Proposals;

/// <summary>
/// Open: collecting supports. Evaluating: the threshold was reached (or staff moved it). Then staff decide:
/// accepted, rejected (always with a reason), implemented. Stored as numbers: do not reorder.
/// </summary>
public enum ProposalStatus { Open = 0, Evaluating = 1, Accepted = 2, Rejected = 3, Implemented = 4 }

/// <summary>A participant's idea in a process: public, supported by others, answered officially by the town.</summary>
public sealed class Proposal : ITenantOwned, ITracksProgress
{
    public const int MinTitle = 3;
    public const int MaxTitle = 150;
    public const int MaxBody = 5000;
    public const int MaxReason = 2000;
    public const int MaxAnswer = 5000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ProcessId { get; set; }
    /// <summary>Null once the account is deleted: the proposal stays, without a name.</summary>
    public Guid? AuthorId { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown; shown only through <see cref="MarkdownRenderer"/> (no raw HTML, sanitised).</summary>
    public required string Body { get; set; }
    public Guid? DistrictId { get; set; }
    /// <summary>WGS 84; both or neither.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When its author last changed it (EditProposal); shown as "bearbeitet".</summary>
    public DateTime? EditedAt { get; set; }

    public ProposalStatus Status { get; set; }
    /// <summary>Why it was decided so; required for a rejection.</summary>
    public string? StatusReason { get; set; }
    public DateTime? StatusChangedAt { get; set; }
    /// <summary>Staff member who set the status; null when the support threshold moved it.</summary>
    public Guid? StatusChangedById { get; set; }

    /// <summary>The town's official answer, shown marked as such.</summary>
    public string? OfficialAnswer { get; set; }
    public DateTime? OfficialAnswerAt { get; set; }
    public Guid? OfficialAnswerById { get; set; }

    /// <summary>
    /// The rows of <see cref="ProposalSupport"/>, kept here for sorting. Changed only in SQL (+1/−1) in the
    /// transaction that adds or removes a row, so parallel supports add up (see <see cref="SupportProposal"/>).
    /// </summary>
    public int SupportCount { get; set; }

    /// <summary>Once accepted: how far the town has got with it (see <see cref="ReportProgress"/>).</summary>
    public ProjectProgress Progress { get; set; }
    public int PercentDone { get; set; }

    /// <summary>Hidden by moderation: the public sees the reason instead of the text.</summary>
    public DateTime? HiddenAt { get; set; }
    public Guid? HiddenById { get; set; }
    public string? HiddenReason { get; set; }

    public bool Hidden => HiddenAt is not null;
}

/// <summary>One person's support of a proposal: a row each, unique per (proposal, person), so the database decides.</summary>
public sealed class ProposalSupport : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ProposalId { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>, IEntityTypeConfiguration<ProposalSupport>
{
    public void Configure(EntityTypeBuilder<Proposal> proposal)
    {
        proposal.ToTable("Proposals");
        proposal.Property(p => p.Title).HasMaxLength(Proposal.MaxTitle);
        proposal.Property(p => p.Body).HasMaxLength(Proposal.MaxBody);
        proposal.Property(p => p.StatusReason).HasMaxLength(Proposal.MaxReason);
        proposal.Property(p => p.OfficialAnswer).HasMaxLength(Proposal.MaxAnswer);
        proposal.Property(p => p.HiddenReason).HasMaxLength(Moderation.ContentFlag.MaxReason);
        // The process page: by supports (the default) or newest, all or one district.
        proposal.HasIndex(p => new { p.ProcessId, p.SupportCount, p.CreatedAt });
        proposal.HasIndex(p => new { p.ProcessId, p.CreatedAt });
        // With the whole order (supports, then newest, then id), so one district's first page is read straight off the
        // index, without sorting the district's proposals (bench/participation: p95 twice the unfiltered list's without it).
        proposal.HasIndex(p => new { p.ProcessId, p.DistrictId, p.SupportCount, p.CreatedAt, p.Id });
        // The map's places (ProposalMap), newest first: only proposals with a place that are shown. Without it the process
        // page read every proposal of the process through (ProcessId, CreatedAt) to find the few with a place
        // (bench/participation: p50 of the unfiltered page 12 → 55 ms when the map came).
        proposal.HasIndex(p => new { p.ProcessId, p.CreatedAt, p.Id }, "IX_Proposals_Places")
            .HasFilter("\"Latitude\" IS NOT NULL AND \"Longitude\" IS NOT NULL AND \"HiddenAt\" IS NULL");
        proposal.HasOne<ParticipationProcess>().WithMany().HasForeignKey(p => p.ProcessId).OnDelete(DeleteBehavior.Cascade);
        proposal.HasOne<District>().WithMany().HasForeignKey(p => p.DistrictId).OnDelete(DeleteBehavior.SetNull);
        proposal.HasOne<User>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.SetNull);
        proposal.HasOne<User>().WithMany().HasForeignKey(p => p.StatusChangedById).OnDelete(DeleteBehavior.SetNull);
        proposal.HasOne<User>().WithMany().HasForeignKey(p => p.OfficialAnswerById).OnDelete(DeleteBehavior.SetNull);
        proposal.HasOne<User>().WithMany().HasForeignKey(p => p.HiddenById).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<ProposalSupport> support)
    {
        support.ToTable("ProposalSupports");
        support.HasIndex(s => new { s.ProposalId, s.UserId }).IsUnique();
        support.HasIndex(s => s.UserId);
        support.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        support.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
