using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Features.Reports;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Accounts.PersonalData;

public enum DeleteAccountOutcome { Deleted, WrongPassword, StaffAccount }

/// <summary>
/// The DSGVO's right to erasure (Art. 17), for citizens and guests themselves. The database does the rest by its
/// references: what belongs to the person alone goes with the account (supports, votes, ballots, notices,
/// memberships, the residency confirmation), and what others answered or relied on stays without the name
/// (proposals, comments, reports: "gelöschtes Konto"). The support counts kept on proposals and reports go down
/// in the same transaction, so a count still equals its rows. Staff accounts are closed by their organisation's
/// admin instead: their work belongs to the administration's records.
/// </summary>
public sealed class DeleteOwnAccount(AppDb db, UserManager<User> users, SignInManager<User> signIn, IOutputCacheStore cache)
{
    public async Task<DeleteAccountOutcome> RunAsync(User user, string password, CancellationToken ct)
    {
        if ((await users.GetRolesAsync(user)).Any(Roles.RequiringTwoFactor.Contains))
            return DeleteAccountOutcome.StaffAccount;
        // Through sign-in's own check, so wrong passwords count towards its lockout here too (a stolen session cookie
        // must not make this form a way to guess the password without limit).
        if (!(await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)).Succeeded)
            return DeleteAccountOutcome.WrongPassword;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<Proposal>().Where(p => db.Set<ProposalSupport>().Any(s => s.ProposalId == p.Id && s.UserId == user.Id))
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.SupportCount, x => x.SupportCount - 1), ct);
        await db.Set<Report>().Where(r => db.Set<ReportSupport>().Any(s => s.ReportId == r.Id && s.UserId == user.Id && s.VerifiedAt != null))
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.SupportCount, x => x.SupportCount - 1), ct);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException($"The account could not be deleted: {string.Join(", ", result.Errors.Select(e => e.Code))}");
        await transaction.CommitAsync(ct);
        // Public pages showed the name and counted the supports.
        await cache.EvictByTagAsync(PublicPageCache.OrganizationTag(user.OrganizationId), ct);
        return DeleteAccountOutcome.Deleted;
    }
}
