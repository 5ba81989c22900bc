using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Stream;

public enum MustReadOutcome { Done, AlreadyDone, NotAllowed, NotFound }

/// <summary>
/// Must-read posts ("Pflichtlektüre"): the leadership of a space (its owners, organisation admins) marks a post;
/// members see it pinned above their streams until they confirm it with "Gelesen" (one row per person and post, a
/// unique index). The author and the leadership see who of the members has confirmed and who has not.
/// </summary>
public sealed class MustRead(AppDb db, StreamNotices notices, TimeProvider time)
{
    public sealed record Reader(Guid UserId, string Name, SpaceRole Role, DateTime? ConfirmedAt);

    public sealed record Report(Guid PostId, DateTime Since, List<Reader> Confirmed, List<Reader> Open);

    public static bool CanSeeReport(SpaceAccess.View space, Guid? authorId) => space.CanManage || (space.IsMember && authorId == space.Caller.UserId);

    /// <summary>Marks the post as must-read, or (<paramref name="on"/> false) takes the mark back; confirmations stay.</summary>
    public async Task<MustReadOutcome> MarkAsync(SpaceAccess.View space, Guid postId, bool on, CancellationToken ct)
    {
        var post = await db.Set<StreamPost>().SingleOrDefaultAsync(p => p.Id == postId && p.SpaceId == space.Space.Id, ct);
        if (post is null)
            return MustReadOutcome.NotFound;
        if (!space.CanManage)
            return MustReadOutcome.NotAllowed;
        if (on == post.MustReadSince.HasValue)
            return MustReadOutcome.AlreadyDone;
        post.MustReadSince = on ? time.GetUtcNow().UtcDateTime : null;
        if (on)
            await notices.MustReadAsync(space, postId, ct);
        await db.SaveChangesAsync(ct);
        return MustReadOutcome.Done;
    }

    /// <summary>A member's "Gelesen"; a second press (or two at once) stores nothing more.</summary>
    public async Task<MustReadOutcome> ConfirmAsync(SpaceAccess.View space, Guid postId, CancellationToken ct)
    {
        if (!await db.Set<StreamPost>().AnyAsync(p => p.Id == postId && p.SpaceId == space.Space.Id && p.MustReadSince != null, ct))
            return MustReadOutcome.NotFound;
        if (!space.IsMember)
            return MustReadOutcome.NotAllowed;
        var me = space.Caller.UserId;
        if (await db.Set<StreamReadConfirmation>().AnyAsync(r => r.PostId == postId && r.UserId == me, ct))
            return MustReadOutcome.AlreadyDone;
        db.Add(new StreamReadConfirmation { PostId = postId, UserId = me, At = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A second press that overtook the first: the unique index keeps one confirmation.
            return MustReadOutcome.AlreadyDone;
        }
        return MustReadOutcome.Done;
    }

    public Task<bool> ConfirmedAsync(Guid postId, Guid userId, CancellationToken ct) =>
        db.Set<StreamReadConfirmation>().AnyAsync(r => r.PostId == postId && r.UserId == userId, ct);

    /// <summary>Today's members of the space, each with their confirmation; null when the post is not must-read.</summary>
    public async Task<Report?> ReportAsync(Guid spaceId, Guid postId, CancellationToken ct)
    {
        var since = await db.Set<StreamPost>().Where(p => p.Id == postId && p.SpaceId == spaceId).Select(p => p.MustReadSince).SingleOrDefaultAsync(ct);
        if (since is null)
            return null;
        var readers = await (from m in db.Set<SpaceMember>()
                             join u in db.Users on m.UserId equals u.Id
                             where m.SpaceId == spaceId
                             select new Reader(u.Id, u.DisplayName, m.Role,
                                 db.Set<StreamReadConfirmation>().Where(r => r.PostId == postId && r.UserId == u.Id).Select(r => (DateTime?)r.At).FirstOrDefault()))
            .ToListAsync(ct);
        readers = readers.OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        return new Report(postId, since.Value, readers.Where(r => r.ConfirmedAt is not null).ToList(), readers.Where(r => r.ConfirmedAt is null).ToList());
    }
}
