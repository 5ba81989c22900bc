using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Rathausplatz.Features.Reports;

/// <summary>
/// The links in report mails, sealed by data protection like <see cref="Audiences.SubscriptionTokens"/>:
/// the report's (or support's) id and secret, and for confirmations an expiry checked against the clock.
/// </summary>
public sealed class ReportTokens(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector reporter = protection.CreateProtector("Rathausplatz.Reports.Reporter.v1");
    private readonly IDataProtector support = protection.CreateProtector("Rathausplatz.Reports.Support.v1");

    public string ForReporterConfirmation(Report report) => Seal(reporter, report.Id, report.Secret);

    public string ForSupportConfirmation(ReportSupport s) => Seal(support, s.Id, s.Secret);

    public (Guid Id, string Secret)? ReadReporterConfirmation(string? token) => Open(reporter, token);

    public (Guid Id, string Secret)? ReadSupportConfirmation(string? token) => Open(support, token);

    private string Seal(IDataProtector protector, Guid id, string secret)
    {
        var expires = time.GetUtcNow().UtcDateTime + ConfirmationLifetime;
        return protector.Protect($"{id:N}|{secret}|{expires.Ticks.ToString(CultureInfo.InvariantCulture)}");
    }

    private (Guid, string)? Open(IDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
            return null;
        try
        {
            if (protector.Unprotect(token).Split('|') is not [var id, var secret, var ticks]
                || !Guid.TryParseExact(id, "N", out var guid)
                || !long.TryParse(ticks, CultureInfo.InvariantCulture, out var expires)
                || expires < time.GetUtcNow().UtcDateTime.Ticks)
                return null;
            return (guid, secret);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
