using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Participation.Budgets;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Tests.Support;

/// <summary>
/// A participatory budget as a test wants it; the defaults make a published process whose voting phase runs
/// (from yesterday for ten days, in the town's calendar) with a budget of 100,000 €.
/// </summary>
public sealed record BudgetSpec
{
    public string Slug { get; init; } = Unique.Name("haushalt");
    public string Budget { get; init; } = "100.000";
    /// <summary>Days from today (town time) of the voting phase's first and last day.</summary>
    public (int First, int Last) VotingPhase { get; init; } = (-1, 10);
}

public abstract partial class RathausplatzApp
{
    /// <summary>A process with a participatory budget, made with the use case behind the back office's form.</summary>
    public async Task<ParticipationProcess> CreateBudgetProcessAsync(TestOrganization organization, BudgetSpec? spec = null)
    {
        spec ??= new BudgetSpec();
        await using var scope = InOrganization(organization);
        var input = ProcessInput.New(key => key);
        input.Title = "Bürgerhaushalt 2027";
        input.Slug = spec.Slug;
        input.Published = true;
        input.BudgetEnabled = true;
        input.Budget = spec.Budget;
        var phase = input.Phases.Single(p => p.Kind == PhaseKind.Voting);
        phase.FirstDay = TownToday.AddDays(spec.VotingPhase.First);
        phase.LastDay = TownToday.AddDays(spec.VotingPhase.Last);
        var result = await scope.Get<SaveProcess>().RunAsync(null, input, CancellationToken.None);
        return result.Process ?? throw new InvalidOperationException($"The process was refused: {string.Join(", ", result.Refusals)}");
    }

    /// <summary>A project of the process's budget, made with the use case behind the back office's form.</summary>
    public async Task<BudgetProject> AddProjectAsync(TestOrganization organization, ParticipationProcess process, string title, string cost, string? district = null)
    {
        await using var scope = InOrganization(organization);
        var result = await scope.Get<SaveProject>().RunAsync(process.Slug, null,
            new ProjectInput { Title = title, Description = $"Beschreibung von {title}.", Cost = cost, District = district }, CancellationToken.None);
        return result.Project ?? throw new InvalidOperationException($"The project was refused: {string.Join(", ", result.Refusals)}");
    }

    /// <summary>Every ballot of the process with its chosen project ids, as stored.</summary>
    public async Task<List<(BudgetBallot Ballot, List<Guid> Projects)>> BallotsAsync(TestOrganization organization, ParticipationProcess process)
    {
        await using var scope = InOrganization(organization);
        var ballots = await scope.Db.Set<BudgetBallot>().AsNoTracking().Where(b => b.ProcessId == process.Id).ToListAsync();
        var selections = await scope.Db.Set<BallotSelection>().AsNoTracking().ToListAsync();
        return ballots.Select(b => (b, selections.Where(s => s.BallotId == b.Id).Select(s => s.ProjectId).Order().ToList())).ToList();
    }

    /// <summary>The path of a process's budget page (the ballot).</summary>
    public static string BallotPath(ParticipationProcess process) => $"/beteiligung/{process.Slug}/haushalt";
}
