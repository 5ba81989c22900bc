using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Intranet.Spaces;

public enum GuestInvitationOutcome { Invited, Added, AlreadyMember, NotAllowed, Refused }

/// <summary>
/// An owner brings in someone from outside (an association, a company, a citizen) by e-mail. A new address
/// gets an account with the guest role through the accounts' own invitation (the mail with the password
/// link); an existing account gets the guest role added where it has no staff role. Either way the person
/// becomes a guest of this one space, and the guest role lets them see nothing but their spaces.
/// </summary>
public sealed class InviteGuest(AppDb db, InviteMember invitations, UserManager<User> users, TimeProvider time)
{
    public sealed record Input(string Email, string DisplayName, string OrganizationName, string HostName, string Scheme);

    public async Task<GuestInvitationOutcome> RunAsync(SpaceAccess.View space, Input input, CancellationToken ct)
    {
        if (!space.CanManage)
            return GuestInvitationOutcome.NotAllowed;
        var outcome = await invitations.InviteAsync(space.Space.OrganizationId, input.OrganizationName, input.HostName, input.Scheme,
            new InviteMember.Invitation(input.Email, input.DisplayName, [Roles.Guest]), ct);
        if (outcome is not (InvitationOutcome.Invited or InvitationOutcome.AlreadyMember))
            return GuestInvitationOutcome.Refused;

        var account = await users.FindByEmailAsync(input.Email.Trim());
        if (account is null)
            return GuestInvitationOutcome.Refused;
        if (await db.Set<SpaceMember>().AnyAsync(m => m.SpaceId == space.Space.Id && m.UserId == account.Id, ct))
            return GuestInvitationOutcome.AlreadyMember;
        var roles = await users.GetRolesAsync(account);
        if (!roles.Contains(Roles.Guest) && !roles.Any(SpaceAccess.StaffRoles.Contains))
            await users.AddToRoleAsync(account, Roles.Guest);

        db.Add(new SpaceMember { SpaceId = space.Space.Id, UserId = account.Id, Role = SpaceRole.Guest, JoinedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return GuestInvitationOutcome.AlreadyMember;
        }
        return outcome == InvitationOutcome.Invited ? GuestInvitationOutcome.Invited : GuestInvitationOutcome.Added;
    }
}
