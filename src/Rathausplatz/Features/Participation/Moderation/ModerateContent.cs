using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Moderation;

public enum ModerationProblem { NotFound, ReasonRequired, ReasonTooLong, AlreadyHidden }

/// <summary>
/// Staff settle flags: hide the item with a reason the public reads in its place, or dismiss the flags and
/// leave it. Either way the item's open flags are closed and a <see cref="ModerationAction"/> records who,
/// when and why, in one save.
/// </summary>
public sealed class ModerateContent(AppDb db, TimeProvider time)
{
    public async Task<ModerationProblem?> HideAsync(Guid actorId, CommentSubject subject, Guid? commentId, string? reason, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            return ModerationProblem.ReasonRequired;
        if (reason.Length > ContentFlag.MaxReason)
            return ModerationProblem.ReasonTooLong;
        var now = time.GetUtcNow().UtcDateTime;
        if (commentId is { } id)
        {
            var comment = await db.Set<ProposalComment>().Of(subject).SingleOrDefaultAsync(c => c.Id == id, ct);
            if (comment is null)
                return ModerationProblem.NotFound;
            if (comment.Hidden)
                return ModerationProblem.AlreadyHidden;
            (comment.HiddenAt, comment.HiddenById, comment.HiddenReason) = (now, actorId, reason);
        }
        else if (subject.ProposalId is { } proposalId)
        {
            var proposal = await db.Set<Proposal>().SingleOrDefaultAsync(p => p.Id == proposalId, ct);
            if (proposal is null)
                return ModerationProblem.NotFound;
            if (proposal.Hidden)
                return ModerationProblem.AlreadyHidden;
            (proposal.HiddenAt, proposal.HiddenById, proposal.HiddenReason) = (now, actorId, reason);
        }
        else
        {
            return ModerationProblem.NotFound;
        }
        await SettleAsync(actorId, subject, commentId, ModerationDecision.Hidden, reason, now, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Hides one image of a proposal (a face, a number plate, something offensive); the proposal stays. The public
    /// reads the reason in the image's place; a <see cref="ModerationAction"/> records it.
    /// </summary>
    public async Task<ModerationProblem?> HideImageAsync(Guid actorId, Guid proposalId, Guid imageId, string? reason, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            return ModerationProblem.ReasonRequired;
        if (reason.Length > ContentFlag.MaxReason)
            return ModerationProblem.ReasonTooLong;
        var image = await db.Set<ProposalImage>().SingleOrDefaultAsync(i => i.Id == imageId && i.ProposalId == proposalId, ct);
        if (image is null)
            return ModerationProblem.NotFound;
        if (image.Hidden)
            return ModerationProblem.AlreadyHidden;
        var now = time.GetUtcNow().UtcDateTime;
        (image.HiddenAt, image.HiddenById, image.HiddenReason) = (now, actorId, reason);
        db.Add(new ModerationAction { ProposalId = proposalId, ImageId = imageId, Decision = ModerationDecision.Hidden, Reason = reason, ActorId = actorId, At = now });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The flags were unfounded: they leave the queue, the item stays as it is.</summary>
    public async Task<ModerationProblem?> DismissAsync(Guid actorId, CommentSubject subject, Guid? commentId, CancellationToken ct)
    {
        var target = commentId ?? subject.Id;
        if (!await db.Set<ContentFlag>().Of(subject).AnyAsync(f => f.TargetId == target && f.ResolvedAt == null, ct))
            return ModerationProblem.NotFound;
        await SettleAsync(actorId, subject, commentId, ModerationDecision.Dismissed, null, time.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task SettleAsync(Guid actorId, CommentSubject subject, Guid? commentId, ModerationDecision decision, string? reason, DateTime now, CancellationToken ct)
    {
        var target = commentId ?? subject.Id;
        foreach (var flag in await db.Set<ContentFlag>().Where(f => f.TargetId == target && f.ResolvedAt == null).ToListAsync(ct))
            (flag.ResolvedAt, flag.ResolvedById, flag.Decision) = (now, actorId, decision);
        db.Add(new ModerationAction { ProposalId = subject.ProposalId, DebateId = subject.DebateId, CommentId = commentId, Decision = decision, Reason = reason, ActorId = actorId, At = now });
    }
}
