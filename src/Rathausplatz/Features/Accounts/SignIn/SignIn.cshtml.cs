using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Accounts.SignIn;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class SignInModel(SignInManager<User> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when the password was right but the address is not confirmed yet.</summary>
    public bool NeedsConfirmation { get; private set; }

    [BindProperty]
    [StringLength(Manage.PasskeysModel.MaxCredentialJsonLength)]
    public string? CredentialJson { get; set; }

    public void OnGet() { }

    /// <summary>Called by passkeys.js: a WebAuthn challenge for any passkey of this organisation.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        ModelState.Clear(); // the password form's fields are not part of this submission
        var result = string.IsNullOrEmpty(CredentialJson) || CredentialJson.Length > Manage.PasskeysModel.MaxCredentialJsonLength
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await TryPasskeySignInAsync(CredentialJson);
        if (result.Succeeded)
            return LocalRedirect(this.LocalOrHome(ReturnUrl));
        ModelState.AddModelError("", result.IsLockedOut
            ? text["Ihr Konto ist nach mehreren Fehlversuchen für 15 Minuten gesperrt."]
            : text["Die Anmeldung mit dem Passkey hat nicht geklappt."]);
        return this.PageWithErrors();
    }

    // Identity throws when no passkey ceremony is underway (its state cookie expired while the person
    // looked for their key, or the post came without the options request): a failed try, not a 500.
    private async Task<Microsoft.AspNetCore.Identity.SignInResult> TryPasskeySignInAsync(string credentialJson)
    {
        try { return await signIn.PasskeySignInAsync(credentialJson); }
        catch (InvalidOperationException) { return Microsoft.AspNetCore.Identity.SignInResult.Failed; }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return this.PageWithErrors();

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(this.LocalOrHome(ReturnUrl));
        if (result.RequiresTwoFactor)
            return RedirectToPage("SignInTwoFactor", new { ReturnUrl, Input.RememberMe });

        if (result.IsLockedOut)
            ModelState.AddModelError("", text["Ihr Konto ist nach mehreren Fehlversuchen für 15 Minuten gesperrt. Bitte versuchen Sie es später erneut oder setzen Sie Ihr Passwort zurück."]);
        else if (result.IsNotAllowed)
        {
            NeedsConfirmation = true;
            ModelState.AddModelError("", text["Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."]);
        }
        else
            ModelState.AddModelError("", text["E-Mail-Adresse oder Passwort ist falsch."]);
        return this.PageWithErrors();
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihre E-Mail-Adresse an.")]
        [StringLength(254, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "E-Mail-Adresse")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Bitte geben Sie Ihr Passwort an.")]
        [StringLength(128, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Passwort")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}
