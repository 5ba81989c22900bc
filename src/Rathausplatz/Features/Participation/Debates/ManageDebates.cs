using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Accountability;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Debates;

/// <summary>
/// Editors open, change and remove the debates of a process. Everything is looked up within the process (and
/// the tenant): an id of another process or town is "not found".
/// </summary>
public sealed class ManageDebates(AppDb db, TimeProvider time, NotifyParticipants notify)
{
    public Task<ParticipationProcess?> FindProcessAsync(string slug, CancellationToken ct) =>
        db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).SingleOrDefaultAsync(p => p.Slug == slug, ct);

    public Task<Debate?> FindAsync(Guid processId, Guid debateId, CancellationToken ct) =>
        db.Set<Debate>().SingleOrDefaultAsync(d => d.Id == debateId && d.ProcessId == processId, ct);

    /// <summary>Saves a new debate (no <paramref name="debate"/>) or changes one.</summary>
    public async Task<Debate> SaveAsync(Guid processId, Debate? debate, DebateInput input, Guid editorId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (debate is null)
            db.Add(debate = new Debate { ProcessId = processId, Title = "", CreatedById = editorId, CreatedAt = now });
        else
            // Those who took part in the debate hear that its question or introduction changed.
            notify.Queue(new NotifyParticipants.Payload(Guid.CreateVersion7(), NoticeReason.DebateUpdated, null, null, now, debate.Id));
        debate.Title = input.Title!.Trim();
        debate.Introduction = input.Introduction?.Trim() ?? "";
        debate.ClosesAt = input.LastDay is { } last ? ProcessPhase.StartOf(last.AddDays(1)) : null;
        debate.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return debate;
    }

    /// <summary>Removes the debate with its comments, votes and flags (cascading keys).</summary>
    public async Task RemoveAsync(Debate debate, CancellationToken ct)
    {
        db.Remove(debate);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The debates of a process as lists show them: question, last day, how many visible comments.</summary>
public static class DebateList
{
    public sealed record Item(Guid Id, string Title, DateTime? ClosesAt, int Comments)
    {
        public DateOnly? LastDay => ClosesAt is { } end ? DateOnly.FromDateTime(TownTime.ToLocal(end)!.Value).AddDays(-1) : null;
    }

    /// <summary>Newest first.</summary>
    public static Task<List<Item>> LoadAsync(AppDb db, Guid processId, CancellationToken ct) =>
        db.Set<Debate>().AsNoTracking().Where(d => d.ProcessId == processId).OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Select(d => new Item(d.Id, d.Title, d.ClosesAt, db.Set<ProposalComment>().Count(c => c.DebateId == d.Id && c.HiddenAt == null)))
            .ToListAsync(ct);
}
