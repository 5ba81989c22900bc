using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>
/// The outcome of a budget vote, public once the voting phase has ended (editors see it at any time, to follow
/// the turnout): projects ranked by votes, the funded ones marked, and turnout overall and per district, as
/// tables with bars drawn beside the figures (the tables are the text; the bars are decoration).
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class ResultsModel(AppDb db, TimeProvider time, BudgetTally tally) : PageModel
{
    public ParticipationProcess Process { get; private set; } = null!;
    public BudgetTally.Result? Result { get; private set; }
    public bool Final { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (process is null || !process.BudgetEnabled || (!process.Published && !User.RunsProcesses()))
            return NotFound();
        Process = process;
        Final = new ProcessSchedule(process.Phases).VotingClosedAt(time.GetUtcNow().UtcDateTime);
        if (Final || User.RunsProcesses())
            Result = await tally.CountAsync(process.Id, process.BudgetCents ?? 0, ct);
        return Page();
    }

    /// <summary>A share as a whole percentage for a bar's width (0 when there is nothing to compare with).</summary>
    public static int Percent(long part, long whole) => whole <= 0 ? 0 : (int)Math.Round(100.0 * part / whole);
}
