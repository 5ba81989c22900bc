namespace Rathausplatz.Features.Accounts.SignUp;

/// <summary>The link from the confirmation mail. A wrong, forged or expired link answers 400 with an explanation.</summary>
[AllowAnonymous]
public sealed class ConfirmModel(UserManager<User> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountMails.Decode(code);
        var user = Guid.TryParse(userId, out var id) && token is not null ? await users.FindByIdAsync(id.ToString()) : null;
        Confirmed = user is not null && (await users.ConfirmEmailAsync(user, token!)).Succeeded;
        if (!Confirmed)
            Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
