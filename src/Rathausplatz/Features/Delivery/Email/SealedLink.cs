using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Rathausplatz.Features.Delivery.Email;

/// <summary>
/// The token in a confirmation link: a row's id, the random secret stored with it and an expiry, sealed by
/// ASP.NET Core data protection (authenticated encryption with the app's key ring), so it can be neither
/// forged nor altered. The caller compares the secret with its row; the expiry is checked against the clock.
/// One instance per purpose: a token of one kind of link is worthless for another.
/// </summary>
public sealed class SealedLink(IDataProtectionProvider protection, TimeProvider time, string purpose, TimeSpan lifetime)
{
    private readonly IDataProtector protector = protection.CreateProtector(purpose);

    public TimeSpan Lifetime => lifetime;

    public string Seal(Guid id, string secret)
    {
        var expires = time.GetUtcNow().UtcDateTime + lifetime;
        return protector.Protect($"{id:N}|{secret}|{expires.Ticks.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>The id and secret, or null when the token is forged, damaged or expired.</summary>
    public (Guid Id, string Secret)? Open(string? token)
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
