using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>
/// A process's participatory budget: its projects with their costs and, while the voting phase runs, the
/// ballot. Ticking projects shows the running total where script runs (js/budget-ballot.js); the server checks
/// the sum either way and answers an over-budget ballot with both sums, keeping the choice. Visitors get the
/// cached page without the form and a link to sign in.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ParticipationSetup.SubmitRateLimit)]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class BallotModel(AppDb db, TimeProvider time, CastBallot cast, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record ProjectRow(Guid Id, string Title, long CostCents, string? District);

    public ParticipationProcess Process { get; private set; } = null!;
    public ProcessSchedule Schedule { get; private set; } = null!;
    public DateTime Now { get; private set; }
    public List<ProjectRow> Projects { get; private set; } = [];
    public List<(string Slug, string Name)> Districts { get; private set; } = [];

    /// <summary>What the form shows ticked: the stored ballot, or what was just posted.</summary>
    public HashSet<Guid> Chosen { get; private set; } = [];
    public string? ChosenDistrict { get; private set; }
    public bool HasVoted { get; private set; }
    public bool EmailConfirmed { get; private set; }

    public bool SignedIn => User.ParticipantId() is not null;
    public long BudgetCents => Process.BudgetCents ?? 0;
    public bool VotingOpen => Schedule.VotingOpenAt(Now);
    public bool VotingClosed => Schedule.VotingClosedAt(Now);
    public ProcessPhase? Voting => Schedule.Of(PhaseKind.Voting);
    /// <summary>What the stored ballot costs (a refused post shows other ticks, but this is what counts).</summary>
    public long SavedCents { get; private set; }
    public string Path => $"/beteiligung/{Process.Slug}/haushalt";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, [FromForm(Name = "projekte")] List<Guid> projects,
        [FromForm(Name = "stadtteil")] string? district, CancellationToken ct)
    {
        if (User.ParticipantId() is not { } userId)
            return Challenge();
        if (!await LoadAsync(slug, ct))
            return NotFound();
        var result = await cast.RunAsync(new CastBallotInput { ProcessSlug = slug, UserId = userId, ProjectIds = projects, District = district }, ct);
        if (result.Counted)
        {
            this.Flash(BudgetTexts.Message(result, text));
            return Redirect(Path);
        }
        if (result.Outcome == BallotOutcome.ProcessNotFound)
            return NotFound();
        // The choice as posted stays ticked, so the voter only has to take something away.
        (Chosen, ChosenDistrict) = (projects.ToHashSet(), district);
        ModelState.AddModelError(result.Outcome is BallotOutcome.DistrictMissing or BallotOutcome.UnknownDistrict ? "stadtteil" : "projekte",
            BudgetTexts.Message(result, text));
        return this.PageWithErrors();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (process is null || !process.BudgetEnabled || (!process.Published && !User.RunsProcesses()))
            return false;
        (Process, Schedule, Now) = (process, new ProcessSchedule(process.Phases), time.GetUtcNow().UtcDateTime);
        Projects = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.ProcessId == process.Id).OrderBy(p => p.Title)
            .Select(p => new ProjectRow(p.Id, p.Title, p.CostCents, db.Set<District>().Where(d => d.Id == p.DistrictId).Select(d => d.Name).FirstOrDefault()))
            .ToListAsync(ct);
        Districts = (await db.Set<District>().AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Slug, d.Name }).ToListAsync(ct))
            .Select(d => (d.Slug, d.Name)).ToList();
        if (User.ParticipantId() is { } me)
        {
            EmailConfirmed = await db.Users.AnyAsync(u => u.Id == me && u.EmailConfirmed, ct);
            var ballot = await db.Set<BudgetBallot>().AsNoTracking().Where(b => b.ProcessId == process.Id && b.UserId == me)
                .Select(b => new { b.Id, District = db.Set<District>().Where(d => d.Id == b.DistrictId).Select(d => d.Slug).FirstOrDefault() })
                .SingleOrDefaultAsync(ct);
            if (ballot is not null)
            {
                HasVoted = true;
                ChosenDistrict = ballot.District;
                Chosen = (await db.Set<BallotSelection>().Where(s => s.BallotId == ballot.Id).Select(s => s.ProjectId).ToListAsync(ct)).ToHashSet();
                SavedCents = Projects.Where(p => Chosen.Contains(p.Id)).Sum(p => p.CostCents);
            }
        }
        return true;
    }
}
