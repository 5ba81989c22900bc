using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;
using Rathausplatz.Features.Newsroom;

namespace Rathausplatz.Features.Delivery.Email;

/// <summary>
/// Post mails over SMTP (MailKit) with the installation's mail settings: one connection per session,
/// reused for every message of a lane; HTML and plain text in the subscriber's language; the
/// preferences link and RFC 8058 one-click unsubscribe headers in every mail.
/// </summary>
public sealed class EmailChannel(IOptions<SmtpOptions> options, IStringLocalizer<SharedResource> text, MailSigner signer) : IDeliveryChannel
{
    public IDeliverySession OpenSession(DeliveryLetter letter) => new Session(options.Value, letter, text, signer);

    private sealed class Session(SmtpOptions smtp, DeliveryLetter letter, IStringLocalizer<SharedResource> text, MailSigner signer) : IDeliverySession
    {
        private readonly SmtpSession connection = new(smtp, signer);

        public Task<SendResult> SendAsync(DeliveryRecipient recipient, SendCommit commit, CancellationToken ct)
        {
            MimeMessage message;
            try
            {
                message = Compose(recipient);
            }
            catch (ParseException)
            {
                return Task.FromResult(new SendResult(SendOutcome.RefusedForGood, "Address not usable", AddressRefused: true));
            }
            return connection.SendAsync(message, $"{recipient.PostId:N}.{recipient.SubscriptionId:N}.eml", commit, ct);
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

        public ValueTask DisposeAsync() => connection.DisposeAsync();

        private static string H(string value) => WebUtility.HtmlEncode(value);
    }
}
