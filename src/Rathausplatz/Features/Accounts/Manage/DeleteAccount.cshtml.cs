using System.ComponentModel.DataAnnotations;
using Rathausplatz.Features.Accounts.PersonalData;

namespace Rathausplatz.Features.Accounts.Manage;

/// <summary>Citizens and guests delete their own account (<see cref="DeleteOwnAccount"/>), confirmed with their password.</summary>
[Authorize]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class DeleteAccountModel(UserManager<User> users, SignInManager<User> signIn, DeleteOwnAccount delete,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort an.")]
    [StringLength(128, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Passwort zur Bestätigung")]
    public string Password { get; set; } = "";

    public bool IsStaff { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        IsStaff = (await users.GetRolesAsync(user)).Any(Roles.RequiringTwoFactor.Contains);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        switch (await delete.RunAsync(user, Password, ct))
        {
            case DeleteAccountOutcome.StaffAccount:
                IsStaff = true;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            case DeleteAccountOutcome.WrongPassword:
                ModelState.AddModelError(nameof(Password), text["Das Passwort stimmt nicht."]);
                return this.PageWithErrors();
        }
        await signIn.SignOutAsync();
        this.Flash(text["Ihr Konto ist gelöscht."]);
        return Redirect("/");
    }
}
