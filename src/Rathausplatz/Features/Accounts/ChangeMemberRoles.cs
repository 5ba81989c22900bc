using Rathausplatz.Data;

namespace Rathausplatz.Features.Accounts;

public enum RoleChangeOutcome
{
    Changed,
    Unchanged,
    MemberNotFound,
    UnknownRole,
    /// <summary>The actor is no (longer an) admin; their cookie may still say otherwise for a minute.</summary>
    NotAllowed,
    /// <summary>Only platform admins grant or take platform-admin, or touch the roles of a platform admin.</summary>
    PlatformAdminOnly,
    /// <summary>Admins cannot take their own admin role away, so an organisation never locks itself out.</summary>
    OwnAdminRoleKept,
    Failed,
}

/// <summary>
/// An organisation admin sets which roles a member of their organisation holds. The user store is
/// tenant-filtered, so members of other organisations are not found. The member's sign-in cookie
/// picks up the change when the security stamp validator next refreshes it (within a minute).
/// </summary>
public sealed class ChangeMemberRoles(UserManager<User> users, AppDb db)
{
    private static readonly string[] AdminRoles = [Roles.OrganizationAdmin, Roles.PlatformAdmin];

    public async Task<RoleChangeOutcome> ExecuteAsync(Guid actorId, Guid memberId, IReadOnlyCollection<string> wanted, CancellationToken ct)
    {
        if (wanted.Any(role => !Roles.All.Contains(role)))
            return RoleChangeOutcome.UnknownRole;
        var member = await users.FindByIdAsync(memberId.ToString());
        if (member is null)
            return RoleChangeOutcome.MemberNotFound;
        // Read the actor's roles from the database, not the cookie: a demotion counts at once.
        var actor = await users.FindByIdAsync(actorId.ToString());
        var actorRoles = actor is null ? [] : await users.GetRolesAsync(actor);
        if (!actorRoles.Any(AdminRoles.Contains))
            return RoleChangeOutcome.NotAllowed;

        var current = await users.GetRolesAsync(member);
        var add = wanted.Distinct().Except(current).ToList();
        var remove = current.Except(wanted).ToList();
        if (add.Count == 0 && remove.Count == 0)
            return RoleChangeOutcome.Unchanged;
        if (!actorRoles.Contains(Roles.PlatformAdmin)
            && (add.Contains(Roles.PlatformAdmin) || current.Contains(Roles.PlatformAdmin)))
            return RoleChangeOutcome.PlatformAdminOnly;
        if (member.Id == actorId && remove.Any(AdminRoles.Contains))
            return RoleChangeOutcome.OwnAdminRoleKept;

        return await ApplyAsync(users, db, member, add, remove, ct) ? RoleChangeOutcome.Changed : RoleChangeOutcome.Failed;
    }

    /// <summary>
    /// Takes <paramref name="remove"/> and gives <paramref name="add"/>, both or neither: a member must not end up with
    /// the old roles taken and the new ones missing. Also the step of a sign-in whose provider's groups set roles.
    /// </summary>
    internal static async Task<bool> ApplyAsync(UserManager<User> users, AppDb db, User member,
        IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = remove.Count == 0 ? IdentityResult.Success : await users.RemoveFromRolesAsync(member, remove);
        var added = !removed.Succeeded || add.Count == 0 ? removed : await users.AddToRolesAsync(member, add);
        if (!added.Succeeded)
            return false;
        await transaction.CommitAsync(ct);
        return true;
    }
}
