using System.ComponentModel.DataAnnotations;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Participation.WithoutAccount;

/// <summary>
/// "Take part without an account": the address for the link that supports a proposal or opens a survey's
/// questionnaire. Every accepted address gets the same answer ("check your mail"), so the page tells nobody
/// whether an address took part already.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ParticipationSetup.SubmitRateLimit)]
public sealed class RequestModel(GuestSubjects subjects, RequestGuestLink request, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
    [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
    [StringLength(GuestParticipant.MaxEmail, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "E-Mail-Adresse")]
    public string Email { get; set; } = "";

    public GuestSubject Subject { get; private set; } = null!;
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string kind, Guid id, CancellationToken ct) =>
        await LoadAsync(slug, kind, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, string kind, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, kind, id, ct))
            return NotFound();
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        var language = Localization.LanguageOf(System.Globalization.CultureInfo.CurrentUICulture);
        if (await request.RunAsync(Subject, Email, language, MailSender.Of(HttpContext), ct) == GuestLinkOutcome.EmailInvalid)
        {
            ModelState.AddModelError(nameof(Email), text["Bitte geben Sie eine gültige E-Mail-Adresse an."]);
            return this.PageWithErrors();
        }
        Sent = true;
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, string kind, Guid id, CancellationToken ct)
    {
        GuestAction? action = kind switch { "vorschlaege" => GuestAction.Support, "umfragen" => GuestAction.SurveyAnswer, _ => null };
        if (action is null || await subjects.FindOpenAsync(action.Value, id, ct) is not { } subject || !subject.Path.StartsWith($"/beteiligung/{slug}/", StringComparison.Ordinal))
            return false;
        Subject = subject;
        return true;
    }
}
