using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Rathausplatz.BrowserTests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port that keeps every mail it receives, so tests read
/// what the app really sent over the wire (MailKit → SMTP → MimeKit).
/// </summary>
public sealed class MailSink : IAsyncDisposable
{
    private readonly List<MimeMessage> received = [];
    private readonly Lock gate = new();
    private readonly SmtpServer.SmtpServer server;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task running;
    // Completed and replaced whenever a mail arrives, so waiters re-check without polling.
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MailSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stopping.Token);
    }

    public int Port { get; }

    public static MailSink Start() => new(FreeTcpPort());

    public IReadOnlyList<MimeMessage> Received
    {
        get { lock (gate) return [.. received]; }
    }

    /// <summary>Waits for the first mail (received before or after the call) that matches.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, string description, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task next;
            lock (gate)
            {
                var found = received.FirstOrDefault(match);
                if (found is not null)
                    return found;
                next = arrived.Task;
            }
            try
            {
                await next.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                var subjects = string.Join(", ", Received.Select(m => $"\"{m.Subject}\" to {m.To}"));
                throw new TimeoutException($"No mail {description} arrived in time. Received: [{subjects}]");
            }
        }
    }

    private void Add(MimeMessage message)
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            received.Add(message);
            wake = arrived;
            arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        wake.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        server.Shutdown();
        await stopping.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Expected: the server stops by cancellation.
        }
        stopping.Dispose();
    }

    /// <summary>A port the OS just handed out; released at once for the server to bind.</summary>
    internal static int FreeTcpPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class Store(MailSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            sink.Add(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
