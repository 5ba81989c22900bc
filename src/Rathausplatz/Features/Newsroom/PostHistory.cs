using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom;

/// <summary>The content of a post as one save left it: who, when, and a JSON snapshot of all fields.</summary>
public sealed class PostRevision : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PostId { get; set; }
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string Snapshot { get; set; } = "{}";
}

public enum PostAction { Created = 0, Edited = 1, Submitted = 2, Approved = 3, SentBack = 4, Scheduled = 5, Published = 6, Unpublished = 7, Restored = 8 }

/// <summary>Who did what to a post, and when. Scheduled steps done by the clock carry no person.</summary>
public sealed class PostAuditEntry : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PostId { get; set; }
    public PostAction Action { get; set; }
    public Guid? ActorId { get; set; }
    public string? ActorName { get; set; }
    public string? Comment { get; set; }
    public DateTime At { get; set; }
}

/// <summary>How an organisation's newsroom works. Absent means the defaults (direct publishing).</summary>
public sealed class NewsroomSettings : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>On: a second editor, never the author, approves each post before it goes out.</summary>
    public bool FourEyesReview { get; set; }
}

internal sealed class PostHistoryConfiguration : IEntityTypeConfiguration<PostRevision>, IEntityTypeConfiguration<PostAuditEntry>, IEntityTypeConfiguration<NewsroomSettings>
{
    public void Configure(EntityTypeBuilder<PostRevision> revision)
    {
        revision.Property(r => r.AuthorName).HasMaxLength(200);
        revision.HasIndex(r => new { r.PostId, r.CreatedAt });
        revision.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PostAuditEntry> entry)
    {
        entry.Property(e => e.ActorName).HasMaxLength(200);
        entry.Property(e => e.Comment).HasMaxLength(2000);
        entry.HasIndex(e => new { e.PostId, e.At });
        entry.HasOne<Post>().WithMany().HasForeignKey(e => e.PostId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<NewsroomSettings> settings)
    {
        settings.HasIndex(s => s.OrganizationId).IsUnique();
        settings.HasOne<Organizations.Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
