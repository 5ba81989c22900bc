using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Debates;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Comments;

public enum EditCommentOutcome { Edited, NotFound, NotAuthor, Closed, Hidden, BodyMissing, BodyTooLong }

/// <summary>
/// The author changes the text of their own comment while the thread takes comments (the same rule as
/// <see cref="PostComment"/>); the comment then shows "bearbeitet". Stance, votes and replies stay; a comment hidden
/// by moderation is not changed.
/// </summary>
public sealed class EditComment(AppDb db, TimeProvider time)
{
    public async Task<EditCommentOutcome> RunAsync(CommentSubject subject, Guid commentId, Guid editorId, string? body, bool editorIsStaff,
        CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var comment = await db.Set<ProposalComment>().Of(subject).SingleOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null)
            return EditCommentOutcome.NotFound;
        if (comment.AuthorId != editorId)
            return EditCommentOutcome.NotAuthor;
        if (comment.Hidden)
            return EditCommentOutcome.Hidden;

        bool open;
        if (subject.ProposalId is { } proposalId)
        {
            var processId = await db.Set<Proposal>().Where(p => p.Id == proposalId && p.HiddenAt == null).Select(p => (Guid?)p.ProcessId).SingleOrDefaultAsync(ct);
            if (processId is null)
                return EditCommentOutcome.NotFound;
            open = editorIsStaff || (await ScheduleAsync(processId.Value, ct)).CommentsOpenAt(now);
        }
        else
        {
            var debate = await db.Set<Debate>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == subject.DebateId, ct);
            if (debate is null)
                return EditCommentOutcome.NotFound;
            open = debate.OpenAt(now, await ScheduleAsync(debate.ProcessId, ct));
        }
        if (!open)
            return EditCommentOutcome.Closed;

        var text = (body ?? "").Trim();
        if (text.Length == 0)
            return EditCommentOutcome.BodyMissing;
        if (text.Length > ProposalComment.MaxBody)
            return EditCommentOutcome.BodyTooLong;
        if (text == comment.Body)
            return EditCommentOutcome.Edited;
        comment.Body = text;
        comment.EditedAt = now;
        await db.SaveChangesAsync(ct);
        return EditCommentOutcome.Edited;
    }

    private async Task<ProcessSchedule> ScheduleAsync(Guid processId, CancellationToken ct) =>
        new(await db.Set<ProcessPhase>().AsNoTracking().Where(ph => ph.ProcessId == processId).ToListAsync(ct));
}
