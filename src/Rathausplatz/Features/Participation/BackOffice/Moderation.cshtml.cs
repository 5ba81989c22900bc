using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Debates;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.BackOffice;

/// <summary>
/// The queue of flagged contributions, oldest flag first: what was written, every reason given, and the two
/// decisions (hide with a reason the public reads, or dismiss). Below, the latest decisions with their authors.
/// </summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class ModerationModel(AppDb db, ModerateContent moderate, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>A flagged proposal or comment; <see cref="SubjectTitle"/> is the proposal's or the debate's.</summary>
    public sealed record FlaggedItem(CommentSubject Subject, Guid? CommentId, string ProcessSlug, string SubjectTitle, string Text, string? Author,
        List<string> Reasons, DateTime FirstFlaggedAt)
    {
        public string Path => $"/beteiligung/{ProcessSlug}/{(Subject.IsDebate ? "debatten" : "vorschlaege")}/{Subject.Id}";
    }

    public sealed record Decision(DateTime At, ModerationDecision Kind, string? Reason, string? Actor, string SubjectTitle, bool Comment, bool Debate);

    public List<FlaggedItem> Items { get; private set; } = [];
    public List<Decision> Decisions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostHideAsync(Guid? proposalId, Guid? debateId, Guid? commentId, string? reason, CancellationToken ct)
    {
        if (SubjectOf(proposalId, debateId) is not { } subject)
            return NotFound();
        var problem = await moderate.HideAsync(User.ParticipantId()!.Value, subject, commentId, reason, ct);
        if (problem is null)
            return Done(text["Der Beitrag ist ausgeblendet."]);
        if (problem == ModerationProblem.NotFound)
            return NotFound();
        await LoadAsync(ct);
        ModelState.AddModelError("reason", ParticipationTexts.Message(problem.Value, text));
        return this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostDismissAsync(Guid? proposalId, Guid? debateId, Guid? commentId, CancellationToken ct)
    {
        if (SubjectOf(proposalId, debateId) is not { } subject)
            return NotFound();
        var problem = await moderate.DismissAsync(User.ParticipantId()!.Value, subject, commentId, ct);
        return problem is null ? Done(text["Die Meldungen sind erledigt; der Beitrag bleibt sichtbar."]) : NotFound();
    }

    private static CommentSubject? SubjectOf(Guid? proposalId, Guid? debateId) => (proposalId, debateId) switch
    {
        ({ } proposal, null) => CommentSubject.Proposal(proposal),
        (null, { } debate) => CommentSubject.Debate(debate),
        _ => null,
    };

    private RedirectResult Done(string message)
    {
        this.Flash(message);
        return Redirect("/beteiligung/verwaltung/moderation");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var flags = await db.Set<ContentFlag>().AsNoTracking().Where(f => f.ResolvedAt == null).OrderBy(f => f.CreatedAt).Take(500)
            .ToListAsync(ct);
        var proposalIds = flags.Where(f => f.ProposalId != null).Select(f => f.ProposalId!.Value).Distinct().ToList();
        var debateIds = flags.Where(f => f.DebateId != null).Select(f => f.DebateId!.Value).Distinct().ToList();
        var commentIds = flags.Where(f => f.CommentId != null).Select(f => f.CommentId!.Value).Distinct().ToList();
        var proposals = await db.Set<Proposal>().AsNoTracking().Where(p => proposalIds.Contains(p.Id))
            .Join(db.Set<ParticipationProcess>(), p => p.ProcessId, pr => pr.Id, (p, pr) => new
            {
                p.Id, p.Title, p.Body, pr.Slug, Author = db.Users.Where(u => u.Id == p.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToDictionaryAsync(p => p.Id, ct);
        var debates = await db.Set<Debate>().AsNoTracking().Where(d => debateIds.Contains(d.Id))
            .Join(db.Set<ParticipationProcess>(), d => d.ProcessId, pr => pr.Id, (d, pr) => new { d.Id, d.Title, pr.Slug })
            .ToDictionaryAsync(d => d.Id, ct);
        var comments = await db.Set<ProposalComment>().AsNoTracking().Where(c => commentIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Body, Author = db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToDictionaryAsync(c => c.Id, ct);
        Items = [];
        foreach (var group in flags.GroupBy(f => f.TargetId))
        {
            var first = group.First();
            var comment = first.CommentId is { } c ? comments.GetValueOrDefault(c) : null;
            var reasons = group.Select(f => f.Reason).ToList();
            if (first.ProposalId is { } proposalId && proposals.GetValueOrDefault(proposalId) is { } proposal)
                Items.Add(new FlaggedItem(CommentSubject.Proposal(proposalId), first.CommentId, proposal.Slug, proposal.Title,
                    comment?.Body ?? proposal.Body, comment is null ? proposal.Author : comment.Author, reasons, first.CreatedAt));
            else if (first.DebateId is { } debateId && debates.GetValueOrDefault(debateId) is { } debate && comment is not null)
                Items.Add(new FlaggedItem(CommentSubject.Debate(debateId), first.CommentId, debate.Slug, debate.Title, comment.Body, comment.Author,
                    reasons, first.CreatedAt));
        }
        Decisions = await db.Set<ModerationAction>().AsNoTracking().OrderByDescending(a => a.At).Take(20)
            .Select(a => new Decision(a.At, a.Decision, a.Reason, db.Users.Where(u => u.Id == a.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Set<Proposal>().Where(p => p.Id == a.ProposalId).Select(p => p.Title).FirstOrDefault()
                    ?? db.Set<Debate>().Where(d => d.Id == a.DebateId).Select(d => d.Title).FirstOrDefault() ?? "",
                a.CommentId != null, a.DebateId != null))
            .ToListAsync(ct);
    }
}
