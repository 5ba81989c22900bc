using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Participation.Verification;

/// <summary>
/// A one-time code the town prints into a letter to one resident (from the register of residents, through
/// a letter shop). Whoever enters it is a confirmed resident; the code then belongs to that account and
/// to no other. Only its hash is stored: the letters are the one place where the code can be read.
/// </summary>
public sealed class ResidencyCode : ITenantOwned
{
    public const int MaxBatch = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>SHA-256 of the organisation and the normalised code (<see cref="ResidencyCodes.Hash"/>).</summary>
    public required string CodeHash { get; set; }
    /// <summary>The print run it came from, as staff named it ("Bürgerhaushalt 2027, Nordstadt").</summary>
    public required string Batch { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? RedeemedById { get; set; }
    public DateTime? RedeemedAt { get; set; }
}

internal sealed class ResidencyCodeConfiguration : IEntityTypeConfiguration<ResidencyCode>
{
    public void Configure(EntityTypeBuilder<ResidencyCode> code)
    {
        code.ToTable("ResidencyCodes");
        code.Property(c => c.CodeHash).HasMaxLength(64);
        code.Property(c => c.Batch).HasMaxLength(ResidencyCode.MaxBatch);
        // Unique per town: the key that makes a code redeemable once, whatever races.
        code.HasIndex(c => new { c.OrganizationId, c.CodeHash }).IsUnique();
        code.HasOne<User>().WithMany().HasForeignKey(c => c.RedeemedById).OnDelete(DeleteBehavior.SetNull);
    }
}
