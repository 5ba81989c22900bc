using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Accounts.SignIn;

/// <summary>Second step of a sign-in: the code from the authenticator app, or a recovery code.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class SignInTwoFactorModel(SignInManager<User> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    /// <summary>Shows the recovery-code form instead of the app-code form.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Recovery { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage("SignIn", new { ReturnUrl });
        if (!ModelState.IsValid)
            return this.PageWithErrors();

        // App codes may be typed "123 456" or "123-456"; recovery codes keep their dash ("ABCDE-FGHIJ"),
        // because Identity stores and compares them with it (stripping it made every recovery code fail).
        var code = Recovery ? Input.Code.Trim() : Input.Code.Replace(" ", "").Replace("-", "");
        var result = Recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded)
            return LocalRedirect(this.LocalOrHome(ReturnUrl));
        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? text["Ihr Konto ist nach mehreren Fehlversuchen für 15 Minuten gesperrt."]
            : text["Der Code ist falsch oder abgelaufen."]);
        return this.PageWithErrors();
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Bitte geben Sie den Code ein.")]
        [StringLength(20, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Code aus der Authenticator-App")]
        public string Code { get; set; } = "";
    }
}
