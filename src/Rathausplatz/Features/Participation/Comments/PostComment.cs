using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Accountability;
using Rathausplatz.Features.Participation.Debates;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Comments;

public sealed record PostCommentInput
{
    /// <summary>The proposal or debate commented on.</summary>
    public required CommentSubject Subject { get; init; }
    public required Guid AuthorId { get; init; }
    /// <summary>The comment answered; null for a comment on the proposal or debate itself.</summary>
    public Guid? ParentId { get; init; }
    public string? Body { get; init; }
    public Stance Stance { get; init; }
    /// <summary>Staff only: the town's official answer. The caller says whether the author is staff.</summary>
    public bool Official { get; init; }
    public bool AuthorIsStaff { get; init; }
    public bool AcceptsNetiquette { get; init; }
}

public enum CommentProblem { NotFound, Closed, EmailNotConfirmed, NetiquetteRequired, BodyMissing, BodyTooLong, UnknownParent, UnknownStance }

public sealed record PostCommentResult(ProposalComment? Comment, CommentProblem? Problem);

/// <summary>
/// A comment or reply with its stance. On a proposal, participants comment until the process ends and staff may
/// still answer afterwards; a debate takes comments until its last day or the process's end, from staff too (a
/// closed debate is read-only). Only staff can mark an answer official (a participant's request for it is ignored).
/// </summary>
public sealed class PostComment(AppDb db, TimeProvider time, Netiquette netiquette, NotifyParticipants notify)
{
    public async Task<PostCommentResult> RunAsync(PostCommentInput input, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var subject = input.Subject;
        Guid processId;
        Debate? debate = null;
        if (subject.ProposalId is { } proposalId)
        {
            var proposal = await db.Set<Proposal>().AsNoTracking().Where(p => p.Id == proposalId && p.HiddenAt == null)
                .Select(p => new { p.ProcessId }).SingleOrDefaultAsync(ct);
            if (proposal is null)
                return new(null, CommentProblem.NotFound);
            processId = proposal.ProcessId;
        }
        else
        {
            debate = await db.Set<Debate>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == subject.DebateId, ct);
            if (debate is null)
                return new(null, CommentProblem.NotFound);
            processId = debate.ProcessId;
        }
        var schedule = new ProcessSchedule(await db.Set<ProcessPhase>().AsNoTracking().Where(ph => ph.ProcessId == processId).ToListAsync(ct));
        var open = debate is not null ? debate.OpenAt(now, schedule) : input.AuthorIsStaff || schedule.CommentsOpenAt(now);
        if (!open)
            return new(null, CommentProblem.Closed);
        if (!await db.Users.AnyAsync(u => u.Id == input.AuthorId && u.EmailConfirmed, ct))
            return new(null, CommentProblem.EmailNotConfirmed);
        if (!Enum.IsDefined(input.Stance))
            return new(null, CommentProblem.UnknownStance);
        var body = (input.Body ?? "").Trim();
        if (body.Length == 0)
            return new(null, CommentProblem.BodyMissing);
        if (body.Length > ProposalComment.MaxBody)
            return new(null, CommentProblem.BodyTooLong);

        var depth = 0;
        var parentId = input.ParentId;
        if (parentId is { } answered)
        {
            var parent = await db.Set<ProposalComment>().AsNoTracking().Of(subject).Where(c => c.Id == answered)
                .Select(c => new { c.Id, c.ParentId, c.Depth }).SingleOrDefaultAsync(ct);
            if (parent is null)
                return new(null, CommentProblem.UnknownParent);
            // Below the deepest level a reply joins its parent's level: the thread stays readable on a phone.
            (parentId, depth) = parent.Depth >= ProposalComment.MaxDepth ? (parent.ParentId, parent.Depth) : ((Guid?)parent.Id, parent.Depth + 1);
        }
        if (!await netiquette.EnsureAsync(input.AuthorId, input.AcceptsNetiquette, ct))
            return new(null, CommentProblem.NetiquetteRequired);

        var comment = new ProposalComment
        {
            ProposalId = subject.ProposalId,
            DebateId = subject.DebateId,
            ParentId = parentId,
            Depth = depth,
            AuthorId = input.AuthorId,
            Body = body,
            Stance = input.Stance,
            Official = input.Official && input.AuthorIsStaff,
            CreatedAt = now,
        };
        db.Add(comment);
        // A reply in a debate tells the person answered (the job skips answering oneself), with the comment.
        if (subject.DebateId is { } debateId && input.ParentId is { } answeredId)
            notify.Queue(new NotifyParticipants.Payload(comment.Id, NoticeReason.Reply, null, null, now, debateId, comment.Id, answeredId));
        await db.SaveChangesAsync(ct);
        return new(comment, null);
    }
}
