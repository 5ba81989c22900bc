using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Reports;

/// <summary>
/// "Me too": someone else has the same problem. One per report and verified address or account (unique
/// keys; NULLs do not collide). An address counts only after its confirmation link was used
/// (<see cref="VerifiedAt"/>); an account counts at once.
/// </summary>
public sealed class ReportSupport : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ReportId { get; set; }
    /// <summary>Normalised; never public.</summary>
    [PersonalData]
    public string? Email { get; set; }
    public Guid? UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? VerifiedAt { get; set; }
    /// <summary>Random; in the confirmation link.</summary>
    public string Secret { get; set; } = Report.NewSecret();
}

internal sealed class ReportSupportConfiguration : IEntityTypeConfiguration<ReportSupport>
{
    public void Configure(EntityTypeBuilder<ReportSupport> support)
    {
        support.ToTable("ReportSupports");
        support.Property(s => s.Email).HasMaxLength(254);
        support.Property(s => s.Secret).HasMaxLength(64);
        support.HasIndex(s => new { s.ReportId, s.Email }).IsUnique();
        support.HasIndex(s => new { s.ReportId, s.UserId }).IsUnique();
        support.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        support.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
