using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Rathausplatz.Tests.Support;

/// <summary>
/// A real SMTP server on a free loopback port that keeps every message it accepted, so tests read
/// the mails the app sent. It can be stopped and started again on the same port to play an outage.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly MessageRecorder recorder = new();
    private readonly RecipientFilter filter = new();
    private SmtpServer.SmtpServer? server;
    private Task running = Task.CompletedTask;

    /// <summary>Chosen by the operating system at the first start and kept for restarts.</summary>
    public int Port { get; private set; }

    public IReadOnlyList<MimeMessage> Messages => recorder.Messages;

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The first mail to <paramref name="address"/>, waiting for it to arrive if need be.</summary>
    public async Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var next = recorder.NextArrival;
            if (MessagesTo(address) is [var first, ..])
                return first;
            try
            {
                await next.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No mail to {address} arrived; the server has {Messages.Count} other(s).");
            }
        }
    }

    public async Task StartAsync()
    {
        if (server is not null)
            return;
        var listeners = new NoDelayListeners();
        var started = listeners.Started;

        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(recorder);
        services.Add(filter);
        services.Add(listeners);
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(CancellationToken.None);

        // Fails fast if the listener cannot bind instead of waiting for the timeout.
        var first = await Task.WhenAny(started.Task, running).WaitAsync(TimeSpan.FromSeconds(10));
        if (first == running)
            await running;
        Port = await started.Task;
    }

    /// <summary>Closes the port: connections are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (server is null)
            return;
        server.Shutdown();
        await server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        server = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>From now on RCPT TO this address is answered with a permanent error (5xx), as for a mailbox that does not exist.</summary>
    public void Refuse(string address) => filter.Refused[address.ToLowerInvariant()] = true;

    /// <summary>
    /// The library's own listener with Nagle's algorithm off. The server answers a pipelined
    /// MAIL, RCPT and DATA in separate small writes; with Nagle on, each later answer waits for the
    /// client's delayed ACK (40 ms on Linux), which held every message for 40 ms and more.
    /// </summary>
    private sealed class NoDelayListeners : IEndpointListenerFactory
    {
        public TaskCompletionSource<int> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IEndpointListener CreateListener(IEndpointDefinition endpoint)
        {
            var listener = new TcpListener(endpoint.Endpoint);
            listener.Start();
            Started.TrySetResult(((IPEndPoint)listener.LocalEndpoint).Port);
            return new Listener(listener);
        }
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = listener.LocalEndpoint;
            context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        public PipeReader Input { get; } = PipeReader.Create(client.GetStream());
        public PipeWriter Output { get; } = PipeWriter.Create(client.GetStream());
        public bool IsSecure => false;
        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The test server speaks plain SMTP only.");

        public void Dispose() => client.Dispose();
    }

    private sealed class RecipientFilter : MailboxFilter
    {
        public readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Refused = new();

        public override Task<bool> CanDeliverToAsync(ISessionContext context, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!Refused.ContainsKey($"{to.User}@{to.Host}".ToLowerInvariant()));
    }

    private sealed class MessageRecorder : MessageStore
    {
        private readonly List<MimeMessage> messages = [];
        private TaskCompletionSource arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the next message is stored.</summary>
        public Task NextArrival
        {
            get { lock (messages) return arrival.Task; }
        }

        public IReadOnlyList<MimeMessage> Messages
        {
            get { lock (messages) return messages.ToList(); }
        }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            TaskCompletionSource arrived;
            lock (messages)
            {
                messages.Add(message);
                arrived = arrival;
                arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            arrived.SetResult();
            return SmtpResponse.Ok;
        }
    }
}
