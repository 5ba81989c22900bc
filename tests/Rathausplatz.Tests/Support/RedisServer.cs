using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Rathausplatz.Data;

namespace Rathausplatz.Tests.Support;

/// <summary>A throwaway Debian <c>redis-server</c> on a free loopback port, without persistence, for this test run only.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? process;

    public int Port { get; private set; }

    public string Configuration => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        Port = FreePort();
        process = Process.Start(new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start (scripts/test installs it as root: apt-get install redis-server).");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var tries = 0; ; tries++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (tries < 100 && !process.HasExited)
            {
                await Task.Delay(50); // waiting for a process to listen, not for app time
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process?.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>The app on SQLite with its output cache in Redis, as several nodes run it.</summary>
public sealed class RedisCacheApp() : RathausplatzApp(DatabaseProvider.Sqlite)
{
    private readonly RedisServer redis = new();

    protected override Task StartServicesAsync() => redis.StartAsync();

    protected override ValueTask StopServicesAsync() => redis.DisposeAsync();

    protected override IEnumerable<KeyValuePair<string, string?>> MoreSettings() => [new("OutputCache:Redis", redis.Configuration)];
}
