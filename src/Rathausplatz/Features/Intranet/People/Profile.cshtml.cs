using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>
/// A colleague's profile: skills with their confirmations ("Bestätigen", once per colleague and skill, not one's
/// own), and colleagues from other departments with the same skills. Staff only; a person without a profile,
/// a guest, or someone of another organisation is not found.
/// </summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
public sealed class ProfileModel(PeopleQuery people, EndorseSkill endorse, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int Suggestions = 6;

    public PeopleQuery.ProfileView Profile { get; private set; } = null!;
    public List<PeopleQuery.Colleague> Others { get; private set; } = [];
    public bool IsMe { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostEndorseAsync(Guid id, Guid skillId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        // Only a skill of this profile: the id of another person's skill is not found here.
        if (Profile.Skills.All(s => s.Id != skillId))
            return NotFound();
        if (await endorse.RunAsync(SpaceAccess.Caller.Of(User)!.UserId, skillId, ct) is { } problem)
        {
            if (problem == PeopleProblem.NotFound)
                return NotFound();
            ModelState.AddModelError("", PeopleTexts.Message(problem, text));
            return this.PageWithErrors();
        }
        this.Flash(text["Danke! Ihre Bestätigung ist gespeichert."]);
        return Redirect($"/intranet/personen/{id}#faehigkeiten");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (SpaceAccess.Caller.Of(User) is not { Staff: true } caller)
            return Forbid();
        if (await people.ProfileAsync(id, caller.UserId, ct) is not { } profile)
            return NotFound();
        Profile = profile;
        IsMe = id == caller.UserId;
        Others = await people.OtherDepartmentsAsync(profile, Suggestions, ct);
        return null;
    }
}
