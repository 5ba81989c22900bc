using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom.Previews;

/// <summary>
/// A link that shows a post not yet public to someone without an account (the mayor's office, a
/// department). Only the SHA-256 of its random token is stored: a copy of the database gives no
/// working links. It ends at <see cref="ExpiresAt"/> or when an editor revokes it.
/// </summary>
public sealed class PreviewLink : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PostId { get; set; }
    /// <summary>Lower-case hex SHA-256 of the token in the address.</summary>
    public string TokenHash { get; set; } = "";
    public Guid CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class PreviewLinkConfiguration : IEntityTypeConfiguration<PreviewLink>
{
    public void Configure(EntityTypeBuilder<PreviewLink> link)
    {
        link.Property(l => l.TokenHash).HasMaxLength(64);
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.HasIndex(l => l.PostId);
        link.Property(l => l.CreatedByName).HasMaxLength(200);
        link.HasOne<Post>().WithMany().HasForeignKey(l => l.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
