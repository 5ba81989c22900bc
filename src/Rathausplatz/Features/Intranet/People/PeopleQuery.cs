using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>
/// Reads for the people pages: the expert finder, one profile, and colleagues from other departments with the
/// same skill. Only profiles of accounts that still have a staff role count (a profile stays when the role goes,
/// but nobody should be sent to a former colleague).
/// </summary>
public sealed class PeopleQuery(AppDb db, MarkdownRenderer markdown)
{
    public const int MaxResults = 50;
    public const int MaxTerm = 100;

    public sealed record SkillView(Guid Id, string Name, SkillLevel Level, int Endorsements, bool EndorsedByMe);

    public sealed record ProfileView(Guid UserId, string Name, string? Department, Guid? DepartmentId, string JobTitle, string Languages,
        string Certificates, string ExperienceHtml, string CanHelpWith, List<SkillView> Skills);

    /// <summary>A finder hit; <paramref name="Matching"/> are the skills that matched (with their confirmations), best first.</summary>
    public sealed record Hit(Guid UserId, string Name, string JobTitle, string? Department, List<(string Name, int Endorsements)> Matching, int Endorsements);

    public sealed record Colleague(Guid UserId, string Name, string? Department, string Skill);

    private IQueryable<StaffProfile> Profiles() =>
        db.Set<StaffProfile>().AsNoTracking().Where(p => db.UserRoles.Any(ur => ur.UserId == p.UserId
            && db.Roles.Any(r => r.Id == ur.RoleId && SpaceAccess.StaffRoles.Contains(r.Name!))));

    public static string Term(string? raw)
    {
        var term = SkillName.Normalize(raw);
        return term.Length <= MaxTerm ? term : term[..MaxTerm];
    }

    /// <summary>
    /// Profiles whose skills contain <paramref name="skill"/> (a part of a word is enough: "excel" finds
    /// "excel-makros") and whose name, job title, "can help with" or skills contain <paramref name="text"/>;
    /// ranked by the confirmations of the matching skills, then of all skills, then by name. Without either term, everyone.
    /// </summary>
    public async Task<List<Hit>> FindAsync(string skill, string text, CancellationToken ct)
    {
        var profiles = Profiles();
        if (skill.Length > 0)
            profiles = profiles.Where(p => db.Set<ProfileSkill>().Any(s => s.UserId == p.UserId && s.Name.Contains(skill)));
        if (text.Length > 0)
            profiles = profiles.Where(p => p.SearchText.Contains(text) || db.Set<ProfileSkill>().Any(s => s.UserId == p.UserId && s.Name.Contains(text)));
        var people = await (from p in profiles
                            join u in db.Users on p.UserId equals u.Id
                            select new
                            {
                                p.UserId,
                                u.DisplayName,
                                p.JobTitle,
                                Department = db.Set<Department>().Where(d => d.Id == p.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                            })
            // Enough to rank from; the page shows fewer.
            .OrderBy(p => p.DisplayName).Take(500).ToListAsync(ct);
        var ids = people.Select(p => p.UserId).ToList();
        var skills = await db.Set<ProfileSkill>().AsNoTracking().Where(s => ids.Contains(s.UserId))
            .Select(s => new { s.UserId, s.Name, Endorsements = db.Set<SkillEndorsement>().Count(e => e.SkillId == s.Id) })
            .ToListAsync(ct);
        var bySkills = skills.ToLookup(s => s.UserId);
        bool Matches(string name) => (skill.Length == 0 || name.Contains(skill, StringComparison.Ordinal))
            && (text.Length == 0 || skill.Length > 0 || name.Contains(text, StringComparison.Ordinal));
        return people.Select(p =>
            {
                var own = bySkills[p.UserId].ToList();
                var matching = skill.Length == 0 && text.Length == 0 ? [] : own.Where(s => Matches(s.Name))
                    .OrderByDescending(s => s.Endorsements).ThenBy(s => s.Name, StringComparer.Ordinal).Select(s => (s.Name, s.Endorsements)).ToList();
                return new Hit(p.UserId, p.DisplayName, p.JobTitle, p.Department, matching, own.Sum(s => s.Endorsements));
            })
            .OrderByDescending(h => h.Matching.Sum(m => m.Endorsements)).ThenByDescending(h => h.Endorsements)
            .ThenBy(h => h.Name, StringComparer.CurrentCulture).Take(MaxResults).ToList();
    }

    /// <summary>The profile of a member of staff of this organisation, or null (answer 404).</summary>
    public async Task<ProfileView?> ProfileAsync(Guid userId, Guid viewerId, CancellationToken ct)
    {
        var found = await (from p in Profiles()
                           join u in db.Users on p.UserId equals u.Id
                           where p.UserId == userId
                           select new
                           {
                               Profile = p,
                               u.DisplayName,
                               Department = db.Set<Department>().Where(d => d.Id == p.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                           }).SingleOrDefaultAsync(ct);
        if (found is null)
            return null;
        var skills = await db.Set<ProfileSkill>().AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new SkillView(s.Id, s.Name, s.Level,
                db.Set<SkillEndorsement>().Count(e => e.SkillId == s.Id),
                db.Set<SkillEndorsement>().Any(e => e.SkillId == s.Id && e.EndorserId == viewerId)))
            .ToListAsync(ct);
        var pr = found.Profile;
        return new ProfileView(pr.UserId, found.DisplayName, found.Department, pr.DepartmentId, pr.JobTitle, pr.Languages, pr.Certificates,
            markdown.ToSafeHtml(pr.Experience), pr.CanHelpWith,
            skills.OrderByDescending(s => s.Endorsements).ThenBy(s => s.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>"Kolleg:innen aus anderen Abteilungen mit dieser Fähigkeit": people outside the profile's department (or all, when it names none) with one of its skills.</summary>
    public async Task<List<Colleague>> OtherDepartmentsAsync(ProfileView profile, int take, CancellationToken ct)
    {
        var names = profile.Skills.Select(s => s.Name).ToList();
        if (names.Count == 0)
            return [];
        var department = profile.DepartmentId;
        var rows = await (from s in db.Set<ProfileSkill>().AsNoTracking()
                          join p in Profiles() on s.UserId equals p.UserId
                          join u in db.Users on p.UserId equals u.Id
                          where names.Contains(s.Name) && s.UserId != profile.UserId && (department == null || p.DepartmentId != department)
                          orderby u.DisplayName, s.Name
                          select new Colleague(u.Id, u.DisplayName,
                              db.Set<Department>().Where(d => d.Id == p.DepartmentId).Select(d => d.Name).FirstOrDefault(), s.Name))
            .Take(200).ToListAsync(ct);
        // One line per person, with the first skill they share.
        return rows.GroupBy(r => r.UserId).Select(g => g.First()).Take(take).ToList();
    }

    public sealed record DepartmentOption(Guid Id, string Name);

    public Task<List<DepartmentOption>> DepartmentsAsync(CancellationToken ct) =>
        db.Set<Department>().AsNoTracking().OrderBy(d => d.Name).Select(d => new DepartmentOption(d.Id, d.Name)).ToListAsync(ct);
}
