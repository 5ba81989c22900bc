using System.Security.Claims;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Participation.Comments;

/// <summary>One comment as a thread shows it; a hidden comment carries the moderation's reason and no text.</summary>
public sealed record CommentView(Guid Id, Guid? ParentId, int Depth, string? Author, string Body, Stance Stance, bool Official,
    DateTime CreatedAt, string? HiddenReason, int Up, int Down, VoteDirection? MyVote, bool Mine = false, DateTime? EditedAt = null)
{
    public bool Hidden => HiddenReason is not null;
}

/// <summary>
/// What the shared thread partials (_Comment, _CommentForm) need from the page they are on: the proposal page and
/// the debate page both implement it and both offer the handlers Comment, Vote and Flag.
/// </summary>
public interface ICommentThread
{
    ClaimsPrincipal User { get; }
    List<CommentView> Comments { get; }
    bool SignedIn { get; }
    /// <summary>New comments and replies are taken.</summary>
    bool CommentsOpen { get; }
    /// <summary>Votes and flags are offered (signed in, the subject visible; a closed debate takes no votes).</summary>
    bool VotesOpen { get; }
    bool FlagsOpen { get; }
    bool NetiquetteAccepted { get; }
    /// <summary>The localizer key of the stance question ("Ihre Haltung zum Vorschlag", "… zur Frage").</summary>
    string StanceLegend { get; }
    // What the comment form sent, so a refused comment is shown again as typed.
    string? CommentBody { get; }
    Guid? CommentParent { get; }
    /// <summary>The comment whose edit was refused, so its form opens again with what was typed.</summary>
    Guid? EditedComment { get; }

    /// <summary>The comments answering <paramref name="parentId"/> (null: those on the subject), oldest first.</summary>
    IEnumerable<CommentView> RepliesTo(Guid? parentId) => Comments.Where(c => c.ParentId == parentId);
}

public static class CommentThread
{
    /// <summary>All comments of a proposal or debate, oldest first, with their vote figures and the person's own vote.</summary>
    public static async Task<List<CommentView>> LoadAsync(AppDb db, CommentSubject subject, Guid? userId, CancellationToken ct)
    {
        var rows = await db.Set<ProposalComment>().AsNoTracking().Of(subject).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.ParentId, c.Depth, c.Body, c.Stance, c.Official, c.CreatedAt, c.HiddenReason, c.HiddenAt, c.AuthorId, c.EditedAt,
                Author = db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                Up = db.Set<CommentVote>().Count(v => v.CommentId == c.Id && v.Direction == VoteDirection.Up),
                Down = db.Set<CommentVote>().Count(v => v.CommentId == c.Id && v.Direction == VoteDirection.Down),
                Mine = db.Set<CommentVote>().Where(v => v.CommentId == c.Id && v.UserId == userId).Select(v => (VoteDirection?)v.Direction).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // A hidden comment's text never reaches the page, not even escaped.
        return rows.Select(c => new CommentView(c.Id, c.ParentId, c.Depth, c.Author, c.HiddenAt is null ? c.Body : "", c.Stance, c.Official,
            c.CreatedAt, c.HiddenAt is null ? null : c.HiddenReason ?? "", c.Up, c.Down, c.Mine, userId is not null && c.AuthorId == userId, c.EditedAt)).ToList();
    }
}
