using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Rathausplatz.Features.Audiences;

/// <summary>
/// The links in subscription mails. A token is the subscription id, a secret stored with it and (for
/// confirmation) an expiry, sealed by ASP.NET Core data protection (authenticated encryption with the
/// app's key ring): it cannot be forged or altered. A confirmation token holds the
/// <see cref="Subscription.ConfirmationNonce"/>, which confirming clears, so it works once; a
/// management token holds the <see cref="Subscription.ManageKey"/> and works until the subscription
/// ends (mails are read months later). Expiry is checked against the injected clock.
/// </summary>
public sealed class SubscriptionTokens(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(2);

    private readonly IDataProtector confirm = protection.CreateProtector("Rathausplatz.Audiences.Confirm.v1");
    private readonly IDataProtector manage = protection.CreateProtector("Rathausplatz.Audiences.Manage.v1");

    public static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(18));

    public string ForConfirmation(Subscription subscription)
    {
        var expires = time.GetUtcNow().UtcDateTime + ConfirmationLifetime;
        return confirm.Protect($"{subscription.Id:N}|{subscription.ConfirmationNonce}|{expires.Ticks.ToString(CultureInfo.InvariantCulture)}");
    }

    public string ForManagement(Subscription subscription) => manage.Protect($"{subscription.Id:N}|{subscription.ManageKey}");

    /// <summary>The subscription and nonce, or null when forged, damaged or expired.</summary>
    public (Guid Id, string Nonce)? ReadConfirmation(string? token)
    {
        if (Open(confirm, token) is not [var id, var nonce, var ticks]
            || !Guid.TryParseExact(id, "N", out var subscriptionId)
            || !long.TryParse(ticks, CultureInfo.InvariantCulture, out var expires)
            || expires < time.GetUtcNow().UtcDateTime.Ticks)
            return null;
        return (subscriptionId, nonce);
    }

    public (Guid Id, string Key)? ReadManagement(string? token) =>
        Open(manage, token) is [var id, var key] && Guid.TryParseExact(id, "N", out var subscriptionId) ? (subscriptionId, key) : null;

    private static string[]? Open(IDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
            return null;
        try
        {
            return protector.Unprotect(token).Split('|');
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
