namespace Rathausplatz.Features.Participation.Verification;

/// <summary>
/// Where a signed-in person confirms being a resident with the code from the town's letter, or learns
/// where else to do it (at the counter). Processes that count only residents send people here and get
/// them back (<c>returnUrl</c>, a path of this site only).
/// </summary>
[Authorize]
[EnableRateLimiting(ParticipationSetup.SubmitRateLimit)]
public sealed class ResidencyModel(VerifyResidency residency, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public ResidentVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Verification = await residency.FindAsync(User.ParticipantId()!.Value, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var problem = await residency.RedeemAsync(User.ParticipantId()!.Value, Code, ct);
        if (problem is null or ResidencyProblem.AlreadyResident)
        {
            this.Flash(text["Danke! Ihr Wohnsitz ist bestätigt."]);
            return Redirect(ReturnUrl is null ? "/beteiligung/wohnsitz" : this.LocalOrHome(ReturnUrl));
        }
        ModelState.AddModelError(nameof(Code), ParticipationTexts.Message(problem.Value, text));
        return this.PageWithErrors();
    }
}
