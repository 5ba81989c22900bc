using System.Security.Claims;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation;

namespace Rathausplatz.Features.Intranet.Spaces;

/// <summary>
/// The one place that decides who may see and do what in a space; every intranet page asks it. A space the
/// caller may not see is not found (null), so pages answer 404 and do not tell that it exists.
/// <list type="bullet">
/// <item>Organisation admins see and manage every space of their organisation.</item>
/// <item>Staff see open and on-request spaces (to join them) and the spaces they belong to.</item>
/// <item>Guests (the guest role without a staff role) see only the spaces they belong to.</item>
/// <item>Content (stream, posts, members) is for members and admins; writing is for members, guests included.</item>
/// </list>
/// </summary>
public sealed class SpaceAccess(AppDb db)
{
    /// <summary>Roles that make someone staff in the intranet; the guest role alone does not.</summary>
    public static readonly string[] StaffRoles = [Roles.Staff, Roles.Editor, Roles.Moderator, Roles.OrganizationAdmin];

    /// <summary>Who asks, as far as spaces care.</summary>
    public sealed record Caller(Guid UserId, bool Staff, bool Admin)
    {
        public static Caller? Of(ClaimsPrincipal user) => user.ParticipantId() is { } id
            ? new Caller(id, StaffRoles.Any(user.IsInRole), user.IsInRole(Roles.OrganizationAdmin))
            : null;
    }

    /// <summary>A space as one caller sees it, with what they may do there.</summary>
    public sealed record View(Space Space, Caller Caller, SpaceRole? Role, bool RequestPending, int OwnerCount)
    {
        public bool IsMember => Role is not null;
        public bool CanRead => IsMember || Caller.Admin;
        public bool CanContribute => IsMember;
        public bool CanJoin => !IsMember && Caller.Staff && Space.JoinPolicy == JoinPolicy.Open;
        public bool CanRequest => !IsMember && Caller.Staff && Space.JoinPolicy == JoinPolicy.OnRequest && !RequestPending;
        /// <summary>The last owner stays: a space without owner could not be managed by its members.</summary>
        public bool CanLeave => IsMember && !(Role == SpaceRole.Owner && OwnerCount <= 1);
        public bool CanManage => Role == SpaceRole.Owner || Caller.Admin;
    }

    /// <summary>The spaces <paramref name="caller"/> may see (tenant-scoped by the query filter).</summary>
    public IQueryable<Space> Visible(Caller caller)
    {
        var spaces = db.Set<Space>().AsNoTracking();
        if (caller.Admin)
            return spaces;
        var mine = db.Set<SpaceMember>().Where(m => m.UserId == caller.UserId).Select(m => m.SpaceId);
        return caller.Staff
            ? spaces.Where(s => s.JoinPolicy != JoinPolicy.InvitationOnly || mine.Contains(s.Id))
            : spaces.Where(s => mine.Contains(s.Id));
    }

    /// <summary>The ids of the spaces the person belongs to: what their own stream shows.</summary>
    public IQueryable<Guid> MemberOf(Guid userId) =>
        db.Set<SpaceMember>().Where(m => m.UserId == userId).Select(m => m.SpaceId);

    /// <summary>The space as <paramref name="user"/> sees it, or null when they may not see it (answer 404).</summary>
    public async Task<View?> FindAsync(ClaimsPrincipal user, Guid spaceId, CancellationToken ct)
    {
        if (Caller.Of(user) is not { } caller)
            return null;
        var space = await Visible(caller).SingleOrDefaultAsync(s => s.Id == spaceId, ct);
        if (space is null)
            return null;
        var role = await db.Set<SpaceMember>().Where(m => m.SpaceId == spaceId && m.UserId == caller.UserId)
            .Select(m => (SpaceRole?)m.Role).SingleOrDefaultAsync(ct);
        var pending = role is null && await db.Set<JoinRequest>().AnyAsync(r => r.SpaceId == spaceId && r.UserId == caller.UserId, ct);
        var owners = await db.Set<SpaceMember>().CountAsync(m => m.SpaceId == spaceId && m.Role == SpaceRole.Owner, ct);
        return new View(space, caller, role, pending, owners);
    }
}
