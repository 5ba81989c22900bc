using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Participation.Verification;

public enum ResidencyCheck { Code, Counter }

/// <summary>
/// An account confirmed as a resident of the town: by a code from a letter, or in person at a counter
/// (Bürgerbüro) by staff who saw an identity card. One row per account. At the counter the person is kept
/// as a pseudonym (<see cref="IdentityHash"/>: a hash of name and date of birth) so that one person
/// cannot confirm a second account there; the name itself is not stored.
/// </summary>
public sealed class ResidentVerification : ITenantOwned
{
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    public ResidencyCheck Method { get; set; }
    public DateTime VerifiedAt { get; set; }
    /// <summary>The letter's code, for <see cref="ResidencyCheck.Code"/>.</summary>
    public Guid? CodeId { get; set; }
    /// <summary>The staff member at the counter, for <see cref="ResidencyCheck.Counter"/>.</summary>
    public Guid? CheckedById { get; set; }
    public string? IdentityHash { get; set; }
}

internal sealed class ResidentVerificationConfiguration : IEntityTypeConfiguration<ResidentVerification>
{
    public void Configure(EntityTypeBuilder<ResidentVerification> verification)
    {
        verification.ToTable("ResidentVerifications");
        verification.HasKey(v => new { v.OrganizationId, v.UserId });
        verification.Property(v => v.Method).HasConversion<string>().HasMaxLength(16);
        verification.Property(v => v.IdentityHash).HasMaxLength(64);
        // One person, one account: NULLs (code checks) are distinct in a unique index on both providers.
        verification.HasIndex(v => new { v.OrganizationId, v.IdentityHash }).IsUnique();
        verification.HasIndex(v => v.CodeId).IsUnique();
        verification.HasOne<User>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        verification.HasOne<ResidencyCode>().WithMany().HasForeignKey(v => v.CodeId).OnDelete(DeleteBehavior.Restrict);
        verification.HasOne<User>().WithMany().HasForeignKey(v => v.CheckedById).OnDelete(DeleteBehavior.SetNull);
    }
}
