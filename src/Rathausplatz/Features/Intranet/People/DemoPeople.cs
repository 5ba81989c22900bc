using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>For the demo town: profiles with a few skills and confirmations for the demo staff, so the expert finder shows something.</summary>
public static class DemoPeople
{
    public static async Task SeedAsync(AppDb db, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var people = await db.Users.ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DisplayName));
        var departments = await db.Set<Department>().ToDictionaryAsync(d => d.Slug, d => d.Id);
        Guid? Department(string slug) => departments.TryGetValue(slug, out var id) ? id : null;

        Dictionary<string, ProfileSkill> Profile(string email, string? department, string jobTitle, string canHelpWith, string languages,
            string experience, params (string Name, SkillLevel Level)[] skills)
        {
            var (id, name) = people[email];
            db.Add(new StaffProfile
            {
                UserId = id, DepartmentId = department is null ? null : Department(department), JobTitle = jobTitle, CanHelpWith = canHelpWith,
                Languages = languages, Experience = experience, SearchText = EditProfile.SearchText(name, jobTitle, canHelpWith), UpdatedAt = now,
            });
            var added = skills.ToDictionary(s => s.Name, s => new ProfileSkill { UserId = id, Name = SkillName.Normalize(s.Name), Level = s.Level, AddedAt = now });
            db.AddRange(added.Values);
            return added;
        }

        var staff = Profile("mitarbeit@musterstadt.example", "ordnungsamt", "Sachbearbeitung Bürgerbüro", "E-Akte, Scannen, Online-Anträge",
            "Deutsch, Englisch, Türkisch", "Seit 2019 im **Bürgerbüro**; hat die Einführung der E-Akte begleitet.",
            ("E-Akte", SkillLevel.Expert), ("Excel-Makros", SkillLevel.Advanced), ("Türkisch", SkillLevel.Expert));
        var editor = Profile("redaktion@musterstadt.example", null, "Redaktion und Öffentlichkeitsarbeit", "Texte, barrierefreie PDFs, Leichte Sprache",
            "Deutsch, Englisch", "Presse- und Öffentlichkeitsarbeit, vorher Lokaljournalismus.",
            ("Barrierefreiheit", SkillLevel.Expert), ("Leichte Sprache", SkillLevel.Advanced), ("Excel", SkillLevel.Basic));
        var admin = Profile("verwaltung@musterstadt.example", "tiefbauamt", "Amtsleitung Tiefbauamt", "Vergabe, Baustellenkoordination",
            "Deutsch", "Bauingenieur, seit 2015 Amtsleitung.",
            ("Vergaberecht", SkillLevel.Expert), ("Projektmanagement", SkillLevel.Advanced));

        void Endorse(Dictionary<string, ProfileSkill> skills, string skill, string byEmail) =>
            db.Add(new SkillEndorsement { SkillId = skills[skill].Id, EndorserId = people[byEmail].Id, At = now });
        Endorse(staff, "E-Akte", "redaktion@musterstadt.example");
        Endorse(staff, "E-Akte", "verwaltung@musterstadt.example");
        Endorse(staff, "Excel-Makros", "verwaltung@musterstadt.example");
        Endorse(editor, "Barrierefreiheit", "mitarbeit@musterstadt.example");
        Endorse(admin, "Vergaberecht", "mitarbeit@musterstadt.example");
        await db.SaveChangesAsync();
    }
}
