using System.Net;
using System.Net.Sockets;

namespace Rathausplatz.Web;

/// <summary>
/// The SSRF guard for requests the server makes to addresses others chose (a browser's push
/// endpoint, an organisation's geocoder): left unchecked, they could make the server send requests
/// into its own network (the database, a metadata service, an admin port). <see cref="Connect"/> checks
/// every address a name resolves to when connecting, which also defeats DNS names that point inside
/// or change their answer later.
/// </summary>
public static class OutboundAddresses
{
    /// <summary>Public unicast addresses only (and loopback when the tests allow it).</summary>
    public static bool IsPublic(IPAddress address, bool allowLoopback)
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

    /// <summary>A host name that only names something inside (no dot, localhost, .local, .internal).</summary>
    public static bool IsInternalName(string host) =>
        !host.Contains('.') || host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal)
        || host.EndsWith(".local", StringComparison.Ordinal) || host.EndsWith(".internal", StringComparison.Ordinal);

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/> that connects only to public addresses;
    /// a name that resolves to none throws <see cref="OutboundAddressRefusedException"/> (inside the HttpRequestException).
    /// </summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(bool allowLoopback) =>
        async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var allowed = addresses.Where(a => IsPublic(a, allowLoopback)).ToArray();
            if (allowed.Length == 0)
                throw new OutboundAddressRefusedException();
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}

/// <summary>The name resolves only to addresses the SSRF guard refuses.</summary>
public sealed class OutboundAddressRefusedException() : IOException("The address resolves to an internal network.");
