using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Features.Newsroom;

namespace Rathausplatz.Features.Delivery.Push;

/// <summary>
/// Web push (RFC 8030) with Lib.Net.Http.WebPush: the payload <c>{title, body, url, severity, tag}</c>
/// encrypted for the browser (RFC 8291, aes128gcm) and signed with the installation's VAPID key
/// (RFC 8292). Alerts go with <c>Urgency: high</c>; every message carries the post as its
/// <c>Topic</c>, so a resend replaces a copy the push service still holds.
/// </summary>
/// <remarks>
/// There is no point of no return to commit at (the push service answers after it has the whole
/// message), so the engine commits after the 201: at least once. A crash between the push service's
/// answer and the commit sends again after the lease; the same Topic replaces an undelivered copy and
/// the same notification tag (the post id) replaces a shown one, so the person sees one notification.
/// </remarks>
public sealed class WebPushChannel(
    AppDb db, VapidKeyStore vapid, IHttpClientFactory http, IOptions<PushOptions> options, IOptions<SmtpOptions> smtp,
    IStringLocalizer<SharedResource> text) : IDeliveryChannel
{
    private readonly AppDb db = db;
    private readonly VapidKeyStore vapid = vapid;
    private readonly IHttpClientFactory http = http;
    private readonly IOptions<PushOptions> options = options;
    private readonly IOptions<SmtpOptions> smtp = smtp;
    private readonly IStringLocalizer<SharedResource> text = text;

    // The lane's claimed subscriptions with their keys: read once per batch in RecipientsAsync, used by the session.
    private readonly Dictionary<Guid, (string Endpoint, string P256dh, string Auth)> keys = [];

    public async Task<IReadOnlyDictionary<Guid, DeliveryRecipient>?> RecipientsAsync(IReadOnlyCollection<Guid> ids, Guid postId, CancellationToken ct)
    {
        var rows = await db.Set<PushSubscription>().AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Endpoint, s.P256dh, s.Auth, s.Language }).ToListAsync(ct);
        foreach (var row in rows)
            keys[row.Id] = (row.Endpoint, row.P256dh, row.Auth);
        return rows.ToDictionary(r => r.Id, r => new DeliveryRecipient(r.Id, postId, DeliveryChannel.Push, r.Endpoint, r.Language, ""));
    }

    public IDeliverySession OpenSession(DeliveryLetter letter) => new Session(this, letter);

    private sealed class Session(WebPushChannel channel, DeliveryLetter letter) : IDeliverySession
    {
        private PushServiceClient? client;
        private VapidAuthentication? authentication;

        public async Task<SendResult> SendAsync(DeliveryRecipient recipient, SendCommit commit, CancellationToken ct)
        {
            if (!channel.keys.TryGetValue(recipient.SubscriptionId, out var target))
                return new SendResult(SendOutcome.RefusedForGood, "Push subscription gone");
            if (client is null)
            {
                var keys = await channel.vapid.GetAsync(ct);
                var settings = channel.options.Value;
                authentication = new VapidAuthentication(keys.PublicKey, keys.PrivateKey)
                {
                    Subject = settings.Subject ?? $"mailto:{channel.smtp.Value.FromAddress}",
                };
                client = new PushServiceClient(channel.http.CreateClient(PushSetup.HttpClientName))
                {
                    DefaultAuthentication = authentication,
                    DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
                    // Retries are the engine's (backoff with jitter, counted attempts), not the library's.
                    AutoRetryAfter = false,
                };
            }
            var subscription = new Lib.Net.Http.WebPush.PushSubscription { Endpoint = target.Endpoint };
            subscription.SetKey(PushEncryptionKeyName.P256DH, target.P256dh);
            subscription.SetKey(PushEncryptionKeyName.Auth, target.Auth);
            var message = new PushMessage(Payload(recipient.Language))
            {
                // 32 characters of the URL-safe alphabet, as RFC 8030 asks of a Topic.
                Topic = recipient.PostId.ToString("N"),
                TimeToLive = (int)channel.options.Value.TimeToLive.TotalSeconds,
                Urgency = letter.Type == PostType.Alert ? PushMessageUrgency.High : PushMessageUrgency.Normal,
            };
            try
            {
                await client.RequestPushMessageDeliveryAsync(subscription, message, ct);
                return SendResult.Sent;
            }
            catch (PushServiceClientException refused) when (refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                // The browser unsubscribed or the subscription expired: it will never work again (RFC 8030 §7.3).
                await channel.db.Set<PushSubscription>().Where(s => s.Id == recipient.SubscriptionId).ExecuteDeleteAsync(CancellationToken.None);
                return new SendResult(SendOutcome.RefusedForGood, $"Push {(int)refused.StatusCode}: subscription removed");
            }
            catch (PushServiceClientException busy) when ((int)busy.StatusCode == 429 || (int)busy.StatusCode >= 500)
            {
                return new SendResult(SendOutcome.RetryLater, $"Push {(int)busy.StatusCode}");
            }
            catch (PushServiceClientException refused)
            {
                // 400, 403 (a key the subscription was not made with), 413: sending again changes nothing.
                return new SendResult(SendOutcome.RefusedForGood, $"Push {(int)refused.StatusCode}");
            }
            catch (HttpRequestException lost) when (lost.InnerException is OutboundAddressRefusedException || lost.GetBaseException() is OutboundAddressRefusedException)
            {
                await channel.db.Set<PushSubscription>().Where(s => s.Id == recipient.SubscriptionId).ExecuteDeleteAsync(CancellationToken.None);
                return new SendResult(SendOutcome.RefusedForGood, "Push endpoint internal: subscription removed");
            }
            catch (Exception lost) when (lost is HttpRequestException or IOException || (lost is TaskCanceledException && !ct.IsCancellationRequested))
            {
                // One push service away says nothing about the others in the batch: no ConnectionLost. No exception text (it can hold the endpoint).
                return new SendResult(SendOutcome.RetryLater, $"Push {lost.GetType().Name}");
            }
        }

        private string Payload(string language)
        {
            var (title, summary) = letter.In(language);
            var previous = System.Globalization.CultureInfo.CurrentUICulture;
            System.Globalization.CultureInfo.CurrentUICulture = language == "en" ? Web.Localization.Cultures[1] : Web.Localization.Cultures[0];
            try
            {
                var kind = letter.Type == PostType.Alert ? channel.text[PostTypeNames.Of(letter.Severity ?? AlertSeverity.Warning)].Value + ": " : "";
                return JsonSerializer.Serialize(new
                {
                    title = kind + title,
                    body = summary,
                    url = letter.Link,
                    severity = letter.Severity?.ToString().ToLowerInvariant(),
                    tag = letter.PostId.ToString("N"),
                });
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentUICulture = previous;
            }
        }

        public ValueTask DisposeAsync()
        {
            authentication?.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
