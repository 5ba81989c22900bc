using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports;

/// <summary>
/// How an organisation takes reports. No row means the defaults: anonymous reports allowed, three
/// photos, and the area is the union of the districts (anywhere, if there are none).
/// </summary>
public sealed class ReportSettings : ITenantOwned
{
    public const int DefaultMaxPhotos = 3;
    public const int MaxMaxPhotos = 10;

    public Guid OrganizationId { get; set; }
    /// <summary>Off: a report needs an e-mail address (or a signed-in account).</summary>
    public bool AnonymousAllowed { get; set; } = true;
    public int MaxPhotos { get; set; } = DefaultMaxPhotos;
    /// <summary>The area taken, as a GeoJSON Polygon or MultiPolygon (WGS 84); null: the union of the districts.</summary>
    public string? BoundaryGeoJson { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static async Task<ReportSettings> LoadAsync(AppDb db, CancellationToken ct) =>
        await db.Set<ReportSettings>().AsNoTracking().FirstOrDefaultAsync(ct) ?? new ReportSettings();
}

internal sealed class ReportSettingsConfiguration : IEntityTypeConfiguration<ReportSettings>
{
    public void Configure(EntityTypeBuilder<ReportSettings> settings)
    {
        settings.ToTable("ReportSettings");
        settings.HasKey(s => s.OrganizationId);
        settings.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
