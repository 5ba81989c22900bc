namespace Rathausplatz.Features.Accounts.SignIn;

/// <summary>Signing out is a POST (a link or image could not sign anyone out); GET shows the button.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<User> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        this.Flash(text["Sie sind abgemeldet."]);
        return LocalRedirect("/");
    }
}
