using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>"Mein Profil": a member of staff edits their own profile and skills; there is no way to reach another person's.</summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
public sealed class MeModel(AppDb db, EditProfile edit, PeopleQuery people, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, Display(Name = "Abteilung")] public Guid? DepartmentId { get; set; }
    [BindProperty, Display(Name = "Funktion")] public string? JobTitle { get; set; }
    [BindProperty, Display(Name = "Sprachen")] public string? Languages { get; set; }
    [BindProperty, Display(Name = "Zertifikate und Qualifikationen")] public string? Certificates { get; set; }
    [BindProperty, Display(Name = "Erfahrung")] public string? Experience { get; set; }
    [BindProperty, Display(Name = "Ich kann helfen bei …")] public string? CanHelpWith { get; set; }
    [BindProperty, Display(Name = "Neue Fähigkeit")] public string? SkillName { get; set; }
    [BindProperty] public SkillLevel Level { get; set; }

    public List<PeopleQuery.DepartmentOption> Departments { get; private set; } = [];
    public List<PeopleQuery.SkillView> Skills { get; private set; } = [];
    public bool HasProfile { get; private set; }
    public Guid UserId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Me() is not { } me)
            return Forbid();
        var profile = await db.Set<StaffProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == me, ct);
        if (profile is not null)
            (DepartmentId, JobTitle, Languages, Certificates, Experience, CanHelpWith) =
                (profile.DepartmentId, profile.JobTitle, profile.Languages, profile.Certificates, profile.Experience, profile.CanHelpWith);
        await LoadAsync(me, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (Me() is not { } me)
            return Forbid();
        // A department id that is no id fails binding; the use case then says the choice is unknown.
        var department = ModelState.TryGetValue(nameof(DepartmentId), out var d) && d.Errors.Count > 0 ? Guid.Empty : DepartmentId;
        ModelState.Clear();
        var problems = await edit.SaveAsync(me, new ProfileInput(department, JobTitle, Languages, Certificates, Experience, CanHelpWith), ct);
        if (problems.Count == 0)
        {
            this.Flash(text["Ihr Profil ist gespeichert."]);
            return Redirect("/intranet/personen/ich");
        }
        foreach (var problem in problems)
            ModelState.AddModelError(problem switch
            {
                PeopleProblem.JobTitleMissing or PeopleProblem.JobTitleTooLong => nameof(JobTitle),
                PeopleProblem.LanguagesTooLong => nameof(Languages),
                PeopleProblem.CertificatesTooLong => nameof(Certificates),
                PeopleProblem.ExperienceTooLong => nameof(Experience),
                PeopleProblem.CanHelpWithTooLong => nameof(CanHelpWith),
                _ => nameof(DepartmentId),
            }, PeopleTexts.Message(problem, text));
        await LoadAsync(me, ct);
        return this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostAddSkillAsync(CancellationToken ct)
    {
        if (Me() is not { } me)
            return Forbid();
        var level = ModelState.TryGetValue(nameof(Level), out var l) && l.Errors.Count > 0 ? (SkillLevel)(-1) : Level;
        ModelState.Clear();
        if (await edit.AddSkillAsync(me, SkillName, level, ct) is { } problem)
        {
            ModelState.AddModelError(problem == PeopleProblem.UnknownLevel ? nameof(Level) : nameof(SkillName), PeopleTexts.Message(problem, text));
            await ReloadProfileAsync(me, ct);
            return this.PageWithErrors();
        }
        this.Flash(text["Die Fähigkeit steht jetzt in Ihrem Profil."]);
        return Redirect("/intranet/personen/ich#faehigkeiten");
    }

    public async Task<IActionResult> OnPostRemoveSkillAsync(Guid skillId, CancellationToken ct)
    {
        if (Me() is not { } me)
            return Forbid();
        if (!await edit.RemoveSkillAsync(me, skillId, ct))
            return NotFound();
        this.Flash(text["Die Fähigkeit ist entfernt."]);
        return Redirect("/intranet/personen/ich#faehigkeiten");
    }

    private Guid? Me() => SpaceAccess.Caller.Of(User) is { Staff: true } caller ? caller.UserId : null;

    private async Task ReloadProfileAsync(Guid me, CancellationToken ct)
    {
        var profile = await db.Set<StaffProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == me, ct);
        if (profile is not null)
            (DepartmentId, JobTitle, Languages, Certificates, Experience, CanHelpWith) =
                (profile.DepartmentId, profile.JobTitle, profile.Languages, profile.Certificates, profile.Experience, profile.CanHelpWith);
        await LoadAsync(me, ct);
    }

    private async Task LoadAsync(Guid me, CancellationToken ct)
    {
        UserId = me;
        Departments = await people.DepartmentsAsync(ct);
        HasProfile = await db.Set<StaffProfile>().AnyAsync(p => p.UserId == me, ct);
        Skills = (await people.ProfileAsync(me, me, ct))?.Skills ?? [];
    }
}
