using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rathausplatz.Features.Organizations;

/// <summary>A municipality: the tenant. Every tenant-owned row points to one.</summary>
public sealed class Organization
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>Short, stable, URL-safe name (used in federation handles and file names).</summary>
    public required string Slug { get; set; }
    public List<OrganizationHost> Hosts { get; set; } = [];

    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactAddress { get; set; }

    /// <summary>One of <see cref="BrandColors"/>: KERN keeps its own palette, a town only picks its accent.</summary>
    public string AccentColor { get; set; } = BrandColors.Default;
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }

    // The texts German law requires of a public website, in Markdown.
    public string Imprint { get; set; } = "";
    public string PrivacyPolicy { get; set; } = "";
    public string AccessibilityStatement { get; set; } = "";
    public string Netiquette { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A host name that serves one organisation (for example <c>beteiligung.musterstadt.de</c>).</summary>
public sealed class OrganizationHost
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>Lower case, without port; international names in Unicode, as <c>Request.Host.Host</c> gives them (see <see cref="ChangeHostNames.Normalize"/>).</summary>
    public required string HostName { get; set; }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>, IEntityTypeConfiguration<OrganizationHost>
{
    public void Configure(EntityTypeBuilder<Organization> org)
    {
        org.Property(o => o.Name).HasMaxLength(200);
        org.Property(o => o.Slug).HasMaxLength(63);
        org.HasIndex(o => o.Slug).IsUnique();
        org.Property(o => o.AccentColor).HasMaxLength(7);
        org.Property(o => o.LogoContentType).HasMaxLength(40);
        org.HasMany(o => o.Hosts).WithOne().HasForeignKey(h => h.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<OrganizationHost> host)
    {
        host.Property(h => h.HostName).HasMaxLength(253);
        host.HasIndex(h => h.HostName).IsUnique();
    }
}

/// <summary>Accent colours that keep WCAG AA contrast with white text on KERN's surfaces.</summary>
public static class BrandColors
{
    public const string Default = "#0b5394";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["#0b5394"] = "Blau",
        ["#1b5e20"] = "Grün",
        ["#8b1a1a"] = "Rot",
        ["#4a148c"] = "Violett",
        ["#6d4c00"] = "Ocker",
        ["#263238"] = "Schiefer",
    };
}
