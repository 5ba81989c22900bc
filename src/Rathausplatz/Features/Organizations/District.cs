using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Organizations;

/// <summary>A part of the municipality (Ortsteil, Stadtbezirk) with its boundary as a GeoJSON polygon.</summary>
public sealed class District : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    /// <summary>A GeoJSON Polygon or MultiPolygon geometry (WGS 84).</summary>
    public required string BoundaryGeoJson { get; set; }
}

/// <summary>A subject people follow (Verkehr, Umwelt, Kultur…).</summary>
public sealed class Topic : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>, IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<District> district)
    {
        district.Property(d => d.Name).HasMaxLength(120);
        district.Property(d => d.Slug).HasMaxLength(63);
        district.HasIndex(d => new { d.OrganizationId, d.Slug }).IsUnique();
        district.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Topic> topic)
    {
        topic.Property(t => t.Name).HasMaxLength(120);
        topic.Property(t => t.Slug).HasMaxLength(63);
        topic.HasIndex(t => new { t.OrganizationId, t.Slug }).IsUnique();
        topic.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
