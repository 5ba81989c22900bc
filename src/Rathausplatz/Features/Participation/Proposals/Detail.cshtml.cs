using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Accountability;
using Rathausplatz.Features.Audiences.Districts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Verification;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Participation.Proposals;

/// <summary>
/// One proposal: text, place, status with the town's reasons and official answer, supports, and the comment
/// thread with stances and votes. Visitors get the cached page without forms (a token belongs to one
/// person's cookie) and a link to sign in; every post needs a sign-in and the token. Hidden contributions
/// show the moderation's reason instead of their text.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ParticipationSetup.SubmitRateLimit)]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class DetailModel(AppDb db, TimeProvider time, MarkdownRenderer markdown, ProgressHistory history, Netiquette netiquette, SupportProposal supports,
    PostComment comments, VoteOnComment votes, FlagContent flags, VerifyResidency residency, IStringLocalizer<SharedResource> text) : PageModel, ICommentThread
{
    public ParticipationProcess Process { get; private set; } = null!;
    public ProcessSchedule Schedule { get; private set; } = null!;
    public Proposal Proposal { get; private set; } = null!;
    public string? Author { get; private set; }
    public string? District { get; private set; }
    public string BodyHtml { get; private set; } = "";
    public string AnswerHtml { get; private set; } = "";
    /// <summary>Only for accepted and implemented proposals: what the town has done with it so far.</summary>
    public ProgressView? Progress { get; private set; }
    public List<CommentView> Comments { get; private set; } = [];
    public DistrictFinder Map { get; private set; } = null!;
    public DateTime Now { get; private set; }
    public bool Supported { get; private set; }
    public bool NetiquetteAccepted { get; private set; }
    /// <summary>The process counts residents only and this person has not confirmed residency yet.</summary>
    public bool ResidencyMissing { get; private set; }

    public bool SignedIn => User.ParticipantId() is not null;
    public bool ProposalsOpen => Process.ProposalsEnabled && Schedule.ProposalsOpenAt(Now);
    public bool Supportable => ProposalsOpen && !Proposal.Hidden && Proposal.Status is ProposalStatus.Open or ProposalStatus.Evaluating;
    public bool CommentsOpen => !Proposal.Hidden && (Schedule.CommentsOpenAt(Now) || User.SpeaksForTheTown());
    public bool VotesOpen => SignedIn && !Proposal.Hidden;
    public bool FlagsOpen => VotesOpen;
    public string StanceLegend => Texts.Key("Ihre Haltung zum Vorschlag");

    // What the comment form sent, so a refused comment is shown again as typed.
    public string? CommentBody { get; private set; }
    public Guid? CommentParent { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct) =>
        await LoadAsync(slug, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSupportAsync(string slug, Guid id, CancellationToken ct) =>
        await SupportOrWithdrawAsync(slug, id, withdraw: false, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, Guid id, CancellationToken ct) =>
        await SupportOrWithdrawAsync(slug, id, withdraw: true, ct);

    public async Task<IActionResult> OnPostCommentAsync(string slug, Guid id, string? body, string? stance, Guid? parentId, bool official,
        bool acceptsNetiquette, CancellationToken ct)
    {
        if (User.ParticipantId() is not { } userId)
            return Challenge();
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        var result = await comments.RunAsync(new PostCommentInput
        {
            Subject = CommentSubject.Proposal(id),
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
        await LoadAsync(slug, id, ct);
        (CommentBody, CommentParent) = (body, parentId);
        ModelState.AddModelError(result.Problem == CommentProblem.NetiquetteRequired ? "acceptsNetiquette" : "body",
            ParticipationTexts.Message(result.Problem!.Value, text));
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
        if (outcome is VoteOutcome.NotFound or VoteOutcome.Closed)
            return NotFound();
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
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        var outcome = await flags.RunAsync(CommentSubject.Proposal(id), commentId, userId, reason, ct);
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

    public string Path => $"/beteiligung/{Process.Slug}/vorschlaege/{Proposal.Id}";

    /// <summary>The comments answering <paramref name="parentId"/> (null: those on the proposal), oldest first.</summary>
    public IEnumerable<CommentView> RepliesTo(Guid? parentId) => Comments.Where(c => c.ParentId == parentId);

    private async Task<IActionResult> SupportOrWithdrawAsync(string slug, Guid id, bool withdraw, CancellationToken ct)
    {
        if (User.ParticipantId() is not { } userId)
            return Challenge();
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        var outcome = withdraw ? await supports.WithdrawAsync(id, userId, ct) : await supports.SupportAsync(id, userId, ct);
        string? done = outcome switch
        {
            SupportOutcome.Counted => text["Danke! Ihre Unterstützung wird gezählt."].Value,
            SupportOutcome.AlreadySupported => text["Sie unterstützen diesen Vorschlag bereits."].Value,
            SupportOutcome.Withdrawn => text["Sie unterstützen diesen Vorschlag nicht mehr."].Value,
            SupportOutcome.NotSupported => text["Sie hatten diesen Vorschlag nicht unterstützt."].Value,
            _ => null,
        };
        if (done is not null)
        {
            this.Flash(done);
            return Redirect(Path);
        }
        if (outcome == SupportOutcome.NotFound)
            return NotFound();
        ModelState.AddModelError("", outcome switch
        {
            SupportOutcome.EmailNotConfirmed => text["Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."],
            SupportOutcome.ResidencyRequired => text["In diesem Verfahren zählen nur Stimmen von Einwohnerinnen und Einwohnern. Bitte bestätigen Sie zuerst Ihren Wohnsitz."],
            _ => text["Unterstützungen sind nur in der Vorschlagsphase möglich."],
        });
        return this.PageWithErrors();
    }

    private async Task<bool> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases)
            .SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (process is null || (!process.Published && !User.RunsProcesses()))
            return false;
        var proposal = await db.Set<Proposal>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.ProcessId == process.Id, ct);
        if (proposal is null)
            return false;
        (Process, Proposal, Schedule, Now) = (process, proposal, new ProcessSchedule(process.Phases), time.GetUtcNow().UtcDateTime);
        Author = await db.Users.Where(u => u.Id == proposal.AuthorId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        District = await db.Set<District>().Where(d => d.Id == proposal.DistrictId).Select(d => d.Name).SingleOrDefaultAsync(ct);
        // A hidden proposal's text never reaches the page, not even escaped.
        BodyHtml = proposal.Hidden ? "" : markdown.ToSafeHtml(proposal.Body);
        AnswerHtml = markdown.ToSafeHtml(proposal.OfficialAnswer);
        if (proposal.Status is ProposalStatus.Accepted or ProposalStatus.Implemented)
            Progress = await history.LoadAsync(proposal, ProgressSubject.Proposal(id), ct);
        Map = await DistrictFinder.LoadAsync(db, ct);

        var userId = User.ParticipantId();
        Comments = await CommentThread.LoadAsync(db, CommentSubject.Proposal(id), userId, ct);
        if (userId is { } me)
        {
            Supported = await db.Set<ProposalSupport>().AnyAsync(s => s.ProposalId == id && s.UserId == me, ct);
            NetiquetteAccepted = await netiquette.AcceptedAsync(me, ct);
            ResidencyMissing = process.ResidentsOnly && !await residency.IsResidentAsync(me, ct);
        }
        return true;
    }
}
