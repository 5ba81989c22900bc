using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Participation.Debates;

/// <summary>
/// One debate: the question, its introduction, how many comments take which stance, and the threaded comments of
/// the proposals (stances, votes, official answers, netiquette, flags). Visitors get the cached page without forms;
/// a closed debate shows no forms to anyone but flags.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ParticipationSetup.SubmitRateLimit)]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class DetailModel(AppDb db, TimeProvider time, MarkdownRenderer markdown, Netiquette netiquette, PostComment comments,
    VoteOnComment votes, FlagContent flags, IStringLocalizer<SharedResource> text) : PageModel, ICommentThread
{
    public ParticipationProcess Process { get; private set; } = null!;
    public Debate Debate { get; private set; } = null!;
    public string IntroductionHtml { get; private set; } = "";
    public List<CommentView> Comments { get; private set; } = [];
    /// <summary>Visible comments per stance; the town's official answers take no side and are not counted.</summary>
    public IReadOnlyList<(Stance Stance, int Count)> StanceCounts { get; private set; } = [];
    public bool Open { get; private set; }
    public bool NetiquetteAccepted { get; private set; }

    public bool SignedIn => User.ParticipantId() is not null;
    public bool CommentsOpen => Open;
    public bool VotesOpen => SignedIn && Open;
    public bool FlagsOpen => SignedIn;
    public string StanceLegend => Texts.Key("Ihre Haltung zur Frage");
    public string? CommentBody { get; private set; }
    public Guid? CommentParent { get; private set; }

    public string Path => $"/beteiligung/{Process.Slug}/debatten/{Debate.Id}";

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct) =>
        await LoadAsync(slug, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(string slug, Guid id, string? body, string? stance, Guid? parentId, bool official,
        bool acceptsNetiquette, CancellationToken ct)
    {
        if (User.ParticipantId() is not { } userId)
            return Challenge();
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        var result = await comments.RunAsync(new PostCommentInput
        {
            Subject = CommentSubject.Debate(id),
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
        (CommentBody, CommentParent) = (body, parentId);
        ModelState.AddModelError(result.Problem == CommentProblem.NetiquetteRequired ? "acceptsNetiquette" : "body",
            result.Problem == CommentProblem.Closed ? text["Die Debatte ist geschlossen; Kommentare sind nicht mehr möglich."] : ParticipationTexts.Message(result.Problem!.Value, text));
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
        if (outcome == VoteOutcome.NotFound)
            return NotFound();
        if (outcome == VoteOutcome.Closed)
        {
            ModelState.AddModelError("", text["Die Debatte ist geschlossen; Bewertungen sind nicht mehr möglich."]);
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
        if (!await LoadAsync(slug, id, ct) || commentId is null)
            return NotFound();
        var outcome = await flags.RunAsync(CommentSubject.Debate(id), commentId, userId, reason, ct);
        switch (outcome)
        {
            case FlagOutcome.NotFound:
                return NotFound();
            case FlagOutcome.Flagged or FlagOutcome.AlreadyFlagged:
                this.Flash(text["Danke! Die Moderation sieht sich den Beitrag an."]);
                return Redirect($"{Path}#kommentar-{commentId}");
        }
        ModelState.AddModelError("reason", outcome == FlagOutcome.ReasonRequired
            ? text["Bitte geben Sie einen Grund an."]
            : text["Der Grund darf höchstens {0} Zeichen lang sein.", ContentFlag.MaxReason]);
        return this.PageWithErrors();
    }

    public IEnumerable<CommentView> RepliesTo(Guid? parentId) => Comments.Where(c => c.ParentId == parentId);

    private async Task<bool> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (process is null || !process.DebatesEnabled || (!process.Published && !User.RunsProcesses()))
            return false;
        var debate = await db.Set<Debate>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.ProcessId == process.Id, ct);
        if (debate is null)
            return false;
        (Process, Debate) = (process, debate);
        Open = process.Published && debate.OpenAt(time.GetUtcNow().UtcDateTime, new ProcessSchedule(process.Phases));
        IntroductionHtml = markdown.ToSafeHtml(debate.Introduction);
        var userId = User.ParticipantId();
        Comments = await CommentThread.LoadAsync(db, CommentSubject.Debate(id), userId, ct);
        StanceCounts = new[] { Stance.For, Stance.Against, Stance.Neutral }
            .Select(s => (s, Comments.Count(c => !c.Hidden && !c.Official && c.Stance == s))).ToList();
        if (userId is { } me)
            NetiquetteAccepted = await netiquette.AcceptedAsync(me, ct);
        return true;
    }
}
