using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Accounts;

public enum InvitationOutcome { Invited, AlreadyMember, UnknownRole, Refused }

/// <summary>
/// Creates an account in an organisation for someone else (a town's first admin, new staff) and
/// mails them a link to choose their password. Works for another organisation than the current
/// request's (a platform admin inviting a town's first admin) by entering that tenant in a scope of its own.
/// </summary>
public sealed class InviteMember(IServiceScopeFactory scopes, TimeProvider time)
{
    public sealed record Invitation(string Email, string DisplayName, IReadOnlyCollection<string> Roles);

    public async Task<InvitationOutcome> InviteAsync(Guid organizationId, string organizationName, string hostName,
        string scheme, Invitation invitation, CancellationToken ct)
    {
        if (invitation.Roles.Any(r => !Roles.All.Contains(r)))
            return InvitationOutcome.UnknownRole;

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organizationId);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var email = invitation.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
            return InvitationOutcome.AlreadyMember;

        var user = new User
        {
            UserName = email,
            Email = email,
            DisplayName = invitation.DisplayName.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        if (!(await users.CreateAsync(user)).Succeeded)
            return InvitationOutcome.Refused;
        await users.AddToRolesAsync(user, invitation.Roles.Count > 0 ? invitation.Roles : [Roles.Citizen]);
        await scope.ServiceProvider.GetRequiredService<AccountMails>()
            .SendInvitationAsync(user, new MailSender(organizationName, $"{scheme}://{hostName}"), ct);
        return InvitationOutcome.Invited;
    }
}
