using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Rathausplatz.Features.Accounts.SignUp;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class RegisterModel(UserManager<User> users, AccountMails mails, TimeProvider time) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return this.PageWithErrors();

        var email = Input.Email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Answer exactly as for a new address, so the form reveals nobody's account;
            // the owner gets a note (or the confirmation again) by mail.
            if (!existing.EmailConfirmed)
                await mails.SendConfirmationAsync(existing, ct);
            else
                await mails.SendAlreadyRegisteredAsync(existing, ct);
            return RedirectToPage("Registered");
        }

        var user = new User
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            PreferredLanguage = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "de",
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password") ? "Input.Password" : "Input.Email", error.Description);
            return this.PageWithErrors();
        }
        await users.AddToRoleAsync(user, Roles.Citizen);
        await mails.SendConfirmationAsync(user, ct);
        return RedirectToPage("Registered");
    }

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihren Namen an.")]
        [StringLength(100, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
        [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
        [StringLength(254, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "E-Mail-Adresse")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Bitte wählen Sie ein Passwort.")]
        [StringLength(128, ErrorMessage = "Das Passwort muss zwischen {2} und {1} Zeichen lang sein.", MinimumLength = 10)]
        [Display(Name = "Passwort")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Bitte wiederholen Sie das Passwort.")]
        [Compare(nameof(Password), ErrorMessage = "Die Passwörter stimmen nicht überein.")]
        [StringLength(128, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Passwort wiederholen")]
        public string ConfirmPassword { get; set; } = "";

        [Range(typeof(bool), "true", "true", ErrorMessage = "Bitte bestätigen Sie, dass Sie die Datenschutzerklärung gelesen haben.")]
        [Display(Name = "Datenschutzerklärung")]
        public bool AcceptPrivacy { get; set; }
    }
}
