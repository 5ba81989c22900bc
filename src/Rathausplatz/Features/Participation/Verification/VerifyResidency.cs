using Microsoft.EntityFrameworkCore.Storage;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Participation.Verification;

public enum ResidencyProblem
{
    CodeInvalid, CodeUsed, AlreadyResident, AccountUnknown, NameMissing, BirthDateInvalid, PersonAlreadyChecked, CountInvalid, BatchMissing,
}

/// <summary>
/// Makes accounts confirmed residents (by a letter's code, or at the counter), answers whether one is,
/// and prints the codes. The unique keys decide every race: a code goes to one account (the UPDATE that
/// claims it finds it unredeemed only once), an account is confirmed once, a person at the counter once.
/// </summary>
public sealed class VerifyResidency(AppDb db, TenantContext tenant, TimeProvider time)
{
    public const int MaxCodesPerBatch = 10_000;
    public const int MaxName = 200;

    public Task<bool> IsResidentAsync(Guid userId, CancellationToken ct) =>
        db.Set<ResidentVerification>().AnyAsync(v => v.UserId == userId, ct);

    public Task<ResidentVerification?> FindAsync(Guid userId, CancellationToken ct) =>
        db.Set<ResidentVerification>().AsNoTracking().SingleOrDefaultAsync(v => v.UserId == userId, ct);

    public async Task<ResidencyProblem?> RedeemAsync(Guid userId, string? typed, CancellationToken ct)
    {
        if (ResidencyCodes.Normalize(typed) is not { } code)
            return ResidencyProblem.CodeInvalid;
        if (await IsResidentAsync(userId, ct))
            return ResidencyProblem.AlreadyResident;
        var hash = ResidencyCodes.Hash(Organization, code);
        var now = time.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Set<ResidencyCode>().Where(c => c.CodeHash == hash && c.RedeemedById == null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.RedeemedById, userId).SetProperty(x => x.RedeemedAt, now), ct);
        if (claimed == 0)
            return await db.Set<ResidencyCode>().AnyAsync(c => c.CodeHash == hash, ct) ? ResidencyProblem.CodeUsed : ResidencyProblem.CodeInvalid;
        var codeId = await db.Set<ResidencyCode>().Where(c => c.CodeHash == hash).Select(c => c.Id).SingleAsync(ct);
        // On a clash the transaction ends without a commit, which hands the code back.
        return await ConfirmAsync(new ResidentVerification { UserId = userId, Method = ResidencyCheck.Code, CodeId = codeId, VerifiedAt = now }, transaction, ct)
            ? null : ResidencyProblem.AlreadyResident;
    }

    public async Task<ResidencyProblem?> CheckAtCounterAsync(Guid staffId, string? email, string? fullName, DateOnly? birthDate, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (string.IsNullOrWhiteSpace(fullName) || fullName.Length > MaxName)
            return ResidencyProblem.NameMissing;
        if (birthDate is not { } born || born > today || born < today.AddYears(-130))
            return ResidencyProblem.BirthDateInvalid;
        var normalized = email?.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        if (userId is null)
            return ResidencyProblem.AccountUnknown;
        if (await IsResidentAsync(userId.Value, ct))
            return ResidencyProblem.AlreadyResident;
        var identity = ResidencyCodes.IdentityHash(Organization, fullName, born);
        if (await db.Set<ResidentVerification>().AnyAsync(v => v.IdentityHash == identity, ct))
            return ResidencyProblem.PersonAlreadyChecked;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var verification = new ResidentVerification
        {
            UserId = userId.Value, Method = ResidencyCheck.Counter, CheckedById = staffId, IdentityHash = identity,
            VerifiedAt = time.GetUtcNow().UtcDateTime,
        };
        return await ConfirmAsync(verification, transaction, ct) ? null : ResidencyProblem.PersonAlreadyChecked;
    }

    /// <summary>A print run: the codes in the clear, once, for the letter shop; the database keeps their hashes.</summary>
    public async Task<(List<string>? Codes, ResidencyProblem? Problem)> CreateBatchAsync(string? batch, int count, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(batch) || batch.Trim().Length > ResidencyCode.MaxBatch)
            return (null, ResidencyProblem.BatchMissing);
        if (count is < 1 or > MaxCodesPerBatch)
            return (null, ResidencyProblem.CountInvalid);
        var now = time.GetUtcNow().UtcDateTime;
        var codes = Enumerable.Range(0, count).Select(_ => ResidencyCodes.New()).Distinct().ToList();
        db.AddRange(codes.Select(code => new ResidencyCode
        {
            CodeHash = ResidencyCodes.Hash(Organization, ResidencyCodes.Normalize(code)!), Batch = batch.Trim(), CreatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        return (codes, null);
    }

    private async Task<bool> ConfirmAsync(ResidentVerification verification, IDbContextTransaction transaction, CancellationToken ct)
    {
        db.Add(verification);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A parallel request confirmed this account (or this person) first; that one stands.
            db.Entry(verification).State = EntityState.Detached;
            return false;
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    private Guid Organization => tenant.OrganizationId ?? throw new InvalidOperationException("Residency needs an organisation.");
}
