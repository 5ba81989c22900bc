using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Rathausplatz.Features.Newsroom;

namespace Rathausplatz.Features.Delivery.Email;

/// <summary>
/// Post mails over SMTP (MailKit) with the installation's mail settings: one connection per session,
/// reused for every message of a lane; HTML and plain text in the subscriber's language; the
/// preferences link and RFC 8058 one-click unsubscribe headers in every mail.
/// </summary>
public sealed class EmailChannel(IOptions<SmtpOptions> options, IStringLocalizer<SharedResource> text) : IDeliveryChannel
{
    public IDeliverySession OpenSession(DeliveryLetter letter) => new Session(options.Value, letter, text);

    private sealed class Session(SmtpOptions smtp, DeliveryLetter letter, IStringLocalizer<SharedResource> text) : IDeliverySession
    {
        private readonly SmtpClient client = new();
        private CommitPointStream? connection;

        public async Task<SendResult> SendAsync(DeliveryRecipient recipient, Func<Task> commit, CancellationToken ct)
        {
            try
            {
                var message = Compose(recipient);
                if (string.IsNullOrWhiteSpace(smtp.Host))
                {
                    Directory.CreateDirectory(smtp.PickupFolder);
                    await message.WriteToAsync(Path.Combine(smtp.PickupFolder, $"{recipient.PostId:N}.{recipient.SubscriptionId:N}.eml"), ct);
                    return SendResult.Sent;
                }
                if (!client.IsConnected)
                {
                    // Our own socket under MailKit, so the commit point of each message can be found (CommitPointStream).
                    var tcp = new TcpClient { NoDelay = true };
                    await tcp.ConnectAsync(smtp.Host, smtp.Port, ct);
                    connection = new CommitPointStream(tcp.GetStream());
                    await client.ConnectAsync(connection, smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
                    if (!string.IsNullOrEmpty(smtp.UserName))
                        await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
                }
                connection!.Arm(commit);
                try
                {
                    await client.SendAsync(message, ct);
                }
                finally
                {
                    connection.Disarm();
                }
                return SendResult.Sent;
            }
            catch (LeaseLostException)
            {
                // The terminator was held back: the server drops the half-sent message with the connection.
                await DropConnectionAsync();
                return new SendResult(SendOutcome.RetryLater, "Lease lost");
            }
            catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
            {
                // 5xx is the server's final word. Only a refused recipient or message counts against the address.
                return new SendResult(SendOutcome.RefusedForGood, $"SMTP {(int)refused.StatusCode} ({refused.ErrorCode})",
                    AddressRefused: refused.ErrorCode != SmtpErrorCode.SenderNotAccepted);
            }
            catch (ParseException)
            {
                return new SendResult(SendOutcome.RefusedForGood, "Address not usable", AddressRefused: true);
            }
            catch (SmtpCommandException busy)
            {
                return new SendResult(SendOutcome.RetryLater, $"SMTP {(int)busy.StatusCode} ({busy.ErrorCode})");
            }
            catch (Exception lost) when (lost is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException
                or ServiceNotAuthenticatedException or AuthenticationException or SslHandshakeException)
            {
                // Message names the error class only: exception texts can quote the address.
                await DropConnectionAsync();
                return new SendResult(SendOutcome.RetryLater, $"{lost.GetType().Name}", ConnectionLost: true);
            }
        }

        private async Task DropConnectionAsync()
        {
            if (client.IsConnected)
                await client.DisconnectAsync(false, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            connection?.Dispose();
            connection = null;
        }

        private MimeMessage Compose(DeliveryRecipient recipient)
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = recipient.Language == "en" ? Web.Localization.Cultures[1] : Web.Localization.Cultures[0];
            try
            {
                var (title, summary) = letter.In(recipient.Language);
                var preferences = $"{letter.BaseUrl}/abonnement/{recipient.ManageToken}";
                var unsubscribe = $"{letter.BaseUrl}/abonnement/abmelden/{recipient.ManageToken}";
                var kind = letter.Type == PostType.Alert ? text[PostTypeNames.Of(letter.Severity ?? AlertSeverity.Warning)].Value + ": " : "";
                var readMore = text["Weiterlesen"];
                var why = text["Sie erhalten diese E-Mail, weil Sie Nachrichten von {0} abonniert haben.", letter.OrganizationName];
                var change = text["Auswahl ändern oder abbestellen"];

                var message = new MimeMessage();
                message.From.Add(new MailboxAddress(letter.OrganizationName, smtp.FromAddress));
                message.To.Add(MailboxAddress.Parse(recipient.Address));
                message.Subject = kind + title;
                // One id per delivery: a resend after a crash in the uncertain window carries the same id, so it can be recognised.
                message.MessageId = $"{recipient.PostId:N}.{recipient.SubscriptionId:N}.{(int)recipient.Channel}@{smtp.FromAddress.Split('@').Last()}";
                message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
                message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                message.Headers.Add("Auto-Submitted", "auto-generated");
                var body = new BodyBuilder
                {
                    TextBody = $"{title}\n\n{summary}\n\n{readMore}: {letter.Link}\n\n-- \n{why}\n{change}: {preferences}\n",
                    HtmlBody = $"""
                        <!DOCTYPE html><html lang="{recipient.Language}"><head><meta charset="utf-8"><title>{H(title)}</title></head><body>
                        <h1>{H(kind + title)}</h1>
                        <p>{H(summary)}</p>
                        <p><a href="{H(letter.Link)}">{H(readMore)}</a></p>
                        <hr><p><small>{H(why)} <a href="{H(preferences)}">{H(change)}</a></small></p>
                        </body></html>
                        """,
                };
                message.Body = body.ToMessageBody();
                return message;
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
                await client.DisconnectAsync(true, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            client.Dispose();
            connection?.Dispose();
        }

        private static string H(string value) => WebUtility.HtmlEncode(value);
    }
}
