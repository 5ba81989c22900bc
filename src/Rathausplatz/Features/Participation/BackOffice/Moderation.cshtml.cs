using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Comments;
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
    public sealed record FlaggedItem(Guid ProposalId, Guid? CommentId, string ProcessSlug, string ProposalTitle, string Text, string? Author,
        List<string> Reasons, DateTime FirstFlaggedAt);

    public sealed record Decision(DateTime At, ModerationDecision Kind, string? Reason, string? Actor, string ProposalTitle, bool Comment);

    public List<FlaggedItem> Items { get; private set; } = [];
    public List<Decision> Decisions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostHideAsync(Guid proposalId, Guid? commentId, string? reason, CancellationToken ct)
    {
        var problem = await moderate.HideAsync(User.ParticipantId()!.Value, proposalId, commentId, reason, ct);
        if (problem is null)
            return Done(text["Der Beitrag ist ausgeblendet."]);
        if (problem == ModerationProblem.NotFound)
            return NotFound();
        await LoadAsync(ct);
        ModelState.AddModelError("reason", ParticipationTexts.Message(problem.Value, text));
        return this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostDismissAsync(Guid proposalId, Guid? commentId, CancellationToken ct)
    {
        var problem = await moderate.DismissAsync(User.ParticipantId()!.Value, proposalId, commentId, ct);
        return problem is null ? Done(text["Die Meldungen sind erledigt; der Beitrag bleibt sichtbar."]) : NotFound();
    }

    private RedirectResult Done(string message)
    {
        this.Flash(message);
        return Redirect("/beteiligung/verwaltung/moderation");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var flags = await db.Set<ContentFlag>().AsNoTracking().Where(f => f.ResolvedAt == null).OrderBy(f => f.CreatedAt).Take(500)
            .ToListAsync(ct);
        var proposalIds = flags.Select(f => f.ProposalId).Distinct().ToList();
        var commentIds = flags.Where(f => f.CommentId != null).Select(f => f.CommentId!.Value).Distinct().ToList();
        var proposals = await db.Set<Proposal>().AsNoTracking().Where(p => proposalIds.Contains(p.Id))
            .Join(db.Set<ParticipationProcess>(), p => p.ProcessId, pr => pr.Id, (p, pr) => new
            {
                p.Id, p.Title, p.Body, pr.Slug, Author = db.Users.Where(u => u.Id == p.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToDictionaryAsync(p => p.Id, ct);
        var comments = await db.Set<ProposalComment>().AsNoTracking().Where(c => commentIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Body, Author = db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToDictionaryAsync(c => c.Id, ct);
        Items = flags.GroupBy(f => f.TargetId)
            .Where(g => proposals.ContainsKey(g.First().ProposalId))
            .Select(g =>
            {
                var first = g.First();
                var proposal = proposals[first.ProposalId];
                var comment = first.CommentId is { } c ? comments.GetValueOrDefault(c) : null;
                return new FlaggedItem(first.ProposalId, first.CommentId, proposal.Slug, proposal.Title,
                    comment?.Body ?? proposal.Body, comment is null ? proposal.Author : comment.Author, g.Select(f => f.Reason).ToList(), first.CreatedAt);
            })
            .ToList();
        Decisions = await db.Set<ModerationAction>().AsNoTracking().OrderByDescending(a => a.At).Take(20)
            .Select(a => new Decision(a.At, a.Decision, a.Reason, db.Users.Where(u => u.Id == a.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Set<Proposal>().Where(p => p.Id == a.ProposalId).Select(p => p.Title).FirstOrDefault() ?? "", a.CommentId != null))
            .ToListAsync(ct);
    }
}
