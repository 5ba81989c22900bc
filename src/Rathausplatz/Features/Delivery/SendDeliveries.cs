using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Delivery;

/// <summary>
/// Sends the queued deliveries of one post over one channel: a few lanes in parallel (one connection
/// each, limited per node by <see cref="ChannelLimits"/>), each claiming small batches and marking
/// every delivery as it goes, so a crash, a retry or a second node never sends one twice and a restart
/// goes on where the last one stopped. After a time slice, or when only retries lie ahead, it queues
/// its successor and ends, so an alert queued meanwhile runs first.
/// </summary>
public sealed class SendDeliveries(
    AppDb db, TenantContext tenant, IServiceScopeFactory scopes, JobQueue jobs, ChannelLimits limits,
    IOptions<DeliveryOptions> options, TimeProvider time, ILogger<SendDeliveries> log) : IJobHandler
{
    public const string JobKind = "delivery-send";

    public sealed record Payload(Guid PostId, DeliveryChannel Channel, bool Alert);

    public static Task StartAsync(JobQueue jobs, Guid postId, DeliveryChannel channel, bool alert, string cause, CancellationToken ct) =>
        jobs.EnqueueAsync(JobKind, new Payload(postId, channel, alert), $"{JobKind}:{postId:N}:{(int)channel}:{cause}",
            alert ? JobPriority.Alert : JobPriority.Normal, ct: ct);

    public async Task RunAsync(Job job, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.Payload) ?? throw new PermanentJobFailure("Empty payload.");
        await RunAsync(payload, $"{job.Id:N}", ct);
    }

    /// <summary>Sends until done or the slice is used up; queues the successor (keyed by <paramref name="cause"/>) if work is left.</summary>
    public async Task RunAsync(Payload payload, string cause, CancellationToken ct)
    {
        var letter = await LetterAsync(payload.PostId, ct);
        var settings = options.Value;
        var organization = tenant.OrganizationId!.Value;
        var until = Stopwatch.GetTimestamp() + (long)(settings.TimeSlice.TotalSeconds * Stopwatch.Frequency);
        var lanes = Enumerable.Range(0, Math.Max(1, settings.ConcurrencyOf(payload.Channel)))
            .Select(_ => LaneAsync(organization, payload, letter, until, ct));
        await Task.WhenAll(lanes);

        if (await new DeliveryStore(db, time).NextWorkAsync(payload.PostId, payload.Channel, ct) is { } next)
        {
            var now = time.GetUtcNow().UtcDateTime;
            await jobs.EnqueueAsync(JobKind, payload, $"{JobKind}:{payload.PostId:N}:{(int)payload.Channel}:{cause}",
                payload.Alert ? JobPriority.Alert : JobPriority.Normal, next > now ? next : now, ct);
        }
    }

    private async Task LaneAsync(Guid organization, Payload payload, DeliveryLetter? letter, long until, CancellationToken ct)
    {
        var semaphore = limits.For(payload.Channel);
        await semaphore.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organization);
            var laneDb = scope.ServiceProvider.GetRequiredService<AppDb>();
            // One connection for the lane's life: EF would open and close one around each of the several statements per mail.
            await laneDb.Database.OpenConnectionAsync(ct);
            var store = scope.ServiceProvider.GetRequiredService<DeliveryStore>();
            var outcomes = scope.ServiceProvider.GetRequiredService<RecordDeliveryOutcome>();
            var tokens = scope.ServiceProvider.GetRequiredService<SubscriptionTokens>();
            var channel = scope.ServiceProvider.GetRequiredKeyedService<IDeliveryChannel>(payload.Channel);
            // Unique per lane: the lease tells lanes of one job apart as well as nodes.
            var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.CreateVersion7():N}";
            var settings = options.Value;
            IDeliverySession? session = null;
            try
            {
                while (Stopwatch.GetTimestamp() < until && !ct.IsCancellationRequested)
                {
                    var batch = await store.ClaimAsync(payload.PostId, payload.Channel, owner, settings.ClaimBatch, settings.Lease, ct);
                    if (batch.Count == 0)
                        return;
                    var ids = batch.Select(d => d.SubscriptionId).ToList();
                    // A channel with its own subscriptions (push) finds its recipients; e-mail's are read here,
                    // by primary key alone: with the tenant filter beside it, SQLite (no statistics) walks the
                    // organisation's index instead, all of its subscriptions for every batch. The ids come from this
                    // organisation's delivery rows; the organisation is still checked, below.
                    var own = await channel.RecipientsAsync(ids, payload.PostId, ct);
                    var recipients = own is not null ? [] : await laneDb.Set<Subscription>().IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.Id))
                        .ToDictionaryAsync(s => s.Id, ct);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        var delivery = batch[i];
                        DeliveryRecipient? recipient = null;
                        Subscription? subscription = null;
                        if (letter is not null && own is not null)
                            own.TryGetValue(delivery.SubscriptionId, out recipient);
                        else if (letter is not null && recipients.TryGetValue(delivery.SubscriptionId, out subscription) && subscription.State == SubscriptionState.Confirmed
                            && subscription.OrganizationId == organization)
                            recipient = new DeliveryRecipient(subscription.Id, payload.PostId, payload.Channel, subscription.Email,
                                subscription.Language, tokens.ForManagement(subscription));
                        if (letter is null || recipient is null)
                        {
                            // Unsubscribed, disabled or the post pulled back since the fan-out: nothing to send.
                            await store.FinishAsync(delivery, owner, DeliveryState.Skipped, null, ct);
                            continue;
                        }
                        session ??= channel.OpenSession(letter);
                        await using var commit = new SendCommit(() => store.PrepareSentAsync(delivery, owner, CancellationToken.None));
                        var result = await session.SendAsync(recipient, commit, ct);
                        if (commit.Committed == false)
                            continue; // Another worker took the row over; it sends the message, not us.
                        switch (result.Outcome)
                        {
                            case SendOutcome.Sent:
                                if (commit.Committed is null)
                                    await store.MarkSentAsync(delivery, owner, CancellationToken.None);
                                if (subscription is { PermanentFailures: > 0 })
                                    await outcomes.AcceptedAsync(subscription.Id, CancellationToken.None);
                                break;
                            case SendOutcome.RefusedForGood:
                                await store.FinishAsync(delivery, owner, DeliveryState.Failed, result.Error, CancellationToken.None);
                                if (result.AddressRefused && subscription is not null)
                                    await outcomes.PermanentFailureAsync(subscription.Id, settings.DisableAfterPermanentFailures, CancellationToken.None);
                                break;
                            default:
                                await store.RetryLaterAsync(delivery, owner, result.Error ?? "", settings.MaxAttempts, CancellationToken.None);
                                if (result.ConnectionLost)
                                {
                                    // The server is away: the rest of the batch waits for the retry too, without a try each.
                                    foreach (var waiting in batch.Skip(i + 1))
                                        await store.RetryLaterAsync(waiting, owner, result.Error ?? "", settings.MaxAttempts, CancellationToken.None);
                                    log.LogWarning("Delivery of post {PostId} over {Channel} paused: {Error}", payload.PostId, payload.Channel, result.Error);
                                    return;
                                }
                                break;
                        }
                    }
                }
            }
            finally
            {
                if (session is not null)
                    await session.DisposeAsync();
            }
        }
        finally
        {
            semaphore.Release();
        }
    }

    /// <summary>The post as mails tell it; null when it is no longer published (its remaining deliveries are skipped).</summary>
    private async Task<DeliveryLetter?> LetterAsync(Guid postId, CancellationToken ct) =>
        (await DeliveryLetters.LoadAsync(db, [postId], ct)).GetValueOrDefault(postId);
}

/// <summary>Thrown at the commit point when the claim was lost: the channel must not let the message go out.</summary>
public sealed class LeaseLostException() : Exception("The delivery's lease was lost before sending.");

/// <summary>Per node and channel, how many connections may be open at once, whichever jobs hold them.</summary>
public sealed class ChannelLimits(IOptions<DeliveryOptions> options)
{
    private readonly SemaphoreSlim email = new(Math.Max(1, options.Value.EmailConcurrency));
    private readonly SemaphoreSlim push = new(Math.Max(1, options.Value.PushConcurrency));

    public SemaphoreSlim For(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Push => push,
        _ => email,
    };
}
