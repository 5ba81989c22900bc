using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rathausplatz.Tests.Support;

/// <summary>
/// The local fake push service (tests/interop/fake-push-service.js, node): https with a throwaway
/// certificate made here with openssl, VAPID checked and payloads decrypted by third-party code
/// (npm http_ece, the RFC 8188 reference code). One per test process; each test makes its own subscriptions.
/// </summary>
public sealed class TestPushService
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static TestPushService? shared;

    /// <summary>Where the certificate lies; the app under test trusts it (setting Push:TrustedCertificate).</summary>
    public static string CertificateFile { get; } = Path.Combine(Path.GetTempPath(), $"rathausplatz-push-{Environment.ProcessId}", "cert.pem");

    private readonly HttpClient client;
    private readonly Process node;

    public Uri BaseAddress { get; }

    private TestPushService(Process node, int port)
    {
        this.node = node;
        BaseAddress = new Uri($"https://127.0.0.1:{port}");
        var trusted = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(CertificateFile);
        client = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == trusted.Thumbprint,
        }) { BaseAddress = BaseAddress };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { if (!node.HasExited) node.Kill(); };
    }

    public static async Task<TestPushService> StartAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (shared is { node.HasExited: false })
                return shared;
            var folder = Path.GetDirectoryName(CertificateFile)!;
            Directory.CreateDirectory(folder);
            var key = Path.Combine(folder, "key.pem");
            await RunAsync("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", CertificateFile, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
            var start = new ProcessStartInfo("node", [Path.Combine(ThirdPartyParsers.InteropFolder, "fake-push-service.js"), CertificateFile, key])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = ThirdPartyParsers.InteropFolder,
            };
            var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var line = await node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (line?.StartsWith("listening ", StringComparison.Ordinal) != true)
                Assert.Fail($"fake push service: {line} {await node.StandardError.ReadToEndAsync()}");
            return shared = new TestPushService(node, int.Parse(line!["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>What a browser's <c>PushSubscription.toJSON()</c> gives: the push service made the endpoint, the "browser" its P-256 key pair and auth secret.</summary>
    public async Task<FakeSubscription> NewSubscriptionAsync()
    {
        using var response = await client.PostAsync("/subscriptions", null);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var keys = json.GetProperty("keys");
        return new(json.GetProperty("id").GetString()!, json.GetProperty("endpoint").GetString()!,
            keys.GetProperty("p256dh").GetString()!, keys.GetProperty("auth").GetString()!);
    }

    /// <summary>Every message the service accepted for the subscription, decrypted; or the error it refused one with.</summary>
    public async Task<List<JsonElement>> ReceivedAsync(FakeSubscription subscription) =>
        (await client.GetFromJsonAsync<List<JsonElement>>($"/subscriptions/{subscription.Id}/received"))!;

    /// <summary>From now on the service answers pushes to this subscription with <paramref name="status"/> (410: the browser unsubscribed).</summary>
    public async Task AnswerAsync(FakeSubscription subscription, int status)
    {
        using var response = await client.PostAsJsonAsync($"/subscriptions/{subscription.Id}/answer", new { status });
        response.EnsureSuccessStatusCode();
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} failed: {await errors}");
    }
}

public sealed record FakeSubscription(string Id, string Endpoint, string P256dh, string Auth);
