using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Debates;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Moderation;

/// <summary>How staff settled the flags of an item. Stored as numbers: do not reorder.</summary>
public enum ModerationDecision { Hidden = 0, Dismissed = 1 }

/// <summary>
/// A participant's flag on a proposal or on one of its comments, or on a comment in a debate (a debate itself is
/// the organisers' text and is not flagged), with a reason, until staff settle it.
/// <see cref="TargetId"/> is the comment's id when there is one, else the proposal's: one flag per person
/// and item (a unique key without NULLs, which would never collide).
/// </summary>
public sealed class ContentFlag : ITenantOwned
{
    public const int MaxReason = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid? ProposalId { get; set; }
    public Guid? DebateId { get; set; }
    public Guid? CommentId { get; set; }
    public Guid TargetId { get; set; }
    public Guid ReporterId { get; set; }
    public required string Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public Guid? ResolvedById { get; set; }
    public ModerationDecision? Decision { get; set; }
}

/// <summary>
/// The audit of moderation: every hide and every dismissal, by whom, when and why. Kept when the item's
/// flags are settled, so the record outlives the queue.
/// </summary>
public sealed class ModerationAction : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid? ProposalId { get; set; }
    public Guid? DebateId { get; set; }
    public Guid? CommentId { get; set; }
    /// <summary>Set when the action hid one image of the proposal.</summary>
    public Guid? ImageId { get; set; }
    public ModerationDecision Decision { get; set; }
    public string? Reason { get; set; }
    public Guid? ActorId { get; set; }
    public DateTime At { get; set; }
}

internal sealed class ContentFlagConfiguration : IEntityTypeConfiguration<ContentFlag>, IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ContentFlag> flag)
    {
        flag.ToTable("ParticipationFlags", t => t.HasCheckConstraint("CK_ParticipationFlags_OneSubject",
            "(\"ProposalId\" IS NULL) <> (\"DebateId\" IS NULL)"));
        flag.Property(f => f.Reason).HasMaxLength(ContentFlag.MaxReason);
        flag.HasIndex(f => new { f.TargetId, f.ReporterId }).IsUnique();
        // The moderation queue: open flags, oldest first.
        flag.HasIndex(f => new { f.OrganizationId, f.ResolvedAt, f.CreatedAt });
        flag.HasOne<Proposal>().WithMany().HasForeignKey(f => f.ProposalId).OnDelete(DeleteBehavior.Cascade);
        flag.HasOne<Debate>().WithMany().HasForeignKey(f => f.DebateId).OnDelete(DeleteBehavior.Cascade);
        flag.HasOne<ProposalComment>().WithMany().HasForeignKey(f => f.CommentId).OnDelete(DeleteBehavior.Cascade);
        flag.HasOne<User>().WithMany().HasForeignKey(f => f.ReporterId).OnDelete(DeleteBehavior.Cascade);
        flag.HasOne<User>().WithMany().HasForeignKey(f => f.ResolvedById).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<ModerationAction> action)
    {
        action.ToTable("ParticipationModerationActions", t => t.HasCheckConstraint("CK_ParticipationModerationActions_OneSubject",
            "(\"ProposalId\" IS NULL) <> (\"DebateId\" IS NULL)"));
        action.Property(a => a.Reason).HasMaxLength(ContentFlag.MaxReason);
        action.HasIndex(a => new { a.ProposalId, a.At });
        action.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
        action.HasOne<Debate>().WithMany().HasForeignKey(a => a.DebateId).OnDelete(DeleteBehavior.Cascade);
        action.HasOne<ProposalComment>().WithMany().HasForeignKey(a => a.CommentId).OnDelete(DeleteBehavior.Cascade);
        action.HasOne<ProposalImage>().WithMany().HasForeignKey(a => a.ImageId).OnDelete(DeleteBehavior.Cascade);
        action.HasOne<User>().WithMany().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}
