using Rathausplatz.Features.Participation.Moderation;

namespace Rathausplatz.Features.Participation.Comments;

/// <summary>
/// The comment forms of a page with a thread (a proposal, a debate): comment, vote and flag, each after the page
/// has loaded its subject, so a closed or hidden subject refuses as its page shows it. The page says what its
/// subject is, where it lives and how it words a closed thread.
/// </summary>
public abstract class CommentThreadPage(PostComment comments, EditComment edits, VoteOnComment votes, FlagContent flags, IStringLocalizer<SharedResource> text)
    : PageModel, ICommentThread
{
    protected IStringLocalizer<SharedResource> Text => text;

    public List<CommentView> Comments { get; protected set; } = [];
    public bool SignedIn => User.ParticipantId() is not null;
    public abstract bool CommentsOpen { get; }
    public abstract bool VotesOpen { get; }
    public abstract bool FlagsOpen { get; }
    public bool NetiquetteAccepted { get; protected set; }
    public abstract string StanceLegend { get; }
    public string? CommentBody { get; private set; }
    public Guid? CommentParent { get; private set; }
    public Guid? EditedComment { get; private set; }
    public abstract string Path { get; }

    /// <summary>Loads the page's subject; false when there is none to show (404).</summary>
    protected abstract Task<bool> LoadAsync(string slug, Guid id, CancellationToken ct);
    protected abstract CommentSubject SubjectOf(Guid id);
    /// <summary>Whether the subject itself may be flagged (a proposal), not only its comments.</summary>
    protected abstract bool SubjectFlaggable { get; }
    /// <summary>The message for a comment the closed thread refuses.</summary>
    protected virtual string ClosedForComments => ParticipationTexts.Message(CommentProblem.Closed, text);
    /// <summary>The message for a vote the closed thread refuses; null answers 404, as for a vote on nothing.</summary>
    protected virtual string? ClosedForVotes => null;

    public async Task<IActionResult> OnPostCommentAsync(string slug, Guid id, string? body, string? stance, Guid? parentId, bool official,
        bool acceptsNetiquette, CancellationToken ct)
    {
        if (User.ParticipantId() is not { } userId)
            return Challenge();
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        var result = await comments.RunAsync(new PostCommentInput
        {
            Subject = SubjectOf(id),
            AuthorId = userId,
            ParentId = parentId,
            Body = body,
            // No choice reads as neutral; a value no radio button offers is refused.
            Stance = string.IsNullOrEmpty(stance) ? Stance.Neutral : ParticipationTexts.StanceFromSlug(stance) ?? (Stance)(-1),
            Official = official,
            AuthorIsStaff = User.SpeaksForTheTown(),
            AcceptsNetiquette = acceptsNetiquette,
        }, ct);
        if (result.Comment is { } comment)
        {
            this.Flash(text["Danke! Ihr Kommentar ist veröffentlicht."]);
            return Redirect($"{Path}#kommentar-{comment.Id}");
        }
        if (result.Problem == CommentProblem.NotFound)
            return NotFound();
        // Loaded again: the post may have changed what the page shows (the netiquette accepted, say).
        await LoadAsync(slug, id, ct);
        (CommentBody, CommentParent) = (body, parentId);
        ModelState.AddModelError(result.Problem == CommentProblem.NetiquetteRequired ? "acceptsNetiquette" : "body",
            result.Problem == CommentProblem.Closed ? ClosedForComments : ParticipationTexts.Message(result.Problem!.Value, text));
        return this.PageWithErrors();
    }

    /// <summary>The author changes their comment's text; someone else's comment is 403, a closed thread 400.</summary>
    public async Task<IActionResult> OnPostEditCommentAsync(string slug, Guid id, Guid commentId, string? body, CancellationToken ct)
    {
        if (User.ParticipantId() is not { } userId)
            return Challenge();
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        var outcome = await edits.RunAsync(SubjectOf(id), commentId, userId, body, User.SpeaksForTheTown(), ct);
        switch (outcome)
        {
            case EditCommentOutcome.NotFound:
                return NotFound();
            case EditCommentOutcome.NotAuthor:
                return Forbid();
            case EditCommentOutcome.Edited:
                this.Flash(text["Ihre Änderungen sind gespeichert."]);
                return Redirect($"{Path}#kommentar-{commentId}");
        }
        (CommentBody, EditedComment) = (body, commentId);
        ModelState.AddModelError($"edit-{commentId}", outcome switch
        {
            EditCommentOutcome.Closed => ClosedForComments,
            EditCommentOutcome.Hidden => text["Von der Moderation ausgeblendete Beiträge können nicht bearbeitet werden."],
            EditCommentOutcome.BodyMissing => ParticipationTexts.Message(CommentProblem.BodyMissing, text),
            _ => ParticipationTexts.Message(CommentProblem.BodyTooLong, text),
        });
        return this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostVoteAsync(string slug, Guid id, Guid commentId, string? direction, CancellationToken ct)
    {
        if (User.ParticipantId() is not { } userId)
            return Challenge();
        if (!await LoadAsync(slug, id, ct) || Comments.All(c => c.Id != commentId))
            return NotFound();
        VoteDirection? chosen = direction switch { "up" => VoteDirection.Up, "down" => VoteDirection.Down, _ => null };
        if (chosen is null)
            return BadRequest();
        var outcome = await votes.RunAsync(commentId, userId, chosen.Value, ct);
        if (outcome == VoteOutcome.NotFound || (outcome == VoteOutcome.Closed && ClosedForVotes is null))
            return NotFound();
        if (outcome == VoteOutcome.Closed)
        {
            ModelState.AddModelError("", ClosedForVotes!);
            return this.PageWithErrors();
        }
        this.Flash(outcome switch
        {
            VoteOutcome.Changed => text["Ihre Bewertung ist geändert."],
            VoteOutcome.Unchanged => text["Sie haben diesen Kommentar schon so bewertet."],
            _ => text["Danke für Ihre Bewertung."],
        });
        return Redirect($"{Path}#kommentar-{commentId}");
    }

    public async Task<IActionResult> OnPostFlagAsync(string slug, Guid id, Guid? commentId, string? reason, CancellationToken ct)
    {
        if (User.ParticipantId() is not { } userId)
            return Challenge();
        if (!await LoadAsync(slug, id, ct) || (commentId is null && !SubjectFlaggable))
            return NotFound();
        var outcome = await flags.RunAsync(SubjectOf(id), commentId, userId, reason, ct);
        switch (outcome)
        {
            case FlagOutcome.NotFound:
                return NotFound();
            case FlagOutcome.Flagged or FlagOutcome.AlreadyFlagged:
                this.Flash(text["Danke! Die Moderation sieht sich den Beitrag an."]);
                return Redirect(commentId is { } c ? $"{Path}#kommentar-{c}" : Path);
        }
        ModelState.AddModelError("reason", outcome == FlagOutcome.ReasonRequired
            ? text["Bitte geben Sie einen Grund an."]
            : text["Der Grund darf höchstens {0} Zeichen lang sein.", ContentFlag.MaxReason]);
        return this.PageWithErrors();
    }

    /// <summary>The comments answering <paramref name="parentId"/> (null: those on the subject), oldest first.</summary>
    public IEnumerable<CommentView> RepliesTo(Guid? parentId) => Comments.Where(c => c.ParentId == parentId);
}
