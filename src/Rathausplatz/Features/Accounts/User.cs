using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Accounts;

/// <summary>
/// An account is a membership in one organisation: each municipality is its own data controller
/// (DSGVO), so a person who uses two towns has two accounts. Identity's own properties (e-mail,
/// phone…) already carry <see cref="PersonalDataAttribute"/>.
/// </summary>
public sealed class User : IdentityUser<Guid>, ITenantOwned
{
    public User() => Id = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>"de" or "en": mails and pages for this person use it.</summary>
    [PersonalData]
    public string PreferredLanguage { get; set; } = "de";

    [PersonalData]
    public DateTime CreatedAt { get; set; }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.Property(u => u.PreferredLanguage).HasMaxLength(5);
        user.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Cascade);

        // Identity makes user names unique installation-wide; here they are unique per organisation.
        var userNameIndex = user.Metadata.GetIndexes().Single(i => i.Properties.Single().Name == nameof(User.NormalizedUserName));
        user.Metadata.RemoveIndex(userNameIndex);
        user.HasIndex(u => new { u.OrganizationId, u.NormalizedUserName }).IsUnique();
        user.HasIndex(u => new { u.OrganizationId, u.NormalizedEmail });
    }
}
