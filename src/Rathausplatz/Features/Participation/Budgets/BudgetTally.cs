using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>
/// The count of a participatory budget: projects ranked by votes, which of them the budget funds, and turnout
/// overall and per district. Counted from the selection rows each time, so the figures always equal the ballots.
/// </summary>
public sealed class BudgetTally(AppDb db)
{
    public sealed record ProjectResult(Guid Id, string Title, long CostCents, string? District, int Votes, int Rank, bool Funded);

    public sealed record DistrictTurnout(string District, int Ballots);

    public sealed record Result(long BudgetCents, IReadOnlyList<ProjectResult> Projects, int Ballots, IReadOnlyList<DistrictTurnout> Turnout)
    {
        public long FundedCents => Projects.Where(p => p.Funded).Sum(p => p.CostCents);
        public int MostVotes => Projects.Count == 0 ? 0 : Projects.Max(p => p.Votes);
    }

    public async Task<Result> CountAsync(Guid processId, long budgetCents, CancellationToken ct)
    {
        var projects = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.ProcessId == processId)
            .Select(p => new
            {
                p.Id, p.Title, p.CostCents,
                District = db.Set<District>().Where(d => d.Id == p.DistrictId).Select(d => d.Name).FirstOrDefault(),
                Votes = db.Set<BallotSelection>().Count(s => s.ProjectId == p.Id),
            })
            .ToListAsync(ct);
        var ranked = Fund(budgetCents, projects.Select(p => (p.Id, p.Title, p.CostCents, p.District, p.Votes)).ToList());
        var ballots = db.Set<BudgetBallot>().Where(b => b.ProcessId == processId);
        var total = await ballots.CountAsync(ct);
        var perDistrict = await ballots.GroupBy(b => b.DistrictId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var names = await db.Set<District>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var turnout = perDistrict
            .Select(g => new DistrictTurnout(g.Key is { } id && names.TryGetValue(id, out var name) ? name : "", g.Count))
            .OrderByDescending(t => t.Ballots).ThenBy(t => t.District, StringComparer.CurrentCulture).ToList();
        return new(budgetCents, ranked, total, turnout);
    }

    /// <summary>
    /// The rule: rank by votes (ties: the cheaper project first, then by title), then go down the ranking and fund
    /// each project that still fits into what is left of the budget; a project that no longer fits is skipped and
    /// the next ones are still tried (greedy by rank). Pure, so the rule is tested on its own.
    /// </summary>
    public static List<ProjectResult> Fund(long budgetCents, IReadOnlyList<(Guid Id, string Title, long CostCents, string? District, int Votes)> projects)
    {
        var left = budgetCents;
        var rank = 0;
        return projects
            .OrderByDescending(p => p.Votes).ThenBy(p => p.CostCents).ThenBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id)
            .Select(p =>
            {
                var funded = p.Votes > 0 && p.CostCents <= left;
                if (funded)
                    left -= p.CostCents;
                return new ProjectResult(p.Id, p.Title, p.CostCents, p.District, p.Votes, ++rank, funded);
            })
            .ToList();
    }
}
