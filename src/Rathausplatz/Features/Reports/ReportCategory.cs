using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports;

/// <summary>
/// What can be reported ("Straßenschaden", "Beleuchtung defekt"), configured per organisation: the
/// Open311 <em>service</em>. <see cref="Code"/> is its <c>service_code</c>; <see cref="Fields"/> are its
/// service definition. Reports go to <see cref="DepartmentId"/> and are expected done after <see cref="DueDays"/>.
/// </summary>
public sealed class ReportCategory : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>Open311 <c>service_code</c>: stable, unique per organisation (apps store it).</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Open311 <c>group</c>: heading under which forms list the category ("Straße und Verkehr").</summary>
    public string? Group { get; set; }
    /// <summary>Open311 <c>keywords</c>: comma-separated words that help to find the category.</summary>
    public string? Keywords { get; set; }
    /// <summary>Where new reports of this category go; null: nobody yet (the back office sees them unrouted).</summary>
    public Guid? DepartmentId { get; set; }
    /// <summary>Days from receipt until a report is expected done (Open311 <c>expected_datetime</c>); null: no promise.</summary>
    public int? DueDays { get; set; }
    /// <summary>An inactive category keeps its reports but takes no new ones and is not listed.</summary>
    public bool Active { get; set; } = true;
    /// <summary>Order in lists (then by name).</summary>
    public int Position { get; set; }
    public List<ReportCategoryField> Fields { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Open311 <c>metadata</c>: whether the category has a service definition to fetch.</summary>
    public bool HasFields => Fields.Count > 0;
}

/// <summary>Open311 attribute datatypes; the names are the specification's, lower-cased when written.</summary>
public enum ReportFieldType { String = 0, Number = 1, Datetime = 2, Text = 3, SingleValueList = 4, MultiValueList = 5 }

/// <summary>
/// An extra question of a category (Open311 service definition <em>attribute</em>): "Welche Leuchte?",
/// "Ist die Fahrbahn blockiert?". A field with <see cref="Variable"/> off is information shown, not asked.
/// </summary>
public sealed class ReportCategoryField : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid CategoryId { get; set; }
    /// <summary>Open311 attribute <c>code</c>: unique within the category.</summary>
    public required string Code { get; set; }
    public ReportFieldType Datatype { get; set; }
    public bool Required { get; set; }
    /// <summary>Open311 <c>variable</c>: true for a question the reporter answers; false for a note only shown.</summary>
    public bool Variable { get; set; } = true;
    /// <summary>Open311 <c>description</c>: the question or note as forms show it.</summary>
    public required string Label { get; set; }
    /// <summary>Open311 <c>datatype_description</c>: a hint on the expected answer ("Nummer am Mast").</summary>
    public string? DatatypeDescription { get; set; }
    /// <summary>Open311 <c>order</c>.</summary>
    public int Position { get; set; }
    /// <summary>The choices of a single- or multi-value list (Open311 <c>values</c>: key and name).</summary>
    public List<ReportFieldValue> Values { get; set; } = [];

    public bool IsList => Datatype is ReportFieldType.SingleValueList or ReportFieldType.MultiValueList;
}

/// <summary>One choice of a list field: the key is stored and sent, the name shown.</summary>
public sealed record ReportFieldValue(string Key, string Name);

internal sealed class ReportCategoryConfiguration : IEntityTypeConfiguration<ReportCategory>, IEntityTypeConfiguration<ReportCategoryField>
{
    public void Configure(EntityTypeBuilder<ReportCategory> category)
    {
        category.ToTable("ReportCategories");
        category.Property(c => c.Code).HasMaxLength(64);
        category.Property(c => c.Name).HasMaxLength(200);
        category.Property(c => c.Description).HasMaxLength(2000);
        category.Property(c => c.Group).HasMaxLength(200);
        category.Property(c => c.Keywords).HasMaxLength(500);
        category.HasIndex(c => new { c.OrganizationId, c.Code }).IsUnique();
        category.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        // A department that is removed leaves its categories unrouted, not deleted.
        category.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        category.HasMany(c => c.Fields).WithOne().HasForeignKey(f => f.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReportCategoryField> field)
    {
        field.ToTable("ReportCategoryFields");
        field.Property(f => f.Code).HasMaxLength(64);
        field.Property(f => f.Label).HasMaxLength(500);
        field.Property(f => f.DatatypeDescription).HasMaxLength(500);
        field.Property(f => f.Values).AsJson();
        field.HasIndex(f => new { f.CategoryId, f.Code }).IsUnique();
    }
}
