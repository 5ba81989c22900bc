using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Audiences;

/// <summary>Subscribe by e-mail, no account needed. Every outcome shows the same "please confirm" page.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class SubscribeModel(AppDb db, Subscribe subscribe) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
    [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
    [StringLength(254, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "E-Mail-Adresse")]
    public string Email { get; set; } = "";

    [BindProperty]
    public PreferenceInput Input { get; set; } = new();

    public PreferenceFields Fields { get; private set; } = null!;

    public async Task OnGetAsync(Guid? stadtteil, CancellationToken ct)
    {
        Input = PreferenceInput.From(SubscriptionChoice.Everything());
        Input.Choose(stadtteil);
        Fields = await PreferenceFields.LoadAsync(db, Input, "Input.", ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Types.Count == 0)
            ModelState.AddModelError("Input.Types", "Bitte wählen Sie mindestens eine Art von Beiträgen.");
        if (!ModelState.IsValid)
        {
            Fields = await PreferenceFields.LoadAsync(db, Input, "Input.", ct);
            return this.PageWithErrors();
        }
        var sender = MailSender.Of(HttpContext);
        await subscribe.RunAsync(Email, Input.ToChoice(), sender, ct);
        return RedirectToPage("Requested");
    }
}
