using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Rathausplatz.Data;
using Rathausplatz.Jobs;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Reports.Desk;

/// <summary>
/// Some weeks after "done" the reporter is asked whether the problem is really fixed, with a yes and a
/// no link. The job is scheduled when the report is set done and does nothing if the report changed
/// since (reopened, done again: that later "done" has its own job).
/// </summary>
public sealed class AskIfFixed(AppDb db, TimeProvider time, ReportDeskMails mails, FollowUpTokens tokens) : IJobHandler
{
    public const string JobKind = "report-follow-up";

    public sealed record Payload(Guid ReportId, Guid DoneUpdateId, string OrganizationName, string BaseUrl);

    public async Task RunAsync(Job job, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.Payload) ?? throw new PermanentJobFailure("Empty follow-up payload.");
        var report = await db.Set<Report>().SingleOrDefaultAsync(r => r.Id == payload.ReportId, ct);
        if (report is not { Status: ReportStatus.Done, ReporterEmail: not null } || !report.ReporterEmailVerified)
            return;
        var lastStatusChange = await db.Set<ReportUpdate>()
            .Where(u => u.ReportId == report.Id && u.Kind == ReportUpdateKind.StatusChange)
            .OrderByDescending(u => u.At).ThenByDescending(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync(ct);
        // Asked already (a retry after a crash between the mail and the job's completion): once is enough.
        if (lastStatusChange != payload.DoneUpdateId || report.FollowUpAskedAt >= report.ClosedAt)
            return;

        var now = time.GetUtcNow().UtcDateTime;
        report.FollowUpAskedAt = now;
        report.FollowUpAnsweredAt = null;
        var sender = new MailSender(payload.OrganizationName, payload.BaseUrl);
        mails.QueueFollowUp(report, Link(sender, tokens.Seal(report, fixedAnswer: true)), Link(sender, tokens.Seal(report, fixedAnswer: false)),
            sender, $"report-follow-up-mail:{payload.DoneUpdateId:N}");
        await db.SaveChangesAsync(ct);
    }

    public static string Link(MailSender sender, string token) => $"{sender.BaseUrl}/meldungen/rueckfrage/{token}";
}

/// <summary>
/// The yes and no links of the follow-up question, sealed by data protection: the report's id and
/// secret, when it was asked (a later question voids older links) and the answer.
/// </summary>
public sealed class FollowUpTokens(IDataProtectionProvider protection)
{
    public sealed record Answer(Guid ReportId, string Secret, long AskedTicks, bool Fixed);

    private readonly IDataProtector protector = protection.CreateProtector("Rathausplatz.Reports.FollowUp.v1");

    public string Seal(Report report, bool fixedAnswer) => protector.Protect(string.Join('|',
        report.Id.ToString("N"), report.Secret, report.FollowUpAskedAt!.Value.Ticks.ToString(CultureInfo.InvariantCulture), fixedAnswer ? "yes" : "no"));

    public Answer? Open(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
            return null;
        try
        {
            if (protector.Unprotect(token).Split('|') is not [var id, var secret, var ticks, var answer and ("yes" or "no")]
                || !Guid.TryParseExact(id, "N", out var guid)
                || !long.TryParse(ticks, CultureInfo.InvariantCulture, out var asked))
                return null;
            return new(guid, secret, asked, answer == "yes");
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

public enum FollowUpOutcome { Invalid, AlreadyAnswered, ConfirmedFixed, Reopened }

/// <summary>The reporter's answer: "yes" closes the question, "no" reopens the report (in progress, back in the queue).</summary>
public sealed class AnswerFollowUp(AppDb db, TimeProvider time, FollowUpTokens tokens)
{
    /// <summary>Checks a link without using it (the page shows what it will do).</summary>
    public async Task<(FollowUpOutcome Outcome, Report? Report, bool Fixed)> CheckAsync(string? token, CancellationToken ct)
    {
        if (tokens.Open(token) is not { } answer)
            return (FollowUpOutcome.Invalid, null, false);
        var report = await db.Set<Report>().SingleOrDefaultAsync(r => r.Id == answer.ReportId, ct);
        if (report is null || !CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(report.Secret), System.Text.Encoding.UTF8.GetBytes(answer.Secret)))
            return (FollowUpOutcome.Invalid, null, false);
        if (report.FollowUpAskedAt?.Ticks != answer.AskedTicks || report.FollowUpAnsweredAt is not null)
            return (FollowUpOutcome.AlreadyAnswered, report, answer.Fixed);
        return (answer.Fixed ? FollowUpOutcome.ConfirmedFixed : FollowUpOutcome.Reopened, report, answer.Fixed);
    }

    public async Task<(FollowUpOutcome Outcome, Report? Report)> RunAsync(string? token, CancellationToken ct)
    {
        var (outcome, report, isFixed) = await CheckAsync(token, ct);
        if (report is null || outcome is FollowUpOutcome.Invalid or FollowUpOutcome.AlreadyAnswered)
            return (outcome, report);
        var now = time.GetUtcNow().UtcDateTime;
        // Claimed in one statement, so two clicks at once (or two tabs) answer once.
        var asked = report.FollowUpAskedAt;
        var claimed = await db.Set<Report>().Where(r => r.Id == report.Id && r.FollowUpAnsweredAt == null && r.FollowUpAskedAt == asked)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FollowUpAnsweredAt, now), ct);
        if (claimed == 0)
            return (FollowUpOutcome.AlreadyAnswered, report);
        report.FollowUpAnsweredAt = now;
        db.Entry(report).Property(r => r.FollowUpAnsweredAt).IsModified = false;
        db.Add(new ReportUpdate
        {
            ReportId = report.Id, At = now, Kind = ReportUpdateKind.FollowUpAnswer,
            Status = isFixed ? ReportStatus.Done : ReportStatus.InProgress, Public = false,
        });
        if (!isFixed && report.Status != ReportStatus.InProgress)
        {
            // Back into the queue (a microsecond later, so the history lists it after the answer on both providers).
            // No mail about it: the reporter has just said so themselves.
            report.Status = ReportStatus.InProgress;
            report.ClosedAt = null;
            report.UpdatedAt = now;
            db.Add(new ReportUpdate { ReportId = report.Id, At = now.AddTicks(10), Kind = ReportUpdateKind.StatusChange, Status = ReportStatus.InProgress, Public = true });
        }
        await db.SaveChangesAsync(ct);
        return (outcome, report);
    }
}
