using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Verification;
using Rathausplatz.Features.Participation.WithoutAccount;

namespace Rathausplatz.Features.Participation.Proposals;

public enum SupportOutcome { Counted, AlreadySupported, Withdrawn, NotSupported, NotFound, Closed, EmailNotConfirmed, ResidencyRequired }

/// <summary>
/// One support per person and proposal, while the proposal phase runs; a support may be withdrawn in that
/// time too. The unique key on (proposal, person) decides between parallel requests (two tabs, a double
/// click, a script): only the request whose row goes in raises the count, in SQL and in the same
/// transaction, so the count always equals the rows. Reaching the process's threshold moves an open
/// proposal to evaluation in that transaction too.
/// </summary>
public sealed class SupportProposal(AppDb db, VerifyResidency residency, TimeProvider time)
{
    public async Task<SupportOutcome> SupportAsync(Guid proposalId, Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (outcome, threshold, residentsOnly) = await CheckAsync(proposalId, now, ct);
        if (outcome is not null)
            return outcome.Value;
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.EmailConfirmed, ct))
            return SupportOutcome.EmailNotConfirmed;
        if (residentsOnly && !await residency.IsResidentAsync(userId, ct))
            return SupportOutcome.ResidencyRequired;
        if (await db.Set<ProposalSupport>().AnyAsync(s => s.ProposalId == proposalId && s.UserId == userId, ct)
            || await SupportedAsGuestAsync(proposalId, userId, ct))
            return SupportOutcome.AlreadySupported;

        // BEGIN IMMEDIATE on SQLite (its provider's default): the first statement writes, so a second
        // writer waits for busy_timeout instead of failing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var support = new ProposalSupport { ProposalId = proposalId, UserId = userId, CreatedAt = now };
        db.Add(support);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request of the same person got its row in first; that one counts.
            db.Entry(support).State = EntityState.Detached;
            return SupportOutcome.AlreadySupported;
        }
        await CountAsync(proposalId, threshold, now, ct);
        await transaction.CommitAsync(ct);
        return SupportOutcome.Counted;
    }

    /// <summary>One more support, in SQL so parallel supports add up; reaching the threshold moves an open proposal on.</summary>
    private async Task CountAsync(Guid proposalId, int? threshold, DateTime now, CancellationToken ct)
    {
        await db.Set<Proposal>().Where(p => p.Id == proposalId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.SupportCount, x => x.SupportCount + 1), ct);
        if (threshold is { } needed)
            await db.Set<Proposal>().Where(p => p.Id == proposalId && p.Status == ProposalStatus.Open && p.SupportCount >= needed)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.Status, ProposalStatus.Evaluating).SetProperty(x => x.StatusChangedAt, now), ct);
    }

    /// <summary>
    /// The link of a guest's mail was used: their support counts from now on, once. The row was written when the
    /// link was asked for; confirming it and raising the count happen together, and only the request that
    /// confirms the row raises the count (a second click or tab finds it confirmed). An address whose account
    /// has supported already does not count again.
    /// </summary>
    /// <remarks>The caller found the proposal open for guests (<see cref="GuestSubjects"/>) in this request.</remarks>
    public async Task<SupportOutcome> SupportAsGuestAsync(GuestParticipant guest, GuestSubject proposal, CancellationToken ct)
    {
        if (guest.Action != GuestAction.Support || proposal.Action != GuestAction.Support || proposal.Id != guest.SubjectId)
            return SupportOutcome.NotFound;
        var now = time.GetUtcNow().UtcDateTime;
        if (guest.ConfirmedAt is not null || await db.Set<ProposalSupport>().AnyAsync(s => s.ProposalId == guest.SubjectId
                && db.Users.Any(u => u.Id == s.UserId && u.NormalizedEmail == guest.Email.ToUpperInvariant()), ct))
            return SupportOutcome.AlreadySupported;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        guest.ConfirmedAt = now;
        try
        {
            // ConfirmedAt is a concurrency token: of two clicks, the second finds the row confirmed and saves nothing.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(guest).State = EntityState.Detached;
            return SupportOutcome.AlreadySupported;
        }
        await CountAsync(guest.SubjectId, proposal.SupportThreshold, now, ct);
        await transaction.CommitAsync(ct);
        return SupportOutcome.Counted;
    }

    /// <summary>The account's address has supported the proposal without the account (before it existed, say).</summary>
    private async Task<bool> SupportedAsGuestAsync(Guid proposalId, Guid userId, CancellationToken ct)
    {
        var address = (await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(ct))?.ToLowerInvariant();
        return await db.Set<GuestParticipant>().AnyAsync(g => g.Action == GuestAction.Support && g.SubjectId == proposalId
            && g.Email == address && g.ConfirmedAt != null, ct);
    }

    /// <summary>
    /// Takes the person's support back while the phase runs. A proposal already moved to evaluation stays
    /// there: the threshold was reached, and a status that flips back and forth would confuse everyone.
    /// </summary>
    public async Task<SupportOutcome> WithdrawAsync(Guid proposalId, Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (outcome, _, _) = await CheckAsync(proposalId, now, ct);
        if (outcome is not null)
            return outcome.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Tracked, so the save evicts the cached pages (ExecuteDelete would bypass that).
        var support = await db.Set<ProposalSupport>().SingleOrDefaultAsync(s => s.ProposalId == proposalId && s.UserId == userId, ct);
        if (support is null)
            return SupportOutcome.NotSupported;
        db.Remove(support);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The other tab withdrew it a moment earlier.
            return SupportOutcome.NotSupported;
        }
        await db.Set<Proposal>().Where(p => p.Id == proposalId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.SupportCount, x => x.SupportCount - 1), ct);
        await transaction.CommitAsync(ct);
        return SupportOutcome.Withdrawn;
    }

    private async Task<(SupportOutcome? Refusal, int? Threshold, bool ResidentsOnly)> CheckAsync(Guid proposalId, DateTime now, CancellationToken ct)
    {
        var found = await db.Set<Proposal>().AsNoTracking().Where(p => p.Id == proposalId)
            .Join(db.Set<ParticipationProcess>().Where(pr => pr.Published), p => p.ProcessId, pr => pr.Id,
                (p, pr) => new { p.Status, p.HiddenAt, pr.Id, pr.ProposalsEnabled, pr.SupportThreshold, pr.ResidentsOnly })
            .SingleOrDefaultAsync(ct);
        if (found is null || found.HiddenAt is not null)
            return (SupportOutcome.NotFound, null, false);
        var phases = await db.Set<ProcessPhase>().AsNoTracking().Where(ph => ph.ProcessId == found.Id).ToListAsync(ct);
        if (!found.ProposalsEnabled || !new ProcessSchedule(phases).ProposalsOpenAt(now)
            || found.Status is not (ProposalStatus.Open or ProposalStatus.Evaluating))
            return (SupportOutcome.Closed, null, false);
        return (null, found.SupportThreshold, found.ResidentsOnly);
    }
}
