using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Accounts.SignIn;

/// <summary>The link from the reset mail; a wrong or expired link answers 400 and says so.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ResetPasswordModel(UserManager<User> users, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    /// <summary>The link came with an invitation: same mechanism, friendlier words.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Invitation { get; set; }

    public bool Done { get; private set; }

    public IActionResult OnGet() => AccountMails.Decode(Code) is null || !Guid.TryParse(UserId, out _) ? InvalidLink() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountMails.Decode(Code);
        if (token is null || !Guid.TryParse(UserId, out var id))
            return InvalidLink();
        if (!ModelState.IsValid)
            return this.PageWithErrors();

        var user = await users.FindByIdAsync(id.ToString());
        var result = user is null ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken()) : await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? "" : "Input.Password", error.Description);
            return this.PageWithErrors();
        }
        // The link reached this mailbox, so the address is proven (invited accounts start unconfirmed).
        if (!user!.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        // The owner is proven too, so a lockout from someone's wrong guesses ends: the sign-in page
        // offers the reset as the way out of it, and Identity's reset alone keeps the account locked.
        if (await users.IsLockedOutAsync(user))
            await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Done = true;
        return Page();
    }

    private PageResult InvalidLink()
    {
        ModelState.AddModelError("", text["Der Link ist ungültig oder abgelaufen."]);
        return this.PageWithErrors();
    }

    public sealed class NewPasswordInput
    {
        [Required(ErrorMessage = "Bitte wählen Sie ein Passwort.")]
        [StringLength(128, ErrorMessage = "Das Passwort muss zwischen {2} und {1} Zeichen lang sein.", MinimumLength = 10)]
        [Display(Name = "Neues Passwort")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Bitte wiederholen Sie das Passwort.")]
        [Compare(nameof(Password), ErrorMessage = "Die Passwörter stimmen nicht überein.")]
        [StringLength(128, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Neues Passwort wiederholen")]
        public string ConfirmPassword { get; set; } = "";
    }
}
