using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Reports;

/// <summary>
/// A photo sent with a report. Only re-encoded variants are kept (<see cref="Newsroom.Media.ImageProcessor"/>),
/// so no EXIF or GPS of the original survives. Public only once staff <see cref="ReleasedAt">released</see>
/// it (faces, number plates); until then only staff and the reporter's own link see it.
/// </summary>
public sealed class ReportPhoto : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ReportId { get; set; }
    public int Position { get; set; }
    /// <summary>Upright size of the largest variant.</summary>
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReleasedAt { get; set; }
    public Guid? ReleasedById { get; set; }
    public List<ReportPhotoVariant> Variants { get; set; } = [];

    public bool Released => ReleasedAt is not null;
}

/// <summary>One width of a photo in one format; its URL carries its hash.</summary>
public sealed class ReportPhotoVariant : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PhotoId { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>"image/webp" or "image/jpeg".</summary>
    public required string ContentType { get; set; }
    public required string Hash { get; set; }
    public byte[] Bytes { get; set; } = [];
}

internal sealed class ReportPhotoConfiguration : IEntityTypeConfiguration<ReportPhoto>, IEntityTypeConfiguration<ReportPhotoVariant>
{
    public void Configure(EntityTypeBuilder<ReportPhoto> photo)
    {
        photo.ToTable("ReportPhotos");
        photo.HasIndex(p => new { p.ReportId, p.Position });
        photo.HasOne<Report>().WithMany().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        photo.HasOne<User>().WithMany().HasForeignKey(p => p.ReleasedById).OnDelete(DeleteBehavior.SetNull);
        photo.HasMany(p => p.Variants).WithOne().HasForeignKey(v => v.PhotoId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReportPhotoVariant> variant)
    {
        variant.ToTable("ReportPhotoVariants");
        variant.Property(v => v.ContentType).HasMaxLength(20);
        variant.Property(v => v.Hash).HasMaxLength(16);
        variant.HasIndex(v => new { v.PhotoId, v.Width, v.ContentType }).IsUnique();
    }
}
