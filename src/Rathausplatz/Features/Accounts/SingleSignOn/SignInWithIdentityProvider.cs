using System.Security.Claims;

namespace Rathausplatz.Features.Accounts.SingleSignOn;

public enum SingleSignOnOutcome { SignedIn, EmailNotVerified, LockedOut, NotAllowed, Refused }

/// <summary>
/// Signs in a member of staff whom the organisation's identity provider has authenticated. The first
/// time, the provider's account is tied to the account here with the same e-mail address, or a new
/// staff account is made; later sign-ins find it by the provider's subject, even after the address changed.
/// </summary>
public sealed class SignInWithIdentityProvider(UserManager<User> users, SignInManager<User> signIn, TimeProvider time)
{
    public async Task<SingleSignOnOutcome> RunAsync(ExternalLoginInfo login, string slug, IdentityProviderSettings settings)
    {
        var user = await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey);
        if (user is null)
        {
            // Only an address the provider has verified may take over an account here (or make one).
            var email = login.Principal.FindFirstValue(ClaimTypes.Email) ?? login.Principal.FindFirstValue("email");
            if (string.IsNullOrWhiteSpace(email) || !IsTrue(login.Principal.FindFirstValue("email_verified")))
                return SingleSignOnOutcome.EmailNotVerified;
            user = await users.FindByEmailAsync(email) ?? await CreateAsync(email.Trim(), login.Principal);
            if (user is null || !(await users.AddLoginAsync(user, login)).Succeeded)
                return SingleSignOnOutcome.Refused;
            if (!user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
            }
        }

        // Whoever the administration's provider knows is staff; more rights stay with the organisation's admins.
        if (!(await users.GetRolesAsync(user)).Any(Roles.RequiringTwoFactor.Contains))
            await users.AddToRoleAsync(user, Roles.Staff);

        if (await users.IsLockedOutAsync(user))
            return SingleSignOnOutcome.LockedOut;
        if (!await signIn.CanSignInAsync(user))
            return SingleSignOnOutcome.NotAllowed;
        List<Claim> claims = [new("amr", "external"), new(IdentityProviders.SignedInAtClaim, slug)];
        if (login.AuthenticationTokens?.FirstOrDefault(t => t.Name == "id_token")?.Value is { } idToken)
            claims.Add(new(IdentityProviders.IdTokenClaim, idToken));
        if (settings.TwoFactorAtProvider)
            claims.Add(new(IdentityProviders.TwoFactorAtProviderClaim, "true"));
        // A new sign-in starts from nothing: MemberClaimsFactory would carry a current sign-in's provider claims (its
        // ID token) along beside these, and signing out would then name the old token.
        signIn.Context.User = new ClaimsPrincipal(new ClaimsIdentity());
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
        return SingleSignOnOutcome.SignedIn;
    }

    private async Task<User?> CreateAsync(string email, ClaimsPrincipal principal)
    {
        var name = principal.FindFirstValue("name") ?? principal.FindFirstValue(ClaimTypes.Name) ?? "";
        var user = new User
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name.Length > 100 ? name[..100] : name,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        return (await users.CreateAsync(user)).Succeeded ? user : null;
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
