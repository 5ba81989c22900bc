using Microsoft.Extensions.Options;
using MimeKit;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;

namespace Rathausplatz.Features.Delivery.Email;

public enum BounceOutcome { NotABounce, NotPermanent, NotOurs, Counted }

/// <summary>
/// A bounce that arrives later as a mail counts against the address like an SMTP 5xx at sending:
/// <c>Delivery:DisableAfterPermanentFailures</c> in a row and the subscription is disabled.
/// </summary>
/// <remarks>
/// The mail it is about is found by its Message-ID alone (<c>{post}.{subscription}.{channel}@{our
/// domain}</c>, set per delivery), and the failed recipient must be that subscription's address. Anyone
/// can send a DSN-shaped mail to the bounce address; without the subscription's random id (in no page,
/// only in the mail the address received) it cannot count against anybody.
/// </remarks>
public sealed class ProcessBounce(AppDb db, TenantContext tenant, RecordDeliveryOutcome outcomes, IOptions<DeliveryOptions> delivery,
    IOptions<SmtpOptions> smtp)
{
    public async Task<BounceOutcome> RunAsync(MimeMessage message, CancellationToken ct)
    {
        if (BounceReport.Read(message) is not { } report)
            return BounceOutcome.NotABounce;
        if (report.PermanentlyFailed.Count == 0)
            return BounceOutcome.NotPermanent; // "delayed" or 4.x.x: the sending server still tries
        if (Delivery(report.OriginalMessageId) is not { } sent)
            return BounceOutcome.NotOurs;
        var subscription = await db.Set<Subscription>().IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Id == sent.SubscriptionId).Select(s => new { s.Id, s.OrganizationId, s.Email }).SingleOrDefaultAsync(ct);
        var failure = report.PermanentlyFailed.FirstOrDefault(f => f.Address == subscription?.Email);
        if (subscription is null || failure is null)
            return BounceOutcome.NotOurs;

        tenant.Enter(subscription.OrganizationId);
        await outcomes.BouncedAsync(subscription.Id, delivery.Value.DisableAfterPermanentFailures, ct);
        // The editor's log shows it: the mail the server had accepted did not arrive after all.
        if (sent.Channel == DeliveryChannel.Email && sent.PostId is { } post)
            await db.Set<Delivery>().Where(d => d.PostId == post && d.SubscriptionId == subscription.Id && d.Channel == DeliveryChannel.Email
                    && d.State == DeliveryState.Sent)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Failed).SetProperty(d => d.LastError, $"Bounce {failure.Status}"), ct);
        return BounceOutcome.Counted;
    }

    /// <summary>The delivery a Message-ID of ours names; the first part is the post (post mails) or a hash of the posts (digests).</summary>
    private (Guid? PostId, Guid SubscriptionId, DeliveryChannel Channel)? Delivery(string? messageId)
    {
        var ours = "@" + smtp.Value.FromAddress.Split('@').Last();
        if (messageId is null || !messageId.EndsWith(ours, StringComparison.OrdinalIgnoreCase))
            return null;
        var parts = messageId[..^ours.Length].Split('.');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[1], "N", out var subscription) || !int.TryParse(parts[2], out var channel)
            || !Enum.IsDefined((DeliveryChannel)channel))
            return null;
        return (Guid.TryParseExact(parts[0], "N", out var post) ? post : null, subscription, (DeliveryChannel)channel);
    }
}

/// <summary>
/// <c>Rathausplatz bounce &lt; message</c>: the MTA pipes each mail that reaches the bounce address
/// (the envelope sender of our mails) into this command. Exit code 0 whatever the mail was, so the MTA
/// never bounces a bounce; 75 (EX_TEMPFAIL) when the database could not be reached, so it tries again.
/// </summary>
public static class BounceCommand
{
    public static async Task<bool> RunBounceCommandAsync(this WebApplication app, string[] args, Stream? input = null)
    {
        if (args.Length == 0 || args[0] != "bounce")
            return false;
        try
        {
            var message = await MimeMessage.LoadAsync(input ?? Console.OpenStandardInput());
            await using var scope = app.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<ProcessBounce>().RunAsync(message, CancellationToken.None);
            // The outcome only: no address in the MTA's log.
            Console.WriteLine(outcome);
        }
        catch (FormatException)
        {
            Console.WriteLine(BounceOutcome.NotABounce);
        }
        catch (Exception database) when (database is System.Data.Common.DbException or TimeoutException)
        {
            Console.Error.WriteLine($"bounce: {database.GetType().Name}");
            Environment.ExitCode = 75;
        }
        return true;
    }
}
