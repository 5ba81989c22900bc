using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom.Media;

/// <summary>
/// An image of a post. The upload itself is not kept: only re-encoded <see cref="Variants"/>, so no
/// EXIF (camera, time, GPS position) of the original survives anywhere. Alt text is required.
/// </summary>
public sealed class PostImage : ITenantOwned
{
    public const int MaxAltText = 250;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PostId { get; set; }
    /// <summary>Order on the page; the first image leads the post and stands for it in Open Graph and JSON-LD.</summary>
    public int Position { get; set; }
    public required string AltText { get; set; }
    public string? Caption { get; set; }
    /// <summary>Credit and licence as the editor writes it ("Foto: Anna Muster, CC BY 4.0").</summary>
    public string? Credit { get; set; }
    /// <summary>Upright size of the largest variant.</summary>
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<PostImageVariant> Variants { get; set; } = [];
}

/// <summary>One width of an image in one format. Never changes once written, so its URL carries its hash and may be cached for ever.</summary>
public sealed class PostImageVariant : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ImageId { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>"image/webp" or "image/jpeg".</summary>
    public required string ContentType { get; set; }
    /// <summary>Start of the SHA-256 of <see cref="Bytes"/> in hex: part of the URL.</summary>
    public required string Hash { get; set; }
    public byte[] Bytes { get; set; } = [];
}

/// <summary>A PDF attached to a post, stored as uploaded (PDFs are not re-written; see docs/newsroom.md).</summary>
public sealed class PostAttachment : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PostId { get; set; }
    public int Position { get; set; }
    /// <summary>What the link says: "Hausordnung der Stadthalle".</summary>
    public required string Title { get; set; }
    /// <summary>The file name offered for saving, made from the title.</summary>
    public required string FileName { get; set; }
    public long Length { get; set; }
    public required string Hash { get; set; }
    public byte[] Bytes { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}

internal sealed class PostMediaConfiguration :
    IEntityTypeConfiguration<PostImage>, IEntityTypeConfiguration<PostImageVariant>, IEntityTypeConfiguration<PostAttachment>
{
    public void Configure(EntityTypeBuilder<PostImage> image)
    {
        image.ToTable("PostImages");
        image.Property(i => i.AltText).HasMaxLength(PostImage.MaxAltText);
        image.Property(i => i.Caption).HasMaxLength(500);
        image.Property(i => i.Credit).HasMaxLength(200);
        image.HasIndex(i => new { i.PostId, i.Position });
        image.HasOne<Post>().WithMany().HasForeignKey(i => i.PostId).OnDelete(DeleteBehavior.Cascade);
        image.HasMany(i => i.Variants).WithOne().HasForeignKey(v => v.ImageId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PostImageVariant> variant)
    {
        variant.ToTable("PostImageVariants");
        variant.Property(v => v.ContentType).HasMaxLength(20);
        variant.Property(v => v.Hash).HasMaxLength(16);
        variant.HasIndex(v => new { v.ImageId, v.Width, v.ContentType }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PostAttachment> attachment)
    {
        attachment.ToTable("PostAttachments");
        attachment.Property(a => a.Title).HasMaxLength(200);
        attachment.Property(a => a.FileName).HasMaxLength(120);
        attachment.Property(a => a.Hash).HasMaxLength(16);
        attachment.HasIndex(a => new { a.PostId, a.Position });
        attachment.HasOne<Post>().WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
