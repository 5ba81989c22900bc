using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Rathausplatz.Features.Delivery.Push;

/// <summary>
/// The connection to push services: every address a name resolves to is checked by the SSRF guard
/// before connecting (<see cref="PushEndpoints.IsAllowed(IPAddress, bool)"/>), no redirects are
/// followed, and no proxy from the environment is used. Tests may trust one extra certificate.
/// </summary>
internal static class PushHttpHandler
{
    public static SocketsHttpHandler Create(PushOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = async (context, ct) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
                var allowed = addresses.Where(a => PushEndpoints.IsAllowed(a, options.AllowLoopback)).ToArray();
                if (allowed.Length == 0)
                    throw new PushEndpointRefusedException();
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
            },
        };
        if (!string.IsNullOrEmpty(options.TrustedCertificate))
        {
            var trusted = X509CertificateLoader.LoadCertificateFromFile(options.TrustedCertificate);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && certificate.GetCertHash().AsSpan().SequenceEqual(trusted.GetCertHash()));
        }
        return handler;
    }
}

/// <summary>The endpoint's name resolves only to addresses the SSRF guard refuses: the subscription is of no use.</summary>
public sealed class PushEndpointRefusedException() : IOException("The push endpoint resolves to an internal address.");
