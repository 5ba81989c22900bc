using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.BackOffice;

/// <summary>The editors' overview: every process (drafts too), the proposals waiting for a decision, open flags.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class IndexModel(AppDb db, TimeProvider time) : PageModel
{
    public sealed record ProcessRow(string Slug, string Title, bool Published, ProcessState State, int Proposals);

    public sealed record WaitingProposal(Guid Id, string Title, string ProcessSlug, string ProcessTitle, int SupportCount);

    public List<ProcessRow> Processes { get; private set; } = [];
    public List<WaitingProposal> Waiting { get; private set; } = [];
    public int OpenFlags { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var processes = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        var counts = await db.Set<Proposal>().GroupBy(p => p.ProcessId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Processes = processes.Select(p => new ProcessRow(p.Slug, p.Title, p.Published, new ProcessSchedule(p.Phases).StateAt(now), counts.GetValueOrDefault(p.Id)))
            .ToList();
        Waiting = await db.Set<Proposal>().AsNoTracking().Where(p => p.Status == ProposalStatus.Evaluating && p.HiddenAt == null)
            .Join(db.Set<ParticipationProcess>(), p => p.ProcessId, pr => pr.Id, (p, pr) => new { p.Id, p.Title, p.SupportCount, ProcessSlug = pr.Slug, ProcessTitle = pr.Title })
            .OrderByDescending(p => p.SupportCount).Take(100)
            .Select(p => new WaitingProposal(p.Id, p.Title, p.ProcessSlug, p.ProcessTitle, p.SupportCount))
            .ToListAsync(ct);
        OpenFlags = await db.Set<ContentFlag>().CountAsync(f => f.ResolvedAt == null, ct);
    }
}
