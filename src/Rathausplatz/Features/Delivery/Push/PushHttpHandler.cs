using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Rathausplatz.Features.Delivery.Push;

/// <summary>
/// The connection to push services: every address a name resolves to is checked by the SSRF guard
/// before connecting (<see cref="OutboundAddresses.Connect"/>), no redirects are
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
            ConnectCallback = OutboundAddresses.Connect(options.AllowLoopback),
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

