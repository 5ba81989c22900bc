using System.ComponentModel.DataAnnotations;
using QRCoder;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Accounts.Manage;

/// <summary>
/// Sets up sign-in with an authenticator app (TOTP, RFC 6238): shows the key as QR code and text,
/// checks one code, then hands out recovery codes. Staff roles cannot switch it off.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class TwoFactorModel(UserManager<User> users, SignInManager<User> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public VerifyInput Input { get; set; } = new();

    /// <summary>Set when the filter sent a staff member here because their role requires it.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public bool Enabled { get; private set; }
    public bool MayDisable { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return this.PageWithErrors();
        }
        var code = Input.Code.Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", text["Der Code ist falsch oder abgelaufen."]);
            await LoadAsync(user);
            return this.PageWithErrors();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        return await ShowNewRecoveryCodesAsync(user);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (!user.TwoFactorEnabled)
            return RedirectToPage();
        return await ShowNewRecoveryCodesAsync(user);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (User.MustUseTwoFactor())
        {
            ModelState.Clear(); // the code field belongs to the enable form; its "required" is not this form's problem
            ModelState.AddModelError("", text["Für Ihre Rolle ist die Zwei-Faktor-Anmeldung Pflicht."]);
            await LoadAsync(user);
            return this.PageWithErrors();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key: whoever copied the old one cannot use it when it is switched on again.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        this.Flash(text["Die Zwei-Faktor-Anmeldung ist ausgeschaltet."]);
        return RedirectToPage("Profile");
    }

    private async Task<IActionResult> ShowNewRecoveryCodesAsync(User user)
    {
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        TempData[RecoveryCodesModel.TempDataKey] = codes?.ToArray() ?? [];
        // The cookie now says two factors are set up, so the staff filter lets the user through.
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage("RecoveryCodes");
    }

    private async Task LoadAsync(User user)
    {
        Enabled = user.TwoFactorEnabled;
        MayDisable = !User.MustUseTwoFactor();
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key is a new security stamp: the sign-in is made anew, or the stamp check would sign the person
            // out within a minute, while they are still scanning the code.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        QrCodeDataUri = QrCode(AuthenticatorUri(HttpContext.Organization().Name, user.Email ?? "", key));
    }

    internal static string AuthenticatorUri(string issuer, string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";

    private static string QrCode(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    public sealed class VerifyInput
    {
        [Required(ErrorMessage = "Bitte geben Sie den Code ein.")]
        [StringLength(10, ErrorMessage = "Höchstens {1} Zeichen.")]
        [Display(Name = "Bestätigungscode")]
        public string Code { get; set; } = "";
    }
}
