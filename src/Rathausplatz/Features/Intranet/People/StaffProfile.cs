using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>How well someone knows a skill, as they say themselves. Stored as numbers: do not reorder.</summary>
public enum SkillLevel { Unstated = 0, Basic = 1, Advanced = 2, Expert = 3 }

/// <summary>
/// What a member of staff tells colleagues about themselves: where they work, what they do and know. Only staff
/// have one (guests do not); each person edits their own. The department is the one they name as theirs; it is
/// not <see cref="DepartmentMember"/>, which gives access to a department's report queue and is for admins to grant.
/// </summary>
public sealed class StaffProfile : ITenantOwned
{
    public const int MaxJobTitle = 120;
    public const int MaxShort = 500;
    public const int MaxExperience = 4000;

    /// <summary>One profile per account: the user id is the key.</summary>
    public Guid UserId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? DepartmentId { get; set; }
    [PersonalData] public string JobTitle { get; set; } = "";
    /// <summary>Free text ("Deutsch, Englisch, Türkisch").</summary>
    [PersonalData] public string Languages { get; set; } = "";
    [PersonalData] public string Certificates { get; set; } = "";
    /// <summary>Markdown; shown only through <see cref="MarkdownRenderer"/>.</summary>
    [PersonalData] public string Experience { get; set; } = "";
    /// <summary>"Ich kann helfen bei …": plain text.</summary>
    [PersonalData] public string CanHelpWith { get; set; } = "";
    /// <summary>
    /// Name, job title and "can help with" in lower case, for the finder's free text: SQLite and PostgreSQL compare
    /// case differently, and lower-casing in .NET treats umlauts the same on both. Written whenever the profile is saved.
    /// </summary>
    public string SearchText { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One skill of one person: a free tag, stored normalised (see <see cref="SkillName"/>).</summary>
public sealed class ProfileSkill : ITenantOwned
{
    public const int MaxName = 60;
    public const int MaxPerPerson = 40;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public SkillLevel Level { get; set; }
    public DateTime AddedAt { get; set; }
}

/// <summary>A colleague confirms one skill of another: once per colleague and skill, never one's own.</summary>
public sealed class SkillEndorsement : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SkillId { get; set; }
    public Guid EndorserId { get; set; }
    public DateTime At { get; set; }
}

internal sealed class StaffProfileConfiguration : IEntityTypeConfiguration<StaffProfile>, IEntityTypeConfiguration<ProfileSkill>, IEntityTypeConfiguration<SkillEndorsement>
{
    public void Configure(EntityTypeBuilder<StaffProfile> profile)
    {
        profile.ToTable("IntranetProfiles");
        profile.HasKey(p => p.UserId);
        profile.Property(p => p.JobTitle).HasMaxLength(StaffProfile.MaxJobTitle);
        profile.Property(p => p.Languages).HasMaxLength(StaffProfile.MaxShort);
        profile.Property(p => p.Certificates).HasMaxLength(StaffProfile.MaxShort);
        profile.Property(p => p.Experience).HasMaxLength(StaffProfile.MaxExperience);
        profile.Property(p => p.CanHelpWith).HasMaxLength(StaffProfile.MaxShort);
        profile.Property(p => p.SearchText).HasMaxLength(1000);
        profile.HasOne<User>().WithOne().HasForeignKey<StaffProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        // A department that closes leaves its people without one, not without a profile.
        profile.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<ProfileSkill> skill)
    {
        skill.ToTable("IntranetProfileSkills");
        skill.Property(s => s.Name).HasMaxLength(ProfileSkill.MaxName);
        // A skill once per person; adding it twice at once fails on the second insert.
        skill.HasIndex(s => new { s.UserId, s.Name }).IsUnique();
        // "Who else knows this" and the experts of a question start from the name.
        skill.HasIndex(s => new { s.OrganizationId, s.Name });
        skill.HasOne<StaffProfile>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SkillEndorsement> endorsement)
    {
        endorsement.ToTable("IntranetSkillEndorsements");
        endorsement.HasIndex(e => new { e.SkillId, e.EndorserId }).IsUnique();
        endorsement.HasIndex(e => e.EndorserId);
        endorsement.HasOne<ProfileSkill>().WithMany().HasForeignKey(e => e.SkillId).OnDelete(DeleteBehavior.Cascade);
        endorsement.HasOne<User>().WithMany().HasForeignKey(e => e.EndorserId).OnDelete(DeleteBehavior.Cascade);
    }
}
