using Microsoft.AspNetCore.Authentication;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Accounts.SingleSignOn;

/// <summary>Sends staff to their organisation's identity provider and takes them back from it.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ExternalModel(IdentityProviders providers, SignInManager<User> signIn, SignInWithIdentityProvider signInWithProvider,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Message { get; private set; } = "";

    private string NotWorked => text["Die Anmeldung beim Identitätsanbieter hat nicht geklappt. Bitte versuchen Sie es erneut."];

    public IActionResult OnPost()
    {
        var slug = HttpContext.Organization().Slug;
        if (providers.For(slug) is null)
            return NotFound();
        var scheme = IdentityProviders.SchemeFor(slug);
        var back = Url.Page("External", "Callback", new { ReturnUrl = this.LocalOrHome(ReturnUrl) });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(scheme, back), scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync()
    {
        var slug = HttpContext.Organization().Slug;
        var settings = providers.For(slug);
        var login = await signIn.GetExternalLoginInfoAsync();
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        // A sign-in begun at another organisation's provider is no sign-in here.
        if (settings is null || login is null || login.LoginProvider != IdentityProviders.SchemeFor(slug))
            return Failed(NotWorked);

        return await signInWithProvider.RunAsync(login, slug, settings) switch
        {
            SingleSignOnOutcome.SignedIn => LocalRedirect(this.LocalOrHome(ReturnUrl)),
            SingleSignOnOutcome.EmailNotVerified => Failed(text["Ihr Dienstkonto nennt keine bestätigte E-Mail-Adresse. Bitte wenden Sie sich an die IT."]),
            SingleSignOnOutcome.LockedOut => Failed(text["Ihr Konto ist nach mehreren Fehlversuchen für 15 Minuten gesperrt."]),
            _ => Failed(NotWorked),
        };
    }

    /// <summary>Where the provider's refusal or a broken round trip lands (see <see cref="SingleSignOnSetup"/>).</summary>
    public IActionResult OnGetFailed() =>
        Failed(NotWorked);

    private PageResult Failed(string message)
    {
        Message = message;
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }
}
