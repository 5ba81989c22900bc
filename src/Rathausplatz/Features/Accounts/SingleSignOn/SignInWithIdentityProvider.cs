using System.Security.Claims;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Accounts.SingleSignOn;

public enum SingleSignOnOutcome { SignedIn, EmailNotVerified, LockedOut, NotAllowed, Refused }

/// <summary>
/// Signs in a member of staff whom the organisation's identity provider has authenticated. The first
/// time, the provider's account is tied to the account here with the same e-mail address, or a new
/// staff account is made; later sign-ins find it by the provider's subject, even after the address changed.
/// Each sign-in sets the roles that the provider's groups decide (<see cref="GroupRoles"/>).
/// </summary>
public sealed class SignInWithIdentityProvider(UserManager<User> users, SignInManager<User> signIn, AppDb db, TimeProvider time,
    ILogger<SignInWithIdentityProvider> log)
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

        if (!await SetRolesAsync(user, login.Principal, slug, settings.GroupRoles))
            return SingleSignOnOutcome.Refused;

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

    /// <summary>
    /// The roles the mapping manages become what the provider's groups say, at every sign-in: leaving a group there
    /// takes the role here. Other roles stay with the organisation's admins. Done before the sign-in is made, so it
    /// carries the new roles at once.
    /// </summary>
    private async Task<bool> SetRolesAsync(User user, ClaimsPrincipal fromProvider, string slug, GroupRoles mapping)
    {
        var groups = fromProvider.FindAll(GroupRoles.GroupClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var current = await users.GetRolesAsync(user);
        var wanted = current.Except(mapping.Managed).Union(mapping.GivenBy(groups)).ToHashSet(StringComparer.Ordinal);
        // Whoever the administration's provider knows is staff; more rights come from the groups or the organisation's admins.
        if (!wanted.Any(Roles.RequiringTwoFactor.Contains))
            wanted.Add(Roles.Staff);
        var add = wanted.Except(current).ToList();
        var remove = current.Except(wanted).ToList();
        if (add.Count == 0 && remove.Count == 0)
            return true;

        // When the change fails, no sign-in with the old roles either.
        if (!await ChangeMemberRoles.ApplyAsync(users, db, user, add, remove, CancellationToken.None))
            return false;
        // There is no audit table for role changes (admins' changes are not recorded either); the log keeps this one.
        log.LogInformation("Sign-in at the identity provider of {Organization} changed the roles of account {UserId}: added {Added}, removed {Removed}",
            slug, user.Id, add, remove);
        return true;
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
