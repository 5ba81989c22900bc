using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Stream;

/// <summary>Kinds of reaction; one of each per person and post. Stored as numbers: do not reorder.</summary>
public enum ReactionKind { Like = 0, Helpful = 1 }

/// <summary>A post in a space's stream. Markdown, with #tags and @mentions that are stored beside it when it is written.</summary>
public sealed class StreamPost : ITenantOwned
{
    public const int MaxBody = 10_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SpaceId { get; set; }
    public Guid? AuthorId { get; set; }
    /// <summary>Markdown; shown only through <see cref="StreamText"/>, which sanitises.</summary>
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When the author last changed the text; the stream shows "bearbeitet".</summary>
    public DateTime? EditedAt { get; set; }
    /// <summary>Set when an owner or admin marked the post as must-read ("Pflichtlektüre"); members confirm it once.</summary>
    public DateTime? MustReadSince { get; set; }
}

/// <summary>A reply to a post; flat, oldest first.</summary>
public sealed class StreamComment : ITenantOwned
{
    public const int MaxBody = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PostId { get; set; }
    public Guid? AuthorId { get; set; }
    /// <summary>Markdown.</summary>
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
}

public sealed class StreamReaction : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PostId { get; set; }
    public Guid UserId { get; set; }
    public ReactionKind Kind { get; set; }
}

/// <summary>A #tag of a post, lower case; the space is copied in so a tag filter needs no join.</summary>
public sealed class StreamTag : ITenantOwned
{
    public const int MaxTag = 50;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SpaceId { get; set; }
    public Guid PostId { get; set; }
    public required string Tag { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A member named in a post with @; the mentioned person sees it under "Erwähnungen" on /intranet.</summary>
public sealed class StreamMention : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SpaceId { get; set; }
    public Guid PostId { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A member's "Gelesen" on a must-read post: once per person and post.</summary>
public sealed class StreamReadConfirmation : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PostId { get; set; }
    public Guid UserId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>What a moderator removed. Stored as numbers: do not reorder.</summary>
public enum StreamRemoval { Post = 0, Comment = 1, DocumentComment = 2 }

/// <summary>
/// The audit of moderation in a space: an owner or admin deleted someone else's post, comment or document comment.
/// Outlives the post (no key to it), so the record stays when the content is gone; the text itself is not kept.
/// For a <see cref="StreamRemoval.DocumentComment"/> <see cref="PostId"/> holds the document's id: the log began with
/// the stream, and one log per space reads better than a second table (and a migration) per kind of text.
/// </summary>
public sealed class StreamModerationEntry : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SpaceId { get; set; }
    public Guid PostId { get; set; }
    public Guid? CommentId { get; set; }
    public StreamRemoval Removed { get; set; }
    public Guid? AuthorId { get; set; }
    public Guid? ActorId { get; set; }
    public DateTime At { get; set; }

    /// <summary>The entry for the caller removing someone else's text in <paramref name="space"/>.</summary>
    public static StreamModerationEntry Of(SpaceAccess.View space, Guid postId, Guid? commentId, StreamRemoval removed, Guid? authorId, DateTime at) => new()
    {
        SpaceId = space.Space.Id, PostId = postId, CommentId = commentId, Removed = removed, AuthorId = authorId,
        ActorId = space.Caller.UserId, At = at,
    };
}

internal sealed class StreamConfiguration : IEntityTypeConfiguration<StreamPost>, IEntityTypeConfiguration<StreamComment>,
    IEntityTypeConfiguration<StreamReaction>, IEntityTypeConfiguration<StreamTag>, IEntityTypeConfiguration<StreamMention>,
    IEntityTypeConfiguration<StreamReadConfirmation>, IEntityTypeConfiguration<StreamModerationEntry>
{
    public void Configure(EntityTypeBuilder<StreamPost> post)
    {
        post.ToTable("IntranetPosts");
        post.Property(p => p.Body).HasMaxLength(StreamPost.MaxBody);
        // The stream: newest first per space, with the id as tie-breaker of the keyset cursor.
        post.HasIndex(p => new { p.SpaceId, p.CreatedAt, p.Id }).IsDescending(false, true, true);
        // The pinned must-reads: the few marked posts of a space, without reading every post's row (43 ms of 200,000 posts).
        post.HasIndex(p => new { p.SpaceId, p.MustReadSince }).HasFilter("\"MustReadSince\" IS NOT NULL");
        post.HasOne<Space>().WithMany().HasForeignKey(p => p.SpaceId).OnDelete(DeleteBehavior.Cascade);
        post.HasOne<User>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<StreamComment> comment)
    {
        comment.ToTable("IntranetComments");
        comment.Property(c => c.Body).HasMaxLength(StreamComment.MaxBody);
        comment.HasIndex(c => new { c.PostId, c.CreatedAt });
        comment.HasOne<StreamPost>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne<User>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<StreamReaction> reaction)
    {
        reaction.ToTable("IntranetReactions");
        reaction.HasIndex(r => new { r.PostId, r.UserId, r.Kind }).IsUnique();
        reaction.HasOne<StreamPost>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        reaction.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<StreamTag> tag)
    {
        tag.ToTable("IntranetTags");
        tag.Property(t => t.Tag).HasMaxLength(StreamTag.MaxTag);
        tag.HasIndex(t => new { t.SpaceId, t.Tag, t.CreatedAt });
        tag.HasIndex(t => new { t.PostId, t.Tag }).IsUnique();
        tag.HasOne<StreamPost>().WithMany().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<StreamMention> mention)
    {
        mention.ToTable("IntranetMentions");
        mention.HasIndex(m => new { m.UserId, m.CreatedAt });
        mention.HasIndex(m => new { m.PostId, m.UserId }).IsUnique();
        mention.HasOne<StreamPost>().WithMany().HasForeignKey(m => m.PostId).OnDelete(DeleteBehavior.Cascade);
        mention.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<StreamReadConfirmation> read)
    {
        read.ToTable("IntranetReadConfirmations");
        read.HasIndex(r => new { r.PostId, r.UserId }).IsUnique();
        read.HasIndex(r => r.UserId);
        read.HasOne<StreamPost>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        read.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<StreamModerationEntry> entry)
    {
        entry.ToTable("IntranetModerationLog");
        entry.HasIndex(e => new { e.SpaceId, e.At });
        entry.HasOne<Space>().WithMany().HasForeignKey(e => e.SpaceId).OnDelete(DeleteBehavior.Cascade);
        entry.HasOne<User>().WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.SetNull);
        entry.HasOne<User>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}
