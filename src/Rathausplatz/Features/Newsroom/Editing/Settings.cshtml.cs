using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Newsroom.Editing;

/// <summary>The organisation admin decides whether posts need a second pair of eyes.</summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class SettingsModel(ChangeNewsroomSettings settings, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public bool FourEyesReview { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => FourEyesReview = await settings.FourEyesReviewAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await settings.SetFourEyesReviewAsync(FourEyesReview, ct);
        this.Flash(text["Die Einstellungen sind gespeichert."]);
        return RedirectToPage();
    }
}
