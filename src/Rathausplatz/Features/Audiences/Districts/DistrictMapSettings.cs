using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Audiences.Districts;

/// <summary>
/// How an organisation's district map works: the tile server the browser loads (OpenStreetMap when
/// unset) and, optionally, a Nominatim-compatible geocoder for the address search. No row, or no
/// geocoder URL, means no address search and no call to any third party from the server.
/// </summary>
public sealed class DistrictMapSettings : ITenantOwned
{
    public const string DefaultTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public const string DefaultAttribution = "© OpenStreetMap";

    public Guid OrganizationId { get; set; }
    /// <summary>A Leaflet tile URL template ({z}/{x}/{y}); null: <see cref="DefaultTileUrl"/>.</summary>
    public string? TileUrl { get; set; }
    public string? TileAttribution { get; set; }
    /// <summary>The search endpoint of a Nominatim-compatible geocoder (https), for example https://nominatim.example.org/search; null: off.</summary>
    public string? GeocoderUrl { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class DistrictMapSettingsConfiguration : IEntityTypeConfiguration<DistrictMapSettings>
{
    public void Configure(EntityTypeBuilder<DistrictMapSettings> s)
    {
        s.ToTable("district_map_settings");
        s.HasKey(x => x.OrganizationId);
        s.Property(x => x.TileUrl).HasMaxLength(500);
        s.Property(x => x.TileAttribution).HasMaxLength(200);
        s.Property(x => x.GeocoderUrl).HasMaxLength(500);
        s.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
