using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Documents;

/// <summary>
/// A document of a space (a PDF, an image, an office file) with its versions: a new upload of the same document
/// adds a version, the older ones stay downloadable. Files live in the database like the newsroom's media.
/// </summary>
public sealed class SpaceDocument : ITenantOwned
{
    public const int MaxTitle = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SpaceId { get; set; }
    public required string Title { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When the latest version came: the list shows recently changed documents first.</summary>
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One upload of a document. Never changes once written.</summary>
public sealed class DocumentVersion : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid DocumentId { get; set; }
    /// <summary>1, 2, 3 … per document.</summary>
    public int Number { get; set; }
    /// <summary>The uploaded name made harmless, with the extension of the type the bytes show.</summary>
    public required string FileName { get; set; }
    /// <summary>The type the first bytes show (see <see cref="DocumentFiles"/>), never the browser's claim.</summary>
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string Hash { get; set; }
    public byte[] Bytes { get; set; } = [];
    /// <summary>For images: a re-encoded JPEG at most 960 pixels wide, without EXIF; null for other files.</summary>
    public byte[]? Preview { get; set; }
    public Guid? UploadedById { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>A comment on a document (Markdown), by a member of its space.</summary>
public sealed class DocumentComment : ITenantOwned
{
    public const int MaxBody = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid DocumentId { get; set; }
    public Guid? AuthorId { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class SpaceDocumentConfiguration :
    IEntityTypeConfiguration<SpaceDocument>, IEntityTypeConfiguration<DocumentVersion>, IEntityTypeConfiguration<DocumentComment>
{
    public void Configure(EntityTypeBuilder<SpaceDocument> document)
    {
        document.ToTable("IntranetDocuments");
        document.Property(d => d.Title).HasMaxLength(SpaceDocument.MaxTitle);
        document.HasIndex(d => new { d.SpaceId, d.UpdatedAt });
        document.HasOne<Space>().WithMany().HasForeignKey(d => d.SpaceId).OnDelete(DeleteBehavior.Cascade);
        document.HasOne<User>().WithMany().HasForeignKey(d => d.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<DocumentVersion> version)
    {
        version.ToTable("IntranetDocumentVersions");
        version.Property(v => v.FileName).HasMaxLength(120);
        version.Property(v => v.ContentType).HasMaxLength(100);
        version.Property(v => v.Hash).HasMaxLength(16);
        // Two uploads at once cannot both become version n: the second insert fails.
        version.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        version.HasOne<SpaceDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        version.HasOne<User>().WithMany().HasForeignKey(v => v.UploadedById).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<DocumentComment> comment)
    {
        comment.ToTable("IntranetDocumentComments");
        comment.Property(c => c.Body).HasMaxLength(DocumentComment.MaxBody);
        comment.HasIndex(c => new { c.DocumentId, c.CreatedAt });
        comment.HasOne<SpaceDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne<User>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
