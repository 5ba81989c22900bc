using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Accounts.Manage;

[Authorize]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            return this.PageWithErrors();
        }
        // The security stamp changed: other devices are signed out, this one gets a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        this.Flash(text["Ihr Passwort wurde geändert."]);
        return RedirectToPage("Profile");
    }

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihr bisheriges Passwort an.")]
        [StringLength(128, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Bisheriges Passwort")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Bitte wählen Sie ein Passwort.")]
        [StringLength(128, ErrorMessage = "Das Passwort muss zwischen {2} und {1} Zeichen lang sein.", MinimumLength = 10)]
        [Display(Name = "Neues Passwort")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Bitte wiederholen Sie das Passwort.")]
        [Compare(nameof(NewPassword), ErrorMessage = "Die Passwörter stimmen nicht überein.")]
        [StringLength(128, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Neues Passwort wiederholen")]
        public string ConfirmPassword { get; set; } = "";
    }
}
