using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Budgets;

public enum ProjectProblem { NotFound, CostUnreadable, UnknownDistrict, UnknownProposal, VotingStarted }

/// <summary>A refusal and the form field it belongs to (<c>Input.…</c>).</summary>
public sealed record ProjectRefusal(ProjectProblem Problem, string Field);

public sealed record SaveProjectResult(BudgetProject? Project, IReadOnlyList<ProjectRefusal> Refusals);

/// <summary>
/// Creates or changes a project of a process's budget. Its cost is fixed once the voting phase has begun:
/// people chose with the costs they saw, and a later change would make their ballots over budget after the fact.
/// A project may come from an accepted (or implemented) proposal of the same process.
/// </summary>
public sealed class SaveProject(AppDb db, TimeProvider time)
{
    public async Task<SaveProjectResult> RunAsync(string processSlug, Guid? projectId, ProjectInput input, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).SingleOrDefaultAsync(p => p.Slug == processSlug, ct);
        if (process is null)
            return new(null, [new(ProjectProblem.NotFound, "")]);
        BudgetProject? project = null;
        if (projectId is { } id && (project = await db.Set<BudgetProject>().SingleOrDefaultAsync(p => p.Id == id && p.ProcessId == process.Id, ct)) is null)
            return new(null, [new(ProjectProblem.NotFound, "")]);

        var refusals = new List<ProjectRefusal>();
        if (!Money.TryParseEuros(input.Cost, out var cents))
            refusals.Add(new(ProjectProblem.CostUnreadable, "Input.Cost"));
        else if (project is not null && project.CostCents != cents && VotingHasBegun(process, now))
            refusals.Add(new(ProjectProblem.VotingStarted, "Input.Cost"));
        Guid? districtId = null;
        if (!string.IsNullOrWhiteSpace(input.District)
            && (districtId = await db.Set<District>().Where(d => d.Slug == input.District).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct)) is null)
            refusals.Add(new(ProjectProblem.UnknownDistrict, "Input.District"));
        if (input.ProposalId is { } proposalId && !await db.Set<Proposal>().AnyAsync(p => p.Id == proposalId && p.ProcessId == process.Id
                && (p.Status == ProposalStatus.Accepted || p.Status == ProposalStatus.Implemented), ct))
            refusals.Add(new(ProjectProblem.UnknownProposal, "Input.ProposalId"));
        if (refusals.Count > 0)
            return new(null, refusals);

        if (project is null)
        {
            project = new BudgetProject { ProcessId = process.Id, Title = "", CreatedAt = now };
            db.Add(project);
        }
        project.Title = input.Title!.Trim();
        project.Description = input.Description?.Trim() ?? "";
        project.CostCents = cents;
        project.DistrictId = districtId;
        project.ProposalId = input.ProposalId;
        project.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return new(project, []);
    }

    public static ProjectInput From(BudgetProject project, string? districtSlug) => new()
    {
        Title = project.Title,
        Description = project.Description,
        Cost = Money.ForInput(project.CostCents),
        District = districtSlug,
        ProposalId = project.ProposalId,
    };

    private static bool VotingHasBegun(ParticipationProcess process, DateTime now) =>
        new ProcessSchedule(process.Phases).Of(PhaseKind.Voting) is { } voting && voting.StartsAt <= now;
}
