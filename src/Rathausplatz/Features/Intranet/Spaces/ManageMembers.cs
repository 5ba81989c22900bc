using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.Spaces;

/// <summary>
/// What owners (and organisation admins) do with a space's people: decide requests, add staff, change roles,
/// remove. A space always keeps one owner; only staff accounts can be members or owners, guests stay guests.
/// </summary>
public sealed class ManageMembers(AppDb db, TimeProvider time)
{
    public async Task<MembershipOutcome> ApproveAsync(SpaceAccess.View space, Guid userId, CancellationToken ct)
    {
        if (!space.CanManage)
            return MembershipOutcome.NotAllowed;
        var request = await db.Set<JoinRequest>().SingleOrDefaultAsync(r => r.SpaceId == space.Space.Id && r.UserId == userId, ct);
        if (request is null)
            return MembershipOutcome.NotFound;
        db.Remove(request);
        if (!await db.Set<SpaceMember>().AnyAsync(m => m.SpaceId == space.Space.Id && m.UserId == userId, ct))
            db.Add(new SpaceMember { SpaceId = space.Space.Id, UserId = userId, Role = SpaceRole.Member, JoinedAt = time.GetUtcNow().UtcDateTime });
        return await SaveOnceAsync(ct);
    }

    public async Task<MembershipOutcome> DeclineAsync(SpaceAccess.View space, Guid userId, CancellationToken ct)
    {
        if (!space.CanManage)
            return MembershipOutcome.NotAllowed;
        var removed = await db.Set<JoinRequest>().Where(r => r.SpaceId == space.Space.Id && r.UserId == userId).ExecuteDeleteAsync(ct);
        return removed == 1 ? MembershipOutcome.Done : MembershipOutcome.NotFound;
    }

    /// <summary>Adds the colleague with this e-mail address (it must be a staff account of this organisation).</summary>
    public async Task<MembershipOutcome> AddStaffByEmailAsync(SpaceAccess.View space, string? email, CancellationToken ct)
    {
        if (!space.CanManage)
            return MembershipOutcome.NotAllowed;
        // As Identity normalises (UpperInvariantLookupNormalizer).
        var normalized = (email ?? "").Trim().Normalize().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        return userId is { } id ? await AddStaffAsync(space, id, ct) : MembershipOutcome.NotFound;
    }

    /// <summary>Adds a colleague (an account with a staff role in this organisation) as a member.</summary>
    public async Task<MembershipOutcome> AddStaffAsync(SpaceAccess.View space, Guid userId, CancellationToken ct)
    {
        if (!space.CanManage)
            return MembershipOutcome.NotAllowed;
        if (!await IsStaffAsync(userId, ct))
            return MembershipOutcome.NotFound;
        if (await db.Set<SpaceMember>().AnyAsync(m => m.SpaceId == space.Space.Id && m.UserId == userId, ct))
            return MembershipOutcome.AlreadyMember;
        await db.Set<JoinRequest>().Where(r => r.SpaceId == space.Space.Id && r.UserId == userId).ExecuteDeleteAsync(ct);
        db.Add(new SpaceMember { SpaceId = space.Space.Id, UserId = userId, Role = SpaceRole.Member, JoinedAt = time.GetUtcNow().UtcDateTime });
        return await SaveOnceAsync(ct);
    }

    public async Task<MembershipOutcome> ChangeRoleAsync(SpaceAccess.View space, Guid userId, SpaceRole role, CancellationToken ct)
    {
        if (!space.CanManage)
            return MembershipOutcome.NotAllowed;
        if (!Enum.IsDefined(role))
            return MembershipOutcome.NotFound;
        var current = await db.Set<SpaceMember>().Where(m => m.SpaceId == space.Space.Id && m.UserId == userId)
            .Select(m => (SpaceRole?)m.Role).SingleOrDefaultAsync(ct);
        if (current is null)
            return MembershipOutcome.NotFound;
        if (role != SpaceRole.Guest && !await IsStaffAsync(userId, ct))
            return MembershipOutcome.GuestsOnlyAsGuests;
        var spaceId = space.Space.Id;
        // The owner count is checked in the statement, so two owners demoting each other at once leave one.
        var changed = await db.Set<SpaceMember>()
            .Where(m => m.SpaceId == spaceId && m.UserId == userId
                && (role == SpaceRole.Owner || m.Role != SpaceRole.Owner || db.Set<SpaceMember>().Count(o => o.SpaceId == spaceId && o.Role == SpaceRole.Owner) > 1))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, role), ct);
        return changed == 1 ? MembershipOutcome.Done : MembershipOutcome.LastOwner;
    }

    public async Task<MembershipOutcome> RemoveAsync(SpaceAccess.View space, Guid userId, CancellationToken ct)
    {
        if (!space.CanManage)
            return MembershipOutcome.NotAllowed;
        var spaceId = space.Space.Id;
        if (!await db.Set<SpaceMember>().AnyAsync(m => m.SpaceId == spaceId && m.UserId == userId, ct))
            return MembershipOutcome.NotFound;
        var removed = await db.Set<SpaceMember>()
            .Where(m => m.SpaceId == spaceId && m.UserId == userId
                && (m.Role != SpaceRole.Owner || db.Set<SpaceMember>().Count(o => o.SpaceId == spaceId && o.Role == SpaceRole.Owner) > 1))
            .ExecuteDeleteAsync(ct);
        return removed == 1 ? MembershipOutcome.Done : MembershipOutcome.LastOwner;
    }

    /// <summary>An account of this organisation (the user query is tenant-filtered) with a staff role.</summary>
    public Task<bool> IsStaffAsync(Guid userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId)
            .AnyAsync(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && SpaceAccess.StaffRoles.Contains(r.Name!))), ct);

    private async Task<MembershipOutcome> SaveOnceAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return MembershipOutcome.Done;
        }
        catch (DbUpdateException)
        {
            return MembershipOutcome.AlreadyMember;
        }
    }
}
