using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.WebUtilities;

namespace Rathausplatz.Features.Accounts.Manage;

/// <summary>
/// Passkeys (WebAuthn) for signing in without a password. Creating one needs the browser's
/// WebAuthn API (passkeys.js); listing and removing them works without JavaScript.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class PasskeysModel(UserManager<User> users, SignInManager<User> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int MaxCredentialJsonLength = 16 * 1024;

    public sealed record PasskeyRow(string Id, string Name, DateTime CreatedAt);

    public List<PasskeyRow> Passkeys { get; private set; } = [];

    [BindProperty]
    [StringLength(MaxCredentialJsonLength)]
    public string? CredentialJson { get; set; }

    [BindProperty]
    [StringLength(60, ErrorMessage = "Höchstens {1} Zeichen.")]
    [Display(Name = "Name des Passkeys")]
    public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Called by passkeys.js: the WebAuthn creation options as JSON.</summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(),
            Name = user.Email ?? user.Id.ToString(),
            DisplayName = string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (!ModelState.IsValid || string.IsNullOrEmpty(CredentialJson))
            return await RefuseAsync(user);
        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(CredentialJson);
        }
        catch (InvalidOperationException)
        {
            // No ceremony underway (its state cookie expired, or the post came without the options request).
            return await RefuseAsync(user);
        }
        if (!attestation.Succeeded || attestation.UserEntity?.Id != user.Id.ToString())
            return await RefuseAsync(user);
        var passkey = attestation.Passkey;
        passkey.Name = string.IsNullOrWhiteSpace(Name) ? text["Passkey"] : Name.Trim();
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        this.Flash(text["Der Passkey wurde gespeichert. Sie können sich jetzt damit anmelden."]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        byte[] credentialId;
        try { credentialId = WebEncoders.Base64UrlDecode(id ?? ""); }
        catch (FormatException) { return BadRequest(); }
        await users.RemovePasskeyAsync(user, credentialId);
        this.Flash(text["Der Passkey wurde entfernt."]);
        return RedirectToPage();
    }

    private async Task<IActionResult> RefuseAsync(User user)
    {
        ModelState.AddModelError("", text["Der Passkey konnte nicht gespeichert werden. Bitte versuchen Sie es erneut."]);
        await LoadAsync(user);
        return this.PageWithErrors();
    }

    private async Task LoadAsync(User user) =>
        Passkeys = (await users.GetPasskeysAsync(user))
            .Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? text["Passkey"], p.CreatedAt.UtcDateTime))
            .OrderBy(p => p.CreatedAt)
            .ToList();
}
