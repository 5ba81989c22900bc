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
    PostComment comments, EditComment edits, VoteOnComment votes, FlagContent flags, VerifyResidency residency, ModerateContent moderation,
    IStringLocalizer<SharedResource> text)
    : CommentThreadPage(comments, edits, votes, flags, text)
{
    public sealed record VariantView(int Width, int Height, string ContentType, string Hash);
    public sealed record ImageView(Guid Id, string AltText, bool Hidden, string? HiddenReason, List<VariantView> Variants);

    public ParticipationProcess Process { get; private set; } = null!;
    public List<ImageView> Images { get; private set; } = [];
    public ProcessSchedule Schedule { get; private set; } = null!;
    public Proposal Proposal { get; private set; } = null!;
    public string? Author { get; private set; }
    public string? District { get; private set; }
    public string BodyHtml { get; private set; } = "";
    public string AnswerHtml { get; private set; } = "";
    /// <summary>Only for accepted and implemented proposals: what the town has done with it so far.</summary>
    public ProgressView? Progress { get; private set; }
    public DistrictFinder Map { get; private set; } = null!;
    public DateTime Now { get; private set; }
    public bool Supported { get; private set; }
    /// <summary>The process counts residents only and this person has not confirmed residency yet.</summary>
    public bool ResidencyMissing { get; private set; }

    /// <summary>The signed-in author may still change the proposal.</summary>
    public bool EditableByMe => Proposal.AuthorId is { } author && author == User.ParticipantId() && EditProposal.Editable(Process, Proposal, Now);
    public bool ProposalsOpen => Process.ProposalsEnabled && Schedule.ProposalsOpenAt(Now);
    public bool Supportable => ProposalsOpen && !Proposal.Hidden && Proposal.Status is ProposalStatus.Open or ProposalStatus.Evaluating;
    public override bool CommentsOpen => !Proposal.Hidden && (Schedule.CommentsOpenAt(Now) || User.SpeaksForTheTown());
    public override bool VotesOpen => SignedIn && !Proposal.Hidden;
    public override bool FlagsOpen => VotesOpen;
    public override string StanceLegend => Texts.Key("Ihre Haltung zum Vorschlag");
    public override string Path => $"/beteiligung/{Process.Slug}/vorschlaege/{Proposal.Id}";
    protected override CommentSubject SubjectOf(Guid id) => CommentSubject.Proposal(id);
    protected override bool SubjectFlaggable => true;

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct) =>
        await LoadAsync(slug, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSupportAsync(string slug, Guid id, CancellationToken ct) =>
        await SupportOrWithdrawAsync(slug, id, withdraw: false, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, Guid id, CancellationToken ct) =>
        await SupportOrWithdrawAsync(slug, id, withdraw: true, ct);

    /// <summary>Moderators hide one image with a reason the public reads in its place.</summary>
    public async Task<IActionResult> OnPostHideImageAsync(string slug, Guid id, Guid imageId, string? reason, CancellationToken ct)
    {
        if (User.ParticipantId() is not { } userId)
            return Challenge();
        if (!User.Moderates())
            return Forbid();
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        var problem = await moderation.HideImageAsync(userId, id, imageId, reason, ct);
        if (problem is null or ModerationProblem.AlreadyHidden)
        {
            this.Flash(Text["Das Bild ist ausgeblendet."]);
            return Redirect(Path);
        }
        if (problem == ModerationProblem.NotFound)
            return NotFound();
        ModelState.AddModelError($"reason-{imageId}", ParticipationTexts.Message(problem.Value, Text));
        return this.PageWithErrors();
    }

    private async Task<IActionResult> SupportOrWithdrawAsync(string slug, Guid id, bool withdraw, CancellationToken ct)
    {
        if (User.ParticipantId() is not { } userId)
            return Challenge();
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        var outcome = withdraw ? await supports.WithdrawAsync(id, userId, ct) : await supports.SupportAsync(id, userId, ct);
        string? done = outcome switch
        {
            SupportOutcome.Counted => Text["Danke! Ihre Unterstützung wird gezählt."].Value,
            SupportOutcome.AlreadySupported => Text["Sie unterstützen diesen Vorschlag bereits."].Value,
            SupportOutcome.Withdrawn => Text["Sie unterstützen diesen Vorschlag nicht mehr."].Value,
            SupportOutcome.NotSupported => Text["Sie hatten diesen Vorschlag nicht unterstützt."].Value,
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
            SupportOutcome.EmailNotConfirmed => Text["Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."],
            SupportOutcome.ResidencyRequired => Text["In diesem Verfahren zählen nur Stimmen von Einwohnerinnen und Einwohnern. Bitte bestätigen Sie zuerst Ihren Wohnsitz."],
            _ => Text["Unterstützungen sind nur in der Vorschlagsphase möglich."],
        });
        return this.PageWithErrors();
    }

    protected override async Task<bool> LoadAsync(string slug, Guid id, CancellationToken ct)
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
        Images = await db.Set<ProposalImage>().AsNoTracking().Where(i => i.ProposalId == id).OrderBy(i => i.Position)
            .Select(i => new ImageView(i.Id, i.AltText, i.HiddenAt != null, i.HiddenReason,
                i.Variants.OrderBy(v => v.Width).Select(v => new VariantView(v.Width, v.Height, v.ContentType, v.Hash)).ToList()))
            .ToListAsync(ct);

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
