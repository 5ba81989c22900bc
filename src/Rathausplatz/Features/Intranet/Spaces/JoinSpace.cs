using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.Spaces;

public enum MembershipOutcome { Done, AlreadyMember, AlreadyRequested, NotAllowed, LastOwner, NotFound, GuestsOnlyAsGuests }

/// <summary>A staff member joins an open space, asks to join one whose owners decide, or leaves one.</summary>
public sealed class JoinSpace(AppDb db, TimeProvider time)
{
    public async Task<MembershipOutcome> JoinAsync(SpaceAccess.View space, CancellationToken ct)
    {
        if (space.IsMember)
            return MembershipOutcome.AlreadyMember;
        if (!space.CanJoin)
            return MembershipOutcome.NotAllowed;
        db.Add(new SpaceMember { SpaceId = space.Space.Id, UserId = space.Caller.UserId, Role = SpaceRole.Member, JoinedAt = time.GetUtcNow().UtcDateTime });
        return await SaveOnceAsync(MembershipOutcome.AlreadyMember, ct);
    }

    public async Task<MembershipOutcome> RequestAsync(SpaceAccess.View space, CancellationToken ct)
    {
        if (space.IsMember)
            return MembershipOutcome.AlreadyMember;
        if (space.RequestPending)
            return MembershipOutcome.AlreadyRequested;
        if (!space.CanRequest)
            return MembershipOutcome.NotAllowed;
        db.Add(new JoinRequest { SpaceId = space.Space.Id, UserId = space.Caller.UserId, At = time.GetUtcNow().UtcDateTime });
        return await SaveOnceAsync(MembershipOutcome.AlreadyRequested, ct);
    }

    public async Task<MembershipOutcome> LeaveAsync(SpaceAccess.View space, CancellationToken ct)
    {
        if (!space.IsMember)
            return MembershipOutcome.NotAllowed;
        if (!space.CanLeave)
            return MembershipOutcome.LastOwner;
        // Re-checked in the statement: two owners leaving at once must not both succeed.
        var left = await db.Set<SpaceMember>()
            .Where(m => m.SpaceId == space.Space.Id && m.UserId == space.Caller.UserId
                && (m.Role != SpaceRole.Owner || db.Set<SpaceMember>().Count(o => o.SpaceId == space.Space.Id && o.Role == SpaceRole.Owner) > 1))
            .ExecuteDeleteAsync(ct);
        return left == 1 ? MembershipOutcome.Done : MembershipOutcome.LastOwner;
    }

    // The unique (space, person) index decides a race between two clicks: the second one is a repeat, not an error.
    private async Task<MembershipOutcome> SaveOnceAsync(MembershipOutcome onRepeat, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return MembershipOutcome.Done;
        }
        catch (DbUpdateException)
        {
            return onRepeat;
        }
    }
}
