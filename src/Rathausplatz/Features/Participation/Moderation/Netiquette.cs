using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Participation.Moderation;

/// <summary>
/// That a person accepted the house rules before their first contribution, when, and which text: the
/// version is a fingerprint of the organisation's netiquette as it read then (Organisation.Netiquette has
/// no history of its own, so this is what a later dispute can be checked against).
/// </summary>
public sealed class NetiquetteAcceptance : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    [PersonalData]
    public DateTime AcceptedAt { get; set; }
    /// <summary>The first 16 hex digits of the SHA-256 of the netiquette text.</summary>
    [PersonalData]
    public required string TextVersion { get; set; }
}

internal sealed class NetiquetteAcceptanceConfiguration : IEntityTypeConfiguration<NetiquetteAcceptance>
{
    public void Configure(EntityTypeBuilder<NetiquetteAcceptance> acceptance)
    {
        acceptance.ToTable("NetiquetteAcceptances");
        acceptance.Property(a => a.TextVersion).HasMaxLength(64);
        acceptance.HasIndex(a => a.UserId).IsUnique();
        acceptance.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Asks and records the acceptance. Contributions (proposals, comments) need it; supports and votes do not,
/// as they say nothing anyone could be offended by. An acceptance holds for the text as it read then: when
/// the organisation changes its netiquette, the next contribution asks again, and the renewed acceptance
/// replaces the old one (one row per person, with the time and version of the latest).
/// </summary>
public sealed class Netiquette(AppDb db, TimeProvider time)
{
    public async Task<bool> AcceptedAsync(Guid userId, CancellationToken ct)
    {
        var current = await CurrentVersionAsync(ct);
        return await db.Set<NetiquetteAcceptance>().AnyAsync(a => a.UserId == userId && a.TextVersion == current, ct);
    }

    /// <summary>
    /// True when the person has accepted the current text, now or before. With <paramref name="acceptsNow"/> the
    /// acceptance is recorded (its own save: the contribution may still be refused for another reason, and the
    /// acceptance stands regardless).
    /// </summary>
    public async Task<bool> EnsureAsync(Guid userId, bool acceptsNow, CancellationToken ct)
    {
        var current = await CurrentVersionAsync(ct);
        var acceptance = await db.Set<NetiquetteAcceptance>().SingleOrDefaultAsync(a => a.UserId == userId, ct);
        if (acceptance?.TextVersion == current)
            return true;
        if (!acceptsNow)
            return false;
        var now = time.GetUtcNow().UtcDateTime;
        if (acceptance is null)
            db.Add(acceptance = new NetiquetteAcceptance { UserId = userId, AcceptedAt = now, TextVersion = current });
        else
            (acceptance.AcceptedAt, acceptance.TextVersion) = (now, current);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person's other tab accepted a moment earlier: accepted either way.
            db.Entry(acceptance).State = EntityState.Detached;
        }
        return true;
    }

    private Task<string> CurrentVersionAsync(CancellationToken ct) => CurrentVersionAsync(db, ct);

    /// <summary>The fingerprint of the current organisation's netiquette as it reads now.</summary>
    public static async Task<string> CurrentVersionAsync(AppDb db, CancellationToken ct)
    {
        var organizationId = db.CurrentOrganizationId;
        return VersionOf(await db.Set<Organization>().Where(o => o.Id == organizationId).Select(o => o.Netiquette).SingleOrDefaultAsync(ct) ?? "");
    }

    public static string VersionOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n").Trim())))[..16];
}
