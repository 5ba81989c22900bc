using Rathausplatz.Features.Participation.Moderation;

namespace Rathausplatz.Features.Participation.Comments;

/// <summary>
/// What a comment thread hangs on: a proposal or a debate, exactly one of the two (comments, flags and moderation
/// actions carry both columns and a check constraint says one is set), so both share one discussion mechanism.
/// </summary>
public readonly record struct CommentSubject(Guid? ProposalId, Guid? DebateId)
{
    public static CommentSubject Proposal(Guid id) => new(id, null);

    public static CommentSubject Debate(Guid id) => new(null, id);

    public bool IsDebate => DebateId is not null;

    /// <summary>The id of the proposal or debate.</summary>
    public Guid Id => ProposalId ?? DebateId!.Value;
}

public static class CommentSubjectQueries
{
    // One comparison with a value, not a nullable parameter against both columns, so the (subject, time) indexes serve it.
    public static IQueryable<ProposalComment> Of(this IQueryable<ProposalComment> comments, CommentSubject subject) =>
        subject.ProposalId is { } proposalId ? comments.Where(c => c.ProposalId == proposalId) : comments.Where(c => c.DebateId == subject.DebateId);

    public static IQueryable<ContentFlag> Of(this IQueryable<ContentFlag> flags, CommentSubject subject) =>
        subject.ProposalId is { } proposalId ? flags.Where(f => f.ProposalId == proposalId) : flags.Where(f => f.DebateId == subject.DebateId);
}
