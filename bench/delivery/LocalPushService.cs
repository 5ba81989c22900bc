using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rathausplatz.Bench.Delivery;

/// <summary>
/// Phase (d)'s push service: Kestrel in this process on a loopback port, https with a throwaway
/// certificate (the app trusts it through Push:TrustedCertificate, as the tests do), answering every
/// POST to /push/{n} with 201 and a Location, as a push service does (RFC 8030 §5). It reads the
/// whole body but does not decrypt it or check the VAPID signature; it counts the requests and how many
/// look like web push (Content-Encoding aes128gcm, Authorization vapid, TTL).
/// </summary>
internal sealed class LocalPushService : IAsyncDisposable
{
    private readonly WebApplication app;
    private long requests, webPush, bytes;

    public Uri BaseAddress { get; }
    public string CertificateFile { get; }
    public X509Certificate2 Certificate { get; }

    public long Requests => Interlocked.Read(ref requests);
    public long WebPushRequests => Interlocked.Read(ref webPush);
    public long Bytes => Interlocked.Read(ref bytes);

    private LocalPushService(WebApplication app, Uri baseAddress, string certificateFile, X509Certificate2 certificate)
    {
        this.app = app;
        BaseAddress = baseAddress;
        CertificateFile = certificateFile;
        Certificate = certificate;
    }

    public static async Task<LocalPushService> StartAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var made = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        // Through PKCS #12 so that Kestrel gets a key it can use on every platform.
        var certificate = X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
        var certificateFile = Path.Combine(Path.GetTempPath(), $"rathausplatz-bench-push-{Environment.ProcessId}.pem");
        await File.WriteAllTextAsync(certificateFile, made.ExportCertificatePem());

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        LocalPushService? service = null;
        app.MapPost("/push/{n:long}", async (long n, HttpContext context) =>
        {
            var read = 0L;
            var buffer = new byte[4096];
            int got;
            while ((got = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
                read += got;
            var headers = context.Request.Headers;
            Interlocked.Increment(ref service!.requests);
            Interlocked.Add(ref service.bytes, read);
            if (headers.ContentEncoding == "aes128gcm" && headers.Authorization.ToString().StartsWith("vapid ", StringComparison.Ordinal)
                && headers.ContainsKey("TTL"))
                Interlocked.Increment(ref service.webPush);
            context.Response.Headers.Location = $"/message/{n}-{Stopwatch.GetTimestamp()}";
            context.Response.StatusCode = StatusCodes.Status201Created;
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        service = new LocalPushService(app, new Uri($"https://127.0.0.1:{address.Port}"), certificateFile, certificate);
        return service;
    }

    /// <summary>
    /// The baseline: plain POSTs of <paramref name="bodySize"/> bytes from one HttpClient to the same endpoint,
    /// <paramref name="concurrency"/> at a time (the push lanes), until <paramref name="count"/> are answered or
    /// <paramref name="seconds"/> have passed. Same TLS, same HTTP version, no encryption, no signature, no database.
    /// </summary>
    public async Task<(long Done, TimeSpan Elapsed)> RawAsync(int concurrency, long count, int bodySize, double seconds)
    {
        using var handler = new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHash().AsSpan().SequenceEqual(Certificate.GetCertHash());
        using var client = new HttpClient(handler);
        var body = RandomNumberGenerator.GetBytes(bodySize);
        var started = 0L;
        var done = 0L;
        var clock = Stopwatch.StartNew();
        async Task WorkerAsync()
        {
            while (Interlocked.Increment(ref started) <= count && clock.Elapsed.TotalSeconds < seconds)
            {
                using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, $"/push/{started}")) { Content = new ByteArrayContent(body) };
                post.Headers.Add("TTL", "86400");
                using var response = await client.SendAsync(post);
                if (response.StatusCode != HttpStatusCode.Created)
                    throw new InvalidOperationException($"The local push service answered {(int)response.StatusCode}.");
                Interlocked.Increment(ref done);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)));
        return (done, clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Certificate.Dispose();
        File.Delete(CertificateFile);
    }
}
