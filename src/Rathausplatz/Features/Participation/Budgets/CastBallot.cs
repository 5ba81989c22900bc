using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Verification;

namespace Rathausplatz.Features.Participation.Budgets;

public sealed record CastBallotInput
{
    public required string ProcessSlug { get; init; }
    public required Guid UserId { get; init; }
    public IReadOnlyList<Guid> ProjectIds { get; init; } = [];
    /// <summary>The voter's district (slug, as the form's list offers it).</summary>
    public string? District { get; init; }
}

public enum BallotOutcome { Cast, Changed, ProcessNotFound, VotingClosed, EmailNotConfirmed, ResidencyRequired, NothingSelected, UnknownProject, OverBudget, DistrictMissing, UnknownDistrict }

/// <summary>What happened, and for <see cref="BallotOutcome.OverBudget"/> the sums the message names.</summary>
public sealed record CastBallotResult(BallotOutcome Outcome, long SelectedCents = 0, long BudgetCents = 0)
{
    public bool Counted => Outcome is BallotOutcome.Cast or BallotOutcome.Changed;
}

/// <summary>
/// A vote in a process's participatory budget: projects of that process whose costs add up to no more than the
/// budget, and the voter's district; only while the voting phase runs, only from an account with a confirmed
/// address. One ballot per person and process: the unique key (process, person) decides between parallel
/// requests (double click, two tabs, a script). A later vote changes the ballot: its selections are replaced
/// in one transaction, so nobody ever counts twice or half.
/// </summary>
public sealed class CastBallot(AppDb db, VerifyResidency residency, TimeProvider time)
{
    public async Task<CastBallotResult> RunAsync(CastBallotInput input, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases)
            .SingleOrDefaultAsync(p => p.Slug == input.ProcessSlug && p.Published, ct);
        if (process is null || !process.BudgetEnabled)
            return new(BallotOutcome.ProcessNotFound);
        if (!new ProcessSchedule(process.Phases).VotingOpenAt(now))
            return new(BallotOutcome.VotingClosed);
        if (!await db.Users.AnyAsync(u => u.Id == input.UserId && u.EmailConfirmed, ct))
            return new(BallotOutcome.EmailNotConfirmed);
        if (process.ResidentsOnly && !await residency.IsResidentAsync(input.UserId, ct))
            return new(BallotOutcome.ResidencyRequired);

        var chosen = input.ProjectIds.Distinct().ToList();
        if (chosen.Count == 0)
            return new(BallotOutcome.NothingSelected);
        var costs = await db.Set<BudgetProject>().Where(p => p.ProcessId == process.Id && chosen.Contains(p.Id)).Select(p => p.CostCents).ToListAsync(ct);
        if (costs.Count != chosen.Count)
            return new(BallotOutcome.UnknownProject);
        var budget = process.BudgetCents ?? 0;
        if (costs.Sum() > budget)
            return new(BallotOutcome.OverBudget, costs.Sum(), budget);

        Guid? districtId = null;
        if (!string.IsNullOrWhiteSpace(input.District))
        {
            districtId = await db.Set<District>().Where(d => d.Slug == input.District).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct);
            if (districtId is null)
                return new(BallotOutcome.UnknownDistrict);
        }
        else if (await db.Set<District>().AnyAsync(ct))
            return new(BallotOutcome.DistrictMissing);

        return new(await StoreAsync(process.Id, input.UserId, districtId, chosen, now, ct));
    }

    private async Task<BallotOutcome> StoreAsync(Guid processId, Guid userId, Guid? districtId, List<Guid> projectIds, DateTime now, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            // BEGIN IMMEDIATE on SQLite (its provider's default): one writer at a time, the next waits for busy_timeout.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // On PostgreSQL this UPDATE takes the ballot's row lock: a second request of the same person waits here
            // until the first has committed, then replaces what the first wrote (each statement sees the newest rows).
            var changed = await db.Set<BudgetBallot>().Where(b => b.ProcessId == processId && b.UserId == userId)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.DistrictId, districtId).SetProperty(x => x.UpdatedAt, now), ct) > 0;
            Guid ballotId;
            if (changed)
            {
                ballotId = await db.Set<BudgetBallot>().Where(b => b.ProcessId == processId && b.UserId == userId).Select(b => b.Id).SingleAsync(ct);
                await db.Set<BallotSelection>().Where(s => s.BallotId == ballotId).ExecuteDeleteAsync(ct);
            }
            else
            {
                var ballot = new BudgetBallot { ProcessId = processId, UserId = userId, DistrictId = districtId, CastAt = now, UpdatedAt = now };
                db.Add(ballot);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException) when (attempt < 2)
                {
                    // A parallel request of the same person got its ballot in first: change that one instead.
                    db.ChangeTracker.Clear();
                    await transaction.RollbackAsync(ct);
                    continue;
                }
                ballotId = ballot.Id;
            }
            db.AddRange(projectIds.Select(id => new BallotSelection { BallotId = ballotId, ProjectId = id }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return changed ? BallotOutcome.Changed : BallotOutcome.Cast;
        }
    }
}
