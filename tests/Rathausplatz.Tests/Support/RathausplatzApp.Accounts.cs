using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Tests.Support;

/// <summary>What a test may check about an account after the pages worked on it.</summary>
public sealed record AccountState(Guid Id, string Email, bool EmailConfirmed, string DisplayName, string PreferredLanguage,
    bool TwoFactorEnabled, IReadOnlyList<string> Roles);

public abstract partial class RathausplatzApp
{
    /// <summary>
    /// A confirmed account with two-factor sign-in already set up, as after its owner went through
    /// /accounts/twofactor: <see cref="TestUser.AuthenticatorKey"/> is the key their app holds.
    /// </summary>
    public async Task<TestUser> CreateUserWithTwoFactorAsync(TestOrganization organization, params string[] roles)
    {
        var user = await CreateUserAsync(organization, roles);
        await using var scope = InOrganization(organization);
        var users = scope.Get<UserManager<User>>();
        var account = await users.FindByIdAsync(user.Id.ToString());
        Succeed(await users.ResetAuthenticatorKeyAsync(account!));
        Succeed(await users.SetTwoFactorEnabledAsync(account!, true));
        return user with { AuthenticatorKey = await users.GetAuthenticatorKeyAsync(account!) };
    }

    /// <summary>
    /// A client signed in through the real forms at the user's host (or <paramref name="at"/>): the
    /// password form, then the authenticator code when the account uses two factors.
    /// </summary>
    public async Task<HttpClient> SignInAsync(TestUser user, TestOrganization? at = null)
    {
        var client = CreateClient(at ?? user.Organization);
        using var signedIn = await client.SubmitSignInAsync(user.Email, user.Password);
        if (user.AuthenticatorKey is not null)
        {
            Assert.StartsWith("/accounts/signin2fa", signedIn.RedirectTarget());
            using var secondStep = await client.SubmitSecondFactorAsync(AccountForms.CurrentCode(user.AuthenticatorKey));
            Assert.Equal("/", secondStep.RedirectTarget());
        }
        else
        {
            Assert.Equal("/", signedIn.RedirectTarget());
        }
        return client;
    }

    /// <summary>The account with this address in the organisation, or null: what the pages stored.</summary>
    public async Task<AccountState?> FindAccountAsync(TestOrganization organization, string email)
    {
        await using var scope = InOrganization(organization);
        var users = scope.Get<UserManager<User>>();
        var user = await users.FindByEmailAsync(email);
        return user is null ? null : new AccountState(user.Id, user.Email!, user.EmailConfirmed, user.DisplayName,
            user.PreferredLanguage, user.TwoFactorEnabled, [.. await users.GetRolesAsync(user)]);
    }

    public async Task<int> CountAccountsAsync(TestOrganization organization)
    {
        await using var scope = InOrganization(organization);
        return await scope.Db.Users.CountAsync();
    }

    /// <summary>When the account's lockout ends, as Identity stored it.</summary>
    public async Task<DateTimeOffset?> LockoutEndAsync(TestUser user)
    {
        await using var scope = InOrganization(user.Organization);
        var users = scope.Get<UserManager<User>>();
        return await users.GetLockoutEndDateAsync((await users.FindByIdAsync(user.Id.ToString()))!);
    }

    /// <summary>
    /// Lets the lockout run out. Identity's lockout reads the system clock, not the app's
    /// <see cref="TimeProvider"/> (Microsoft.Extensions.Identity.Core takes none), so moving
    /// <see cref="Time"/> cannot end it; this moves the stored end into the past instead.
    /// </summary>
    public async Task LetLockoutRunOutAsync(TestUser user)
    {
        await using var scope = InOrganization(user.Organization);
        var users = scope.Get<UserManager<User>>();
        var account = await users.FindByIdAsync(user.Id.ToString());
        Succeed(await users.SetLockoutEndDateAsync(account!, TimeProvider.System.GetUtcNow().AddSeconds(-1)));
    }

    /// <summary>
    /// A link code (as the mails carry it) that Identity's default token provider would have issued
    /// at <paramref name="issuedAt"/>. That provider reads the system clock, not the app's
    /// <see cref="TimeProvider"/>, so an old token cannot be made by moving <see cref="Time"/>: this
    /// writes the provider's format (creation ticks, user id, purpose, security stamp) with the app's
    /// own data protection keys. <paramref name="purpose"/> is Identity's, e.g. "EmailConfirmation".
    /// </summary>
    public async Task<string> LinkCodeIssuedAtAsync(TestOrganization organization, Guid userId, string purpose, DateTimeOffset issuedAt)
    {
        await using var scope = InOrganization(organization);
        var users = scope.Get<UserManager<User>>();
        var account = await users.FindByIdAsync(userId.ToString());
        var options = scope.Get<IOptions<DataProtectionTokenProviderOptions>>().Value;
        var protector = scope.Get<IDataProtectionProvider>().CreateProtector(options.Name);
        using var content = new MemoryStream();
        using (var writer = new BinaryWriter(content, new UTF8Encoding(false, true), leaveOpen: true))
        {
            writer.Write(issuedAt.UtcTicks);
            writer.Write(userId.ToString());
            writer.Write(purpose);
            writer.Write(await users.GetSecurityStampAsync(account!));
        }
        var token = Convert.ToBase64String(protector.Protect(content.ToArray()));
        return WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)); // as AccountMails encodes it
    }
}
