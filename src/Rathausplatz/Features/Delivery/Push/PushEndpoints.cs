using System.Net;

namespace Rathausplatz.Features.Delivery.Push;

/// <summary>
/// The SSRF guard. A push endpoint is a URL the browser hands us and the server later POSTs to: left
/// unchecked, anyone could make the server send requests into its own network (the database, a
/// metadata service, an admin port). Checked twice: the URL when subscribing (https, no internal
/// address literal or name), and every address the name resolves to when connecting
/// (<see cref="OutboundAddresses.Connect"/> in the push client's connect callback), which also
/// defeats DNS names that point inside or change their answer later.
/// </summary>
public static class PushEndpoints
{
    public const int MaxLength = 1000;

    /// <summary>Null when the endpoint may be used, else the reason (a text key).</summary>
    public static string? Problem(string? endpoint, bool allowLoopback)
    {
        if (string.IsNullOrWhiteSpace(endpoint) || endpoint.Length > MaxLength
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            return Texts.Key("Die Push-Adresse des Browsers ist ungültig.");
        if (uri.Scheme != Uri.UriSchemeHttps)
            return Texts.Key("Push-Adressen müssen mit https:// beginnen.");
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
            return Texts.Key("Die Push-Adresse des Browsers ist ungültig.");
        var host = uri.IdnHost;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
            return OutboundAddresses.IsPublic(address, allowLoopback) ? null : Texts.Key("Push-Adressen im eigenen oder privaten Netz sind nicht erlaubt.");
        if (OutboundAddresses.IsInternalName(host))
            return Texts.Key("Push-Adressen im eigenen oder privaten Netz sind nicht erlaubt.");
        return null;
    }

    /// <summary>The browser's keys as RFC 8291 needs them: a P-256 public point (65 bytes) and a 16-byte secret.</summary>
    public static bool KeysValid(string? p256dh, string? auth)
    {
        try
        {
            if (p256dh is null || auth is null || p256dh.Length > 100 || auth.Length > 50)
                return false;
            var point = System.Buffers.Text.Base64Url.DecodeFromChars(p256dh);
            if (point.Length != 65 || point[0] != 0x04 || System.Buffers.Text.Base64Url.DecodeFromChars(auth).Length != 16)
                return false;
            using var key = System.Security.Cryptography.ECDiffieHellman.Create(new System.Security.Cryptography.ECParameters
            {
                Curve = System.Security.Cryptography.ECCurve.NamedCurves.nistP256,
                Q = new() { X = point[1..33], Y = point[33..] },
            });
            return true;
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
