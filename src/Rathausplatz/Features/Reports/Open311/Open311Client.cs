using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports.Open311;

/// <summary>
/// A client application that may submit reports through Open311 (a town app, a regional portal). Only the
/// SHA-256 of its key is stored: the key is shown once when it is made, and a lost key is revoked and
/// replaced, never shown again. The key is 192 random bits, so a fast hash is enough (nothing to guess).
/// </summary>
public sealed class Open311Client : ITenantOwned
{
    public const int MaxName = 100;
    private const string Prefix = "rp311_";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string KeyHash { get; set; }
    /// <summary>The key's first characters, so admins can tell keys apart without the key.</summary>
    public required string KeyHint { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    /// <summary>Set when an admin revoked the key: posts with it are refused from then on.</summary>
    public DateTime? RevokedAt { get; set; }
    public Guid? RevokedById { get; set; }

    public bool Revoked => RevokedAt is not null;

    /// <summary>A new key: "rp311_" and 32 characters of base64url.</summary>
    public static string NewKey() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Hint(string key) => key[..Math.Min(key.Length, Prefix.Length + 4)] + "…";
}

internal sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> client)
    {
        client.ToTable("Open311Clients");
        client.Property(c => c.Name).HasMaxLength(Open311Client.MaxName);
        client.Property(c => c.KeyHash).HasMaxLength(64);
        client.Property(c => c.KeyHint).HasMaxLength(20);
        // Keys are looked up by hash on every post; unique across all organisations (a clash is 2^-192).
        client.HasIndex(c => c.KeyHash).IsUnique();
        client.HasIndex(c => new { c.OrganizationId, c.CreatedAt });
        client.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        client.HasOne<User>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.SetNull);
        client.HasOne<User>().WithMany().HasForeignKey(c => c.RevokedById).OnDelete(DeleteBehavior.SetNull);
    }
}
