using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Debates;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Comments;

/// <summary>Where a comment stands on the proposal. Stored as numbers: do not reorder.</summary>
public enum Stance { Neutral = 0, For = 1, Against = 2 }

/// <summary>
/// A comment on a proposal or in a debate (exactly one: <see cref="CommentSubject"/>), or a reply to one. Named
/// after its first subject; the table keeps the name so the rows need no move. Threads are at most <see cref="MaxDepth"/> levels below the
/// top so they stay readable at 320 px; a reply to the deepest level joins that level.
/// </summary>
public sealed class ProposalComment : ITenantOwned
{
    public const int MaxBody = 2000;
    public const int MaxDepth = 2;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid? ProposalId { get; set; }
    public Guid? DebateId { get; set; }
    public Guid? ParentId { get; set; }
    /// <summary>0 for a comment on the proposal, 1 for a reply, 2 for a reply to a reply.</summary>
    public int Depth { get; set; }
    public Guid? AuthorId { get; set; }
    /// <summary>Plain text (shown with its line breaks, never as HTML).</summary>
    public required string Body { get; set; }
    public Stance Stance { get; set; }
    /// <summary>Written by staff as the town's answer; shown marked as official.</summary>
    public bool Official { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When its author last changed it (EditComment); shown as "bearbeitet".</summary>
    public DateTime? EditedAt { get; set; }

    public DateTime? HiddenAt { get; set; }
    public Guid? HiddenById { get; set; }
    public string? HiddenReason { get; set; }

    public bool Hidden => HiddenAt is not null;

    public CommentSubject Subject => new(ProposalId, DebateId);
}

public enum VoteDirection { Down = -1, Up = 1 }

/// <summary>One person's up or down vote on a comment: one row per (comment, person), changed in place.</summary>
public sealed class CommentVote : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid CommentId { get; set; }
    public Guid UserId { get; set; }
    public VoteDirection Direction { get; set; }
    public DateTime At { get; set; }
}

internal sealed class ProposalCommentConfiguration : IEntityTypeConfiguration<ProposalComment>, IEntityTypeConfiguration<CommentVote>
{
    public void Configure(EntityTypeBuilder<ProposalComment> comment)
    {
        comment.ToTable("ProposalComments", t => t.HasCheckConstraint("CK_ProposalComments_OneSubject",
            "(\"ProposalId\" IS NULL) <> (\"DebateId\" IS NULL)"));
        comment.Property(c => c.Body).HasMaxLength(ProposalComment.MaxBody);
        comment.Property(c => c.HiddenReason).HasMaxLength(Moderation.ContentFlag.MaxReason);
        comment.HasIndex(c => new { c.ProposalId, c.CreatedAt });
        comment.HasIndex(c => new { c.DebateId, c.CreatedAt });
        comment.HasOne<Proposal>().WithMany().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne<Debate>().WithMany().HasForeignKey(c => c.DebateId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne<ProposalComment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne<User>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
        comment.HasOne<User>().WithMany().HasForeignKey(c => c.HiddenById).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<CommentVote> vote)
    {
        vote.ToTable("CommentVotes");
        vote.HasIndex(v => new { v.CommentId, v.UserId }).IsUnique();
        vote.HasIndex(v => v.UserId);
        vote.HasOne<ProposalComment>().WithMany().HasForeignKey(v => v.CommentId).OnDelete(DeleteBehavior.Cascade);
        vote.HasOne<User>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
