using Microsoft.AspNetCore.Authentication;
using Rathausplatz.Features.Accounts.SingleSignOn;

namespace Rathausplatz.Features.Accounts.SignIn;

/// <summary>
/// Signing out is a POST (a link or image could not sign anyone out); GET shows the button. Whoever signed in at
/// the organisation's identity provider is signed out there too (OpenID Connect RP-initiated logout), and the
/// provider sends them back to the start page; otherwise a shared office PC would sign the next person in at once.
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<User> signIn, IdentityProviders providers, IStringLocalizer<SharedResource> text) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var provider = providers.SignedInAt(User);
        var idToken = User.FindFirst(IdentityProviders.IdTokenClaim)?.Value;
        await signIn.SignOutAsync();
        this.Flash(text["Sie sind abgemeldet."]);
        if (provider is null)
            return LocalRedirect("/");
        var properties = new AuthenticationProperties { RedirectUri = "/" };
        if (idToken is not null)
            properties.Items[IdentityProviders.IdTokenClaim] = idToken;
        return SignOut(properties, IdentityProviders.SchemeFor(provider));
    }
}
