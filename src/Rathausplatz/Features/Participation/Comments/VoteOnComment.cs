using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Comments;

public enum VoteOutcome { Counted, Changed, Unchanged, NotFound }

/// <summary>
/// Up or down on a comment: one vote per person (unique key), which the person may turn around. The
/// figures are counted from the rows when shown, so they cannot drift from them.
/// </summary>
public sealed class VoteOnComment(AppDb db, TimeProvider time)
{
    public async Task<VoteOutcome> RunAsync(Guid commentId, Guid userId, VoteDirection direction, CancellationToken ct)
    {
        if (!Enum.IsDefined(direction))
            return VoteOutcome.NotFound;
        var visible = await db.Set<ProposalComment>().Where(c => c.Id == commentId && c.HiddenAt == null)
            .AnyAsync(c => db.Set<Proposal>().Any(p => p.Id == c.ProposalId && p.HiddenAt == null), ct);
        if (!visible)
            return VoteOutcome.NotFound;
        var now = time.GetUtcNow().UtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            var vote = await db.Set<CommentVote>().SingleOrDefaultAsync(v => v.CommentId == commentId && v.UserId == userId, ct);
            if (vote is not null)
            {
                if (vote.Direction == direction)
                    return VoteOutcome.Unchanged;
                vote.Direction = direction;
                vote.At = now;
                await db.SaveChangesAsync(ct);
                return VoteOutcome.Changed;
            }
            vote = new CommentVote { CommentId = commentId, UserId = userId, Direction = direction, At = now };
            db.Add(vote);
            try
            {
                await db.SaveChangesAsync(ct);
                return VoteOutcome.Counted;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The person's other request voted first: change that vote instead.
                db.Entry(vote).State = EntityState.Detached;
            }
        }
    }
}
