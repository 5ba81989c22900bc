using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Moderation;

public enum FlagOutcome { Flagged, AlreadyFlagged, NotFound, ReasonRequired, ReasonTooLong }

/// <summary>A participant asks moderation to look at a proposal or comment, saying why; once per person and item.</summary>
public sealed class FlagContent(AppDb db, TimeProvider time)
{
    public async Task<FlagOutcome> RunAsync(Guid proposalId, Guid? commentId, Guid reporterId, string? reason, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            return FlagOutcome.ReasonRequired;
        if (reason.Length > ContentFlag.MaxReason)
            return FlagOutcome.ReasonTooLong;
        var exists = commentId is { } id
            ? await db.Set<ProposalComment>().AnyAsync(c => c.Id == id && c.ProposalId == proposalId && c.HiddenAt == null, ct)
            : await db.Set<Proposal>().AnyAsync(p => p.Id == proposalId && p.HiddenAt == null, ct);
        if (!exists)
            return FlagOutcome.NotFound;
        var target = commentId ?? proposalId;
        if (await db.Set<ContentFlag>().AnyAsync(f => f.TargetId == target && f.ReporterId == reporterId, ct))
            return FlagOutcome.AlreadyFlagged;
        var flag = new ContentFlag
        {
            ProposalId = proposalId, CommentId = commentId, TargetId = target, ReporterId = reporterId, Reason = reason,
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
