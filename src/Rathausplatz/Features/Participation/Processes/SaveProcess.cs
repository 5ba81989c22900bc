using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Participation.Processes;

public enum ProcessProblem { NotFound, SlugTaken, SlugReserved, PhaseIncomplete, PhaseEndsBeforeStart, ProposalPhaseMissing, UnknownDistrict, UnknownTopic, VotingPhaseMissing, BudgetUnreadable, ResidentsNeedAccounts }

/// <summary>A refusal and the form field it belongs to (<c>Input.…</c>), so the page can show it there.</summary>
public sealed record ProcessRefusal(ProcessProblem Problem, string Field);

public sealed record SaveProcessResult(ParticipationProcess? Process, IReadOnlyList<ProcessRefusal> Refusals);

/// <summary>
/// Creates a process or changes one: its texts, scope, phases and components, in one save. Phases are
/// whole days; a row without dates is dropped, so a process may do without, say, an information phase.
/// </summary>
public sealed class SaveProcess(AppDb db, TimeProvider time)
{
    /// <summary>Addresses under /beteiligung that pages of their own use.</summary>
    public static readonly string[] ReservedSlugs = ["verwaltung", "meine"];

    public async Task<SaveProcessResult> RunAsync(string? existingSlug, ProcessInput input, CancellationToken ct)
    {
        ParticipationProcess? process = null;
        if (existingSlug is not null)
        {
            process = await db.Set<ParticipationProcess>().Include(p => p.Phases).Include(p => p.Districts).Include(p => p.Topics)
                .SingleOrDefaultAsync(p => p.Slug == existingSlug, ct);
            if (process is null)
                return new(null, [new(ProcessProblem.NotFound, "")]);
        }
        var refusals = new List<ProcessRefusal>();
        var slug = input.Slug!.Trim();
        if (ReservedSlugs.Contains(slug))
            refusals.Add(new(ProcessProblem.SlugReserved, "Input.Slug"));
        else if (slug != process?.Slug && await db.Set<ParticipationProcess>().AnyAsync(p => p.Slug == slug, ct))
            refusals.Add(new(ProcessProblem.SlugTaken, "Input.Slug"));
        for (var i = 0; i < input.Phases.Count; i++)
        {
            var phase = input.Phases[i];
            if (phase.FirstDay.HasValue != phase.LastDay.HasValue)
                refusals.Add(new(ProcessProblem.PhaseIncomplete, $"Input.Phases[{i}].FirstDay"));
            else if (phase.LastDay < phase.FirstDay)
                refusals.Add(new(ProcessProblem.PhaseEndsBeforeStart, $"Input.Phases[{i}].LastDay"));
        }
        if (input.ProposalsEnabled && input.Phases.All(p => p.Kind != PhaseKind.Proposals || p.FirstDay is null))
            refusals.Add(new(ProcessProblem.ProposalPhaseMissing, "Input.ProposalsEnabled"));
        long? budgetCents = null;
        if (input.BudgetEnabled && input.Phases.All(p => p.Kind != PhaseKind.Voting || p.FirstDay is null))
            refusals.Add(new(ProcessProblem.VotingPhaseMissing, "Input.BudgetEnabled"));
        if (!string.IsNullOrWhiteSpace(input.Budget) || input.BudgetEnabled)
        {
            if (Budgets.Money.TryParseEuros(input.Budget, out var cents) && cents > 0)
                budgetCents = cents;
            else
                refusals.Add(new(ProcessProblem.BudgetUnreadable, "Input.Budget"));
        }
        if (input.OpenWithoutAccount && input.ResidentsOnly)
            refusals.Add(new(ProcessProblem.ResidentsNeedAccounts, "Input.OpenWithoutAccount"));
        var districtIds = input.DistrictIds.Distinct().ToList();
        var topicIds = input.TopicIds.Distinct().ToList();
        // The query filter hides other towns' districts and topics: their ids count as unknown.
        if (await db.Set<District>().CountAsync(d => districtIds.Contains(d.Id), ct) != districtIds.Count)
            refusals.Add(new(ProcessProblem.UnknownDistrict, "Input.DistrictIds"));
        if (await db.Set<Topic>().CountAsync(t => topicIds.Contains(t.Id), ct) != topicIds.Count)
            refusals.Add(new(ProcessProblem.UnknownTopic, "Input.TopicIds"));
        if (refusals.Count > 0)
            return new(null, refusals);

        var now = time.GetUtcNow().UtcDateTime;
        if (process is null)
        {
            process = new ParticipationProcess { Slug = slug, Title = "", CreatedAt = now };
            db.Add(process);
        }
        process.Slug = slug;
        process.Title = input.Title!.Trim();
        process.Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        process.Goals = input.Goals?.Trim() ?? "";
        process.Published = input.Published;
        process.ProposalsEnabled = input.ProposalsEnabled;
        process.SupportThreshold = input.SupportThreshold;
        process.SurveysEnabled = input.SurveysEnabled;
        process.DebatesEnabled = input.DebatesEnabled;
        process.BudgetEnabled = input.BudgetEnabled;
        process.BudgetCents = budgetCents;
        process.ResidentsOnly = input.ResidentsOnly;
        process.OpenWithoutAccount = input.OpenWithoutAccount;
        process.UpdatedAt = now;

        // Phases keep their rows (and ids) where the kind stays; the unique (process, kind) key holds throughout.
        foreach (var phaseInput in input.Phases)
        {
            var stored = process.Phases.FirstOrDefault(p => p.Kind == phaseInput.Kind);
            if (phaseInput.FirstDay is not { } first || phaseInput.LastDay is not { } last)
            {
                if (stored is not null)
                    process.Phases.Remove(stored);
                continue;
            }
            if (stored is null)
                process.Phases.Add(stored = new ProcessPhase { ProcessId = process.Id, Kind = phaseInput.Kind, Name = "" });
            stored.Name = string.IsNullOrWhiteSpace(phaseInput.Name) ? ParticipationTexts.PhaseName(phaseInput.Kind) : phaseInput.Name.Trim();
            stored.StartsAt = ProcessPhase.StartOf(first);
            stored.EndsAt = ProcessPhase.StartOf(last.AddDays(1));
        }
        process.Districts.RemoveAll(d => !districtIds.Contains(d.DistrictId));
        process.Districts.AddRange(districtIds.Where(id => process.Districts.All(d => d.DistrictId != id))
            .Select(id => new ProcessDistrict { ProcessId = process.Id, DistrictId = id }));
        process.Topics.RemoveAll(t => !topicIds.Contains(t.TopicId));
        process.Topics.AddRange(topicIds.Where(id => process.Topics.All(t => t.TopicId != id))
            .Select(id => new ProcessTopic { ProcessId = process.Id, TopicId = id }));
        await db.SaveChangesAsync(ct);
        return new(process, []);
    }
}
