using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Rathausplatz.Features.Delivery;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Delivery;

/// <summary>
/// The library behaviour the e-mail channel's commit point stands on (docs/delivery.md, "Exactly once"):
/// <see cref="SendCommit.CommitAsync"/> returns with Npgsql's COMMIT already sent, so the channel writes its
/// last byte right behind it and only then waits for the answer. The crash test shows the result in the
/// large; this shows the assumption itself, with PostgreSQL's answers held back by a proxy in between.
/// </summary>
public sealed class SendCommitTests
{
    [Fact]
    public async Task TheCommitIsSentBeforeItsAnswerIsAwaited()
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)
            ?? throw new InvalidOperationException($"{TestDatabase.PostgresVariable} is not set: run scripts/test.")) { Database = "postgres" };
        await using var proxy = AnswerHoldingProxy.Start(server.Host!, server.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Pooling = false, SslMode = SslMode.Disable };
        var table = $"send_commit_{Guid.CreateVersion7():N}";
        await using var db = new DbContext(new DbContextOptionsBuilder().UseNpgsql(throughProxy.ConnectionString).Options);
        string create = $"CREATE TABLE {table} (sent boolean)", insert = $"INSERT INTO {table} VALUES (true)";
        // One connection for the whole test: the proxy passes one through.
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(create);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(insert);
            await using var commit = new SendCommit(() => Task.FromResult<IDbContextTransaction?>(transaction));
            await commit.PrepareAsync();

            proxy.HoldAnswers();
            var committing = commit.CommitAsync();
            var commitArrived = await proxy.WaitForClientTextAsync("COMMIT", TimeSpan.FromSeconds(15));
            var answeredWhileHeld = committing.IsCompleted;
            proxy.ReleaseAnswers();
            await committing.WaitAsync(TimeSpan.FromSeconds(15));

            Assert.True(commitArrived, "The COMMIT did not reach the server while its answer was held back.");
            Assert.False(answeredWhileHeld);
            Assert.True(commit.Committed);
            await using var direct = new NpgsqlConnection(server.ConnectionString);
            await direct.OpenAsync();
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", direct);
            Assert.Equal(1L, await count.ExecuteScalarAsync());
        }
        finally
        {
            await using var direct = new NpgsqlConnection(server.ConnectionString);
            await direct.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP TABLE IF EXISTS {table}", direct);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>One connection passed through to the server; what the client sends is recorded, and the server's answers can be held back.</summary>
    private sealed class AnswerHoldingProxy : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private readonly StringBuilder fromClient = new();
        private volatile TaskCompletionSource answersMayPass = Released();
        private Task? pumping;

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public static AnswerHoldingProxy Start(string host, int port)
        {
            var proxy = new AnswerHoldingProxy();
            proxy.listener.Start();
            proxy.pumping = proxy.PumpAsync(host, port);
            return proxy;
        }

        public void HoldAnswers() => answersMayPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void ReleaseAnswers() => answersMayPass.TrySetResult();

        public async Task<bool> WaitForClientTextAsync(string text, TimeSpan timeout)
        {
            var waiting = System.Diagnostics.Stopwatch.StartNew();
            while (waiting.Elapsed < timeout)
            {
                lock (fromClient)
                    if (fromClient.ToString().Contains(text, StringComparison.Ordinal))
                        return true;
                await Task.Delay(10);
            }
            return false;
        }

        private async Task PumpAsync(string host, int port)
        {
            using var client = await listener.AcceptTcpClientAsync(stop.Token);
            using var server = new TcpClient { NoDelay = true };
            await server.ConnectAsync(host, port, stop.Token);
            client.NoDelay = true;
            await Task.WhenAll(CopyAsync(client.GetStream(), server.GetStream(), record: true), CopyAsync(server.GetStream(), client.GetStream(), record: false));
        }

        private async Task CopyAsync(NetworkStream from, NetworkStream to, bool record)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
                {
                    if (record)
                        lock (fromClient)
                            fromClient.Append(Encoding.Latin1.GetString(buffer, 0, read));
                    else
                        await answersMayPass.Task.WaitAsync(stop.Token);
                    await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
            }
            finally
            {
                try { to.Socket.Shutdown(SocketShutdown.Send); }
                catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
            }
        }

        private static TaskCompletionSource Released()
        {
            var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            released.SetResult();
            return released;
        }

        public async ValueTask DisposeAsync()
        {
            answersMayPass.TrySetResult();
            await stop.CancelAsync();
            listener.Stop();
            if (pumping is not null)
                await pumping.ContinueWith(_ => { }, TaskScheduler.Default);
            stop.Dispose();
        }
    }
}
