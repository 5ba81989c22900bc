using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Accounts.Manage;

/// <summary>Asks for the password, then mails a confirmation link to the new address; nothing changes until it is used.</summary>
[Authorize]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ChangeEmailModel(UserManager<User> users, AccountMails mails, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public ChangeEmailInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            ModelState.AddModelError("Input.Password", text["Das Passwort ist falsch."]);
            return this.PageWithErrors();
        }
        var newEmail = Input.NewEmail.Trim();
        // A taken address gets no link and no hint here, so the form tells nobody who has an account.
        if (await users.FindByEmailAsync(newEmail) is null)
            await mails.SendEmailChangeAsync(user, newEmail, ct);
        this.Flash(text["Wir haben einen Bestätigungslink an die neue Adresse geschickt. Die Änderung gilt, sobald Sie ihn öffnen."]);
        return RedirectToPage("Profile");
    }

    public sealed class ChangeEmailInput
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
        [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
        [StringLength(254, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Neue E-Mail-Adresse")]
        public string NewEmail { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort an.")]
        [StringLength(128, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Passwort")]
        public string Password { get; set; } = "";
    }
}
