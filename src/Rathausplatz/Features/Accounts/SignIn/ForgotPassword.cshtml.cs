using Rathausplatz.Features.Accounts.SignUp;

namespace Rathausplatz.Features.Accounts.SignIn;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ForgotPasswordModel(UserManager<User> users, AccountMails mails) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: true })
            await mails.SendPasswordResetAsync(user, ct);
        // The same answer whether or not the address has an account.
        Sent = true;
        return Page();
    }
}
