using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Intranet.People;

public sealed record ProfileInput(Guid? DepartmentId, string? JobTitle, string? Languages, string? Certificates, string? Experience, string? CanHelpWith);

/// <summary>
/// A member of staff keeps their own profile and skills (pages check that the caller is staff and pass their own
/// id: nobody edits another person's profile). Skills are added and removed one by one, so the confirmations of
/// colleagues stay with a skill as long as it is there.
/// </summary>
public sealed class EditProfile(AppDb db, TimeProvider time)
{
    public async Task<List<PeopleProblem>> SaveAsync(Guid userId, ProfileInput input, CancellationToken ct)
    {
        var jobTitle = input.JobTitle?.Trim() ?? "";
        var languages = input.Languages?.Trim() ?? "";
        var certificates = input.Certificates?.Trim() ?? "";
        var experience = input.Experience?.Trim() ?? "";
        var canHelpWith = input.CanHelpWith?.Trim() ?? "";
        var problems = new List<PeopleProblem>();
        if (jobTitle.Length == 0) problems.Add(PeopleProblem.JobTitleMissing);
        if (jobTitle.Length > StaffProfile.MaxJobTitle) problems.Add(PeopleProblem.JobTitleTooLong);
        if (languages.Length > StaffProfile.MaxShort) problems.Add(PeopleProblem.LanguagesTooLong);
        if (certificates.Length > StaffProfile.MaxShort) problems.Add(PeopleProblem.CertificatesTooLong);
        if (experience.Length > StaffProfile.MaxExperience) problems.Add(PeopleProblem.ExperienceTooLong);
        if (canHelpWith.Length > StaffProfile.MaxShort) problems.Add(PeopleProblem.CanHelpWithTooLong);
        // The tenant filter hides other organisations' departments: their ids are unknown here.
        if (input.DepartmentId is { } departmentId && !await db.Set<Department>().AnyAsync(d => d.Id == departmentId, ct))
            problems.Add(PeopleProblem.UnknownDepartment);
        if (problems.Count > 0)
            return problems;

        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        var profile = await db.Set<StaffProfile>().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null)
        {
            profile = new StaffProfile { UserId = userId };
            db.Add(profile);
        }
        profile.DepartmentId = input.DepartmentId;
        profile.JobTitle = jobTitle;
        profile.Languages = languages;
        profile.Certificates = certificates;
        profile.Experience = experience;
        profile.CanHelpWith = canHelpWith;
        profile.SearchText = SearchText(name, jobTitle, canHelpWith);
        profile.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return [];
    }

    internal static string SearchText(string name, string jobTitle, string canHelpWith)
    {
        var text = SkillName.Normalize($"{name} {jobTitle} {canHelpWith}");
        return text.Length <= 1000 ? text : text[..1000];
    }

    public async Task<PeopleProblem?> AddSkillAsync(Guid userId, string? rawName, SkillLevel level, CancellationToken ct)
    {
        var name = SkillName.Normalize(rawName);
        if (name.Length == 0) return PeopleProblem.SkillMissing;
        if (name.Length > ProfileSkill.MaxName) return PeopleProblem.SkillTooLong;
        if (!SkillName.IsValid(name)) return PeopleProblem.SkillInvalid;
        if (!Enum.IsDefined(level)) return PeopleProblem.UnknownLevel;
        if (!await db.Set<StaffProfile>().AnyAsync(p => p.UserId == userId, ct)) return PeopleProblem.ProfileMissing;
        var skills = await db.Set<ProfileSkill>().Where(s => s.UserId == userId).Select(s => s.Name).ToListAsync(ct);
        if (skills.Contains(name)) return PeopleProblem.SkillExists;
        if (skills.Count >= ProfileSkill.MaxPerPerson) return PeopleProblem.TooManySkills;
        db.Add(new ProfileSkill { UserId = userId, Name = name, Level = level, AddedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same skill added in another tab at the same moment: the unique index kept one.
            db.ChangeTracker.Clear();
            return PeopleProblem.SkillExists;
        }
        return null;
    }

    /// <summary>Removes one of the person's own skills (with its confirmations); false when they have no such skill.</summary>
    public async Task<bool> RemoveSkillAsync(Guid userId, Guid skillId, CancellationToken ct)
    {
        if (await db.Set<ProfileSkill>().Where(s => s.Id == skillId && s.UserId == userId).ExecuteDeleteAsync(ct) == 0)
            return false;
        // A bulk delete passes the search index by: the profile is found by its remaining skills only.
        await Search.IntranetSearchIndexer.ReindexAsync(db, [(Search.SearchKind.Person, userId)], ct);
        return true;
    }
}
