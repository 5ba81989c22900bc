namespace Rathausplatz.Features.Accounts.Manage;

/// <summary>The link mailed to a new address: changes e-mail and user name together.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailChangeModel(UserManager<User> users, SignInManager<User> signIn) : PageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        var token = AccountMails.Decode(code);
        var user = Guid.TryParse(userId, out var id) && token is not null && !string.IsNullOrEmpty(email) && email.Length <= 254
            ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is not null && (await users.ChangeEmailAsync(user, email!, token!)).Succeeded)
        {
            await users.SetUserNameAsync(user, email);
            if (signIn.IsSignedIn(User))
                await signIn.RefreshSignInAsync(user);
            Changed = true;
        }
        else
            Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
