using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Debates;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Comments;

public enum VoteOutcome { Counted, Changed, Unchanged, NotFound, Closed }

/// <summary>
/// Up or down on a comment: one vote per person (unique key), which the person may turn around. The
/// figures are counted from the rows when shown, so they cannot drift from them. A closed debate takes no votes.
/// </summary>
public sealed class VoteOnComment(AppDb db, TimeProvider time)
{
    public async Task<VoteOutcome> RunAsync(Guid commentId, Guid userId, VoteDirection direction, CancellationToken ct)
    {
        if (!Enum.IsDefined(direction))
            return VoteOutcome.NotFound;
        var now = time.GetUtcNow().UtcDateTime;
        var comment = await db.Set<ProposalComment>().AsNoTracking().Where(c => c.Id == commentId && c.HiddenAt == null)
            .Select(c => new { c.ProposalId, c.DebateId }).SingleOrDefaultAsync(ct);
        if (comment is null)
            return VoteOutcome.NotFound;
        if (comment.ProposalId is { } proposalId && !await db.Set<Proposal>().AnyAsync(p => p.Id == proposalId && p.HiddenAt == null, ct))
            return VoteOutcome.NotFound;
        if (comment.DebateId is { } debateId)
        {
            var debate = await db.Set<Debate>().AsNoTracking().SingleAsync(d => d.Id == debateId, ct);
            var phases = await db.Set<ProcessPhase>().AsNoTracking().Where(ph => ph.ProcessId == debate.ProcessId).ToListAsync(ct);
            if (!debate.OpenAt(now, new ProcessSchedule(phases)))
                return VoteOutcome.Closed;
        }
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
