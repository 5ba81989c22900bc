using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Reports.Public;

public enum SupportOutcome { Counted, ConfirmationSent, AlreadySupported, NotFound, Closed, EmailInvalid }

/// <summary>
/// "Me too" instead of a second report. A signed-in account counts at once; an address counts once its
/// confirmation link is used, so nobody can inflate a report with made-up addresses. Whether an address
/// already supports is not revealed: the page says "check your mail" either way.
/// </summary>
public sealed class SupportReport(AppDb db, TimeProvider time, ReportMails mails)
{
    public async Task<SupportOutcome> RunAsync(string publicId, string? email, Guid? userId, string language, MailSender sender, CancellationToken ct)
    {
        var report = await db.Set<Report>().SingleOrDefaultAsync(r => r.PublicId == publicId, ct);
        if (report is null)
            return SupportOutcome.NotFound;
        if (!report.Status.IsOpen())
            return SupportOutcome.Closed;
        var now = time.GetUtcNow().UtcDateTime;
        if (userId is { } user)
        {
            if (await db.Set<ReportSupport>().AnyAsync(s => s.ReportId == report.Id && s.UserId == user, ct))
                return SupportOutcome.AlreadySupported;
            db.Add(new ReportSupport { ReportId = report.Id, UserId = user, CreatedAt = now, VerifiedAt = now });
            return await CountAsync(report.Id, ct) ? SupportOutcome.Counted : SupportOutcome.AlreadySupported;
        }
        var address = EmailAddresses.Normalize(email ?? "");
        if (address.Length is 0 or > 254 || !new EmailAddressAttribute().IsValid(address))
            return SupportOutcome.EmailInvalid;
        var support = await db.Set<ReportSupport>().SingleOrDefaultAsync(s => s.ReportId == report.Id && s.Email == address, ct);
        if (support is { VerifiedAt: not null })
            return SupportOutcome.ConfirmationSent;
        if (support is null)
            db.Add(support = new ReportSupport { ReportId = report.Id, Email = address, CreatedAt = now });
        mails.QueueSupportConfirmation(support, report, language, sender);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address twice at once: the other request sent the mail.
        }
        return SupportOutcome.ConfirmationSent;
    }

    /// <summary>The link of the confirmation mail: the support counts from now on (once).</summary>
    public async Task<bool> ConfirmAsync(Guid supportId, string secret, CancellationToken ct)
    {
        var support = await db.Set<ReportSupport>().SingleOrDefaultAsync(s => s.Id == supportId, ct);
        if (support is null || support.Secret != secret)
            return false;
        if (support.VerifiedAt is not null)
            return true;
        support.VerifiedAt = time.GetUtcNow().UtcDateTime;
        await CountAsync(support.ReportId, ct);
        return true;
    }

    // The support row and the count change together; the count is raised in SQL so parallel supports add up.
    private async Task<bool> CountAsync(Guid reportId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return false;
        }
        await db.Set<Report>().Where(r => r.Id == reportId).ExecuteUpdateAsync(r => r.SetProperty(x => x.SupportCount, x => x.SupportCount + 1), ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}

/// <summary>The link of the reporter's confirmation mail: from now on the reporter gets the public updates.</summary>
public sealed class ConfirmReporterEmail(AppDb db, TimeProvider time)
{
    public async Task<Report?> RunAsync(Guid reportId, string secret, CancellationToken ct)
    {
        var report = await db.Set<Report>().SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || report.Secret != secret || report.ReporterEmail is null)
            return null;
        if (report.ReporterEmailVerifiedAt is null)
        {
            report.ReporterEmailVerifiedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        return report;
    }
}
