using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Delivery.Digests;

/// <summary>
/// The digest job of one organisation, frequency and moment: claims the due digest rows a subscription
/// at a time, sends each subscriber one mail listing its posts, and commits all of that mail's rows at
/// its commit point (the held-back last byte, <see cref="CommitPointStream"/>), so a crash, a retry or
/// a second node neither loses nor doubles a digest — as for immediate mails (docs/delivery.md).
/// </summary>
/// <remarks>
/// The claim takes every due digest row of the organisation, whatever job found it: on the weekly day
/// the daily and the weekly job meet at the same moment, and whichever runs first sends both kinds; the
/// other finds nothing. One connection per job (digests are one mail per subscriber, not per post).
/// </remarks>
public sealed class SendDigests(
    AppDb db, TenantContext tenant, JobQueue jobs, DeliveryStore store, DigestStore digests, RecordDeliveryOutcome outcomes,
    SubscriptionTokens tokens, ChannelLimits limits, IOptions<DeliveryOptions> options, IOptions<SmtpOptions> smtp, MailSigner signer,
    IStringLocalizer<SharedResource> text, ILogger<SendDigests> log) : IJobHandler
{
    public const string JobKind = "delivery-digest";

    public sealed record Payload(DeliveryFrequency Frequency, DateTime Moment);

    /// <summary>The job of this organisation's digest moment; a second call for the same moment finds it stored.</summary>
    public static Task ScheduleAsync(JobQueue jobs, Guid organizationId, DeliveryFrequency frequency, DateTime moment, CancellationToken ct) =>
        jobs.EnqueueAsync(JobKind, new Payload(frequency, moment), Key(organizationId, frequency, moment), JobPriority.Normal, moment, ct);

    private static string Key(Guid organizationId, DeliveryFrequency frequency, DateTime moment) =>
        $"{JobKind}:{organizationId:N}:{(int)frequency}:{moment.Ticks}";

    public async Task RunAsync(Job job, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.Payload) ?? throw new PermanentJobFailure("Empty payload.");
        var organization = tenant.OrganizationId ?? throw new PermanentJobFailure("A digest job belongs to an organisation.");
        var settings = options.Value;
        var until = Stopwatch.GetTimestamp() + (long)(settings.TimeSlice.TotalSeconds * Stopwatch.Frequency);
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.CreateVersion7():N}";

        var semaphore = limits.For(DeliveryChannel.Email);
        await semaphore.WaitAsync(ct);
        try
        {
            await using var connection = new SmtpSession(smtp.Value, signer);
            while (Stopwatch.GetTimestamp() < until && !ct.IsCancellationRequested)
            {
                var batch = await digests.ClaimAsync(organization, owner, settings.ClaimBatch, settings.Lease, ct);
                if (batch.Count == 0 || !await SendBatchAsync(batch, organization, owner, connection, ct))
                    break;
            }
        }
        finally
        {
            semaphore.Release();
        }

        // Successor: now if the slice ended with due rows left, else at the next retry or lease expiry.
        DateTime? next = await digests.AnyDueAsync(organization, ct) ? DateTime.MinValue : await digests.NextWorkAsync(organization, ct);
        if (next is { } at)
            await jobs.EnqueueAsync(JobKind, payload, $"{Key(organization, payload.Frequency, payload.Moment)}:{job.Id:N}", JobPriority.Normal,
                at == DateTime.MinValue ? null : at, ct);
    }

    /// <summary>Sends one digest per subscription of the batch; false when the server went away (the rest waits for the retry).</summary>
    private async Task<bool> SendBatchAsync(List<Delivery> batch, Guid organization, string owner, SmtpSession connection, CancellationToken ct)
    {
        var settings = options.Value;
        var letters = await DeliveryLetters.LoadAsync(db, batch.Select(d => d.PostId).Distinct().ToList(), ct);
        var ids = batch.Select(d => d.SubscriptionId).Distinct().ToList();
        // By primary key alone, organisation checked in memory (see SendDeliveries for why).
        var subscriptions = await db.Set<Subscription>().IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var groups = batch.GroupBy(d => d.SubscriptionId).ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            var rows = groups[g].OrderBy(d => d.CreatedAt).ThenBy(d => d.PostId).ToList();
            if (!subscriptions.TryGetValue(groups[g].Key, out var subscription) || subscription.State != SubscriptionState.Confirmed
                || subscription.OrganizationId != organization)
            {
                // Unsubscribed or disabled since the fan-out: nothing to send.
                foreach (var row in rows)
                    await store.FinishAsync(row, owner, DeliveryState.Skipped, null, ct);
                continue;
            }
            // Posts pulled back since the fan-out are left out of the digest.
            foreach (var row in rows.Where(r => !letters.ContainsKey(r.PostId)).ToList())
            {
                await store.FinishAsync(row, owner, DeliveryState.Skipped, null, ct);
                rows.Remove(row);
            }
            if (rows.Count == 0)
                continue;

            await using var commit = new SendCommit(() => digests.PrepareSentAsync(rows, owner, CancellationToken.None));
            SendResult result;
            try
            {
                var message = DigestMail.Compose(text, smtp.Value, subscription, tokens.ForManagement(subscription), rows.Select(r => letters[r.PostId]).ToList());
                result = await connection.SendAsync(message, $"digest.{subscription.Id:N}.{rows[0].PostId:N}.eml", commit, ct);
            }
            catch (MimeKit.ParseException)
            {
                result = new SendResult(SendOutcome.RefusedForGood, "Address not usable", AddressRefused: true);
            }
            if (commit.Committed == false)
                continue; // Another worker took these rows over; it sends the digest, not us.
            switch (result.Outcome)
            {
                case SendOutcome.Sent:
                    if (commit.Committed is null)
                        await digests.MarkSentAsync(rows, owner, CancellationToken.None);
                    if (subscription.PermanentFailures > 0)
                        await outcomes.AcceptedAsync(subscription.Id, CancellationToken.None);
                    break;
                case SendOutcome.RefusedForGood:
                    foreach (var row in rows)
                        await store.FinishAsync(row, owner, DeliveryState.Failed, result.Error, CancellationToken.None);
                    if (result.AddressRefused)
                        await outcomes.PermanentFailureAsync(subscription.Id, settings.DisableAfterPermanentFailures, CancellationToken.None);
                    break;
                default:
                    foreach (var row in rows)
                        await store.RetryLaterAsync(row, owner, result.Error ?? "", settings.MaxAttempts, CancellationToken.None);
                    if (result.ConnectionLost)
                    {
                        foreach (var row in groups.Skip(g + 1).SelectMany(x => x))
                            await store.RetryLaterAsync(row, owner, result.Error ?? "", settings.MaxAttempts, CancellationToken.None);
                        log.LogWarning("Digests paused: {Error}", result.Error);
                        return false;
                    }
                    break;
            }
        }
        return true;
    }
}
