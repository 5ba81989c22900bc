using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.Stream;

/// <summary>
/// A file attached to a stream post when it is written: the same kinds, size limit and checks as a space's
/// documents (<see cref="Documents.UploadedFile"/>). Kept in the database like document versions; goes with its post
/// (cascade), bytes included.
/// </summary>
public sealed class StreamAttachment : ITenantOwned
{
    /// <summary>How many files one post may carry.</summary>
    public const int MaxPerPost = 5;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PostId { get; set; }
    /// <summary>Order in which they were chosen, from 0.</summary>
    public int Position { get; set; }
    /// <summary>The uploaded name made harmless, with the extension of the type the bytes show; also the images' alt text.</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string Hash { get; set; }
    public byte[] Bytes { get; set; } = [];
    /// <summary>For images: a re-encoded JPEG at most 960 pixels wide, without EXIF (shown in the stream); null for other files.</summary>
    public byte[]? Preview { get; set; }
}

internal sealed class StreamAttachmentConfiguration : IEntityTypeConfiguration<StreamAttachment>
{
    public void Configure(EntityTypeBuilder<StreamAttachment> attachment)
    {
        attachment.ToTable("IntranetPostAttachments");
        attachment.Property(a => a.FileName).HasMaxLength(120);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.Hash).HasMaxLength(16);
        attachment.HasIndex(a => new { a.PostId, a.Position });
        attachment.HasOne<StreamPost>().WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
