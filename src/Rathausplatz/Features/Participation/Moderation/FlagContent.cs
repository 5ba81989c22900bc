using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Moderation;

public enum FlagOutcome { Flagged, AlreadyFlagged, NotFound, ReasonRequired, ReasonTooLong }

/// <summary>
/// A participant asks moderation to look at a proposal or comment, saying why; once per person and item. In a
/// debate only comments are flagged (the question is the organisers' text).
/// </summary>
public sealed class FlagContent(AppDb db, TimeProvider time)
{
    public async Task<FlagOutcome> RunAsync(CommentSubject subject, Guid? commentId, Guid reporterId, string? reason, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            return FlagOutcome.ReasonRequired;
        if (reason.Length > ContentFlag.MaxReason)
            return FlagOutcome.ReasonTooLong;
        var exists = commentId is { } id
            ? await db.Set<ProposalComment>().Of(subject).AnyAsync(c => c.Id == id && c.HiddenAt == null, ct)
            : subject.ProposalId is { } proposalId && await db.Set<Proposal>().AnyAsync(p => p.Id == proposalId && p.HiddenAt == null, ct);
        if (!exists)
            return FlagOutcome.NotFound;
        var target = commentId ?? subject.Id;
        if (await db.Set<ContentFlag>().AnyAsync(f => f.TargetId == target && f.ReporterId == reporterId, ct))
            return FlagOutcome.AlreadyFlagged;
        var flag = new ContentFlag
        {
            ProposalId = subject.ProposalId, DebateId = subject.DebateId, CommentId = commentId, TargetId = target, ReporterId = reporterId, Reason = reason,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(flag);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(flag).State = EntityState.Detached;
            return FlagOutcome.AlreadyFlagged;
        }
        return FlagOutcome.Flagged;
    }
}
