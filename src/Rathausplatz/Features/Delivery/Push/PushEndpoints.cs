using System.Net;
using System.Net.Sockets;

namespace Rathausplatz.Features.Delivery.Push;

/// <summary>
/// The SSRF guard. A push endpoint is a URL the browser hands us and the server later POSTs to: left
/// unchecked, anyone could make the server send requests into its own network (the database, a
/// metadata service, an admin port). Checked twice: the URL when subscribing (https, no internal
/// address literal or name), and every address the name resolves to when connecting
/// (<see cref="IsAllowed(IPAddress, bool)"/> in the push client's connect callback), which also
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
            return IsAllowed(address, allowLoopback) ? null : Texts.Key("Push-Adressen im eigenen oder privaten Netz sind nicht erlaubt.");
        if (!host.Contains('.') || host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
            || host.EndsWith(".local", StringComparison.Ordinal) || host.EndsWith(".internal", StringComparison.Ordinal))
            return Texts.Key("Push-Adressen im eigenen oder privaten Netz sind nicht erlaubt.");
        return null;
    }

    /// <summary>Public unicast addresses only (and loopback when the tests allow it).</summary>
    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address))
            return allowLoopback;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] >= 224                 // this network, private, multicast and reserved
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)                   // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                                // link-local (cloud metadata services)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)                     // IETF protocol assignments
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));               // benchmarking
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc                                       // unique local fc00::/7
                || address.IsIPv6Teredo
                || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)); // NAT64 can reach IPv4 internals
        }
        return false;
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
