using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Stream;

public enum ReactionOutcome { Added, Removed, NotAllowed, NotFound }

/// <summary>A member marks a post ("Gefällt mir", "Hilfreich"); the same button again takes it back. One of each kind per person.</summary>
public sealed class ReactToPost(AppDb db)
{
    public async Task<ReactionOutcome> ToggleAsync(SpaceAccess.View space, Guid postId, ReactionKind kind, CancellationToken ct)
    {
        if (!space.CanContribute)
            return ReactionOutcome.NotAllowed;
        if (!Enum.IsDefined(kind) || !await db.Set<StreamPost>().AnyAsync(p => p.Id == postId && p.SpaceId == space.Space.Id, ct))
            return ReactionOutcome.NotFound;
        var me = space.Caller.UserId;
        if (await db.Set<StreamReaction>().Where(r => r.PostId == postId && r.UserId == me && r.Kind == kind).ExecuteDeleteAsync(ct) > 0)
            return ReactionOutcome.Removed;
        db.Add(new StreamReaction { PostId = postId, UserId = me, Kind = kind });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A second click that overtook the first: the unique index keeps one reaction.
        }
        return ReactionOutcome.Added;
    }
}
