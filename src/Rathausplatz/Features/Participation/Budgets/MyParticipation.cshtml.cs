using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>
/// "Meine Beteiligung": what came of a person's input. Their budget ballots (the projects they chose, after the vote
/// whether each is funded, and how far each has got) and their proposals with the town's decision.
/// </summary>
[Authorize]
public sealed class MyParticipationModel(AppDb db, TimeProvider time, BudgetTally tally) : PageModel
{
    public sealed record ChosenProject(Guid Id, string Title, long CostCents, bool? Funded, ProjectProgress Progress, int PercentDone);

    public sealed record BallotView(string ProcessSlug, string ProcessTitle, DateTime UpdatedAt, bool Closed, List<ChosenProject> Projects);

    public sealed record ProposalView(Guid Id, string Title, string ProcessSlug, ProposalStatus Status, int SupportCount);

    public List<BallotView> Ballots { get; private set; } = [];
    public List<ProposalView> Proposals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.ParticipantId()!.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var ballots = await db.Set<BudgetBallot>().AsNoTracking().Where(b => b.UserId == me).OrderByDescending(b => b.UpdatedAt).ToListAsync(ct);
        foreach (var ballot in ballots)
        {
            var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).SingleAsync(p => p.Id == ballot.ProcessId, ct);
            var closed = new ProcessSchedule(process.Phases).VotingClosedAt(now);
            // The funding is known only once the vote has closed; before, nobody (not even the voter) sees counts.
            var funded = closed ? (await tally.CountAsync(process.Id, process.BudgetCents ?? 0, ct)).Projects.ToDictionary(p => p.Id, p => p.Funded) : null;
            var chosen = await db.Set<BudgetProject>().AsNoTracking()
                .Where(p => db.Set<BallotSelection>().Any(s => s.BallotId == ballot.Id && s.ProjectId == p.Id)).OrderBy(p => p.Title)
                .ToListAsync(ct);
            Ballots.Add(new(process.Slug, process.Title, ballot.UpdatedAt, closed, chosen
                .Select(p => new ChosenProject(p.Id, p.Title, p.CostCents, funded?.GetValueOrDefault(p.Id), p.Progress, p.PercentDone)).ToList()));
        }
        Proposals = await db.Set<Proposal>().AsNoTracking().Where(p => p.AuthorId == me).OrderByDescending(p => p.CreatedAt)
            .Join(db.Set<ParticipationProcess>(), p => p.ProcessId, pr => pr.Id, (p, pr) => new ProposalView(p.Id, p.Title, pr.Slug, p.Status, p.SupportCount))
            .ToListAsync(ct);
    }
}
