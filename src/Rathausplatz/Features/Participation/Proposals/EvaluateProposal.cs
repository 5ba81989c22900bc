using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Accountability;

namespace Rathausplatz.Features.Participation.Proposals;

public enum EvaluationProblem { NotFound, ReasonRequired, ReasonTooLong, Unchanged, AnswerRequired, AnswerTooLong }

/// <summary>
/// Staff decide on a proposal and answer it for the town. A rejection always says why; who decided or
/// answered and when is kept on the proposal.
/// </summary>
public sealed class EvaluateProposal(AppDb db, TimeProvider time, NotifyParticipants notify)
{
    public async Task<EvaluationProblem?> SetStatusAsync(Guid actorId, Guid proposalId, ProposalStatus status, string? reason, CancellationToken ct)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (status == ProposalStatus.Rejected && reason is null)
            return EvaluationProblem.ReasonRequired;
        if (reason?.Length > Proposal.MaxReason)
            return EvaluationProblem.ReasonTooLong;
        var proposal = await db.Set<Proposal>().SingleOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
            return EvaluationProblem.NotFound;
        if (proposal.Status == status && proposal.StatusReason == reason)
            return EvaluationProblem.Unchanged;
        proposal.Status = status;
        proposal.StatusReason = reason;
        proposal.StatusChangedAt = time.GetUtcNow().UtcDateTime;
        proposal.StatusChangedById = actorId;
        // The participants hear of decisions, not of the intermediate steps (open, evaluating).
        if (status is ProposalStatus.Accepted or ProposalStatus.Rejected or ProposalStatus.Implemented)
            notify.Queue(new NotifyParticipants.Payload(Guid.CreateVersion7(), NoticeReason.StatusChanged, null, proposal.Id, proposal.StatusChangedAt.Value));
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<EvaluationProblem?> AnswerAsync(Guid actorId, Guid proposalId, string? answer, CancellationToken ct)
    {
        answer = answer?.Trim();
        if (string.IsNullOrEmpty(answer))
            return EvaluationProblem.AnswerRequired;
        if (answer.Length > Proposal.MaxAnswer)
            return EvaluationProblem.AnswerTooLong;
        var proposal = await db.Set<Proposal>().SingleOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
            return EvaluationProblem.NotFound;
        proposal.OfficialAnswer = answer;
        proposal.OfficialAnswerAt = time.GetUtcNow().UtcDateTime;
        proposal.OfficialAnswerById = actorId;
        notify.Queue(new NotifyParticipants.Payload(Guid.CreateVersion7(), NoticeReason.Answered, null, proposal.Id, proposal.OfficialAnswerAt.Value));
        await db.SaveChangesAsync(ct);
        return null;
    }
}
