using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Accounts.SignUp;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ResendConfirmationModel(UserManager<User> users, AccountMails mails) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: false })
            await mails.SendConfirmationAsync(user, ct);
        // The same answer whether or not the address has an account.
        return RedirectToPage("Registered");
    }
}

public sealed class EmailInput
{
    [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
    [EmailAddress(ErrorMessage = "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
    [StringLength(254, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "E-Mail-Adresse")]
    public string Email { get; set; } = "";
}
