using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Organizations;

/// <summary>
/// A unit of the administration (Tiefbauamt, Ordnungsamt…): reports are routed to one, staff belong to
/// some. Deliberately small; the intranet will add its own details (hierarchy, rooms, phone numbers).
/// </summary>
public sealed class Department : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    /// <summary>URL-safe, unique per organisation.</summary>
    public required string Slug { get; set; }
    /// <summary>The department's shared mailbox (a function address, not a person's).</summary>
    public string? ContactEmail { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A staff member belongs to a department: sees its queue, can be assigned its reports.</summary>
public sealed class DepartmentMember : ITenantOwned
{
    public Guid OrganizationId { get; set; }
    public Guid DepartmentId { get; set; }
    public Guid UserId { get; set; }
    public DateTime AddedAt { get; set; }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>, IEntityTypeConfiguration<DepartmentMember>
{
    public void Configure(EntityTypeBuilder<Department> department)
    {
        department.ToTable("Departments");
        department.Property(d => d.Name).HasMaxLength(200);
        department.Property(d => d.Slug).HasMaxLength(63);
        department.Property(d => d.ContactEmail).HasMaxLength(254);
        department.HasIndex(d => new { d.OrganizationId, d.Slug }).IsUnique();
        department.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<DepartmentMember> member)
    {
        member.ToTable("DepartmentMembers");
        member.HasKey(m => new { m.DepartmentId, m.UserId });
        member.HasIndex(m => m.UserId);
        member.HasOne<Department>().WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
