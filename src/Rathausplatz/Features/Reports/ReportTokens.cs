using Microsoft.AspNetCore.DataProtection;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Reports;

/// <summary>The links in report mails: the report's (or support's) id and secret, valid for a week (<see cref="SealedLink"/>).</summary>
public sealed class ReportTokens(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(7);

    private readonly SealedLink reporter = new(protection, time, "Rathausplatz.Reports.Reporter.v1", ConfirmationLifetime);
    private readonly SealedLink support = new(protection, time, "Rathausplatz.Reports.Support.v1", ConfirmationLifetime);

    public string ForReporterConfirmation(Report report) => reporter.Seal(report.Id, report.Secret);

    public string ForSupportConfirmation(ReportSupport s) => support.Seal(s.Id, s.Secret);

    public (Guid Id, string Secret)? ReadReporterConfirmation(string? token) => reporter.Open(token);

    public (Guid Id, string Secret)? ReadSupportConfirmation(string? token) => support.Open(token);
}
