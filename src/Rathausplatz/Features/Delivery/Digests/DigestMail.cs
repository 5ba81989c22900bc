using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Delivery.Digests;

/// <summary>One digest mail: every post of the subscriber's due rows, in publication order, with the links of an immediate mail.</summary>
public static class DigestMail
{
    public static MimeMessage Compose(IStringLocalizer<SharedResource> text, SmtpOptions smtp, Subscription subscription, string manageToken,
        IReadOnlyList<DeliveryLetter> letters)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = subscription.Language == "en" ? Web.Localization.Cultures[1] : Web.Localization.Cultures[0];
        try
        {
            var first = letters[0];
            var preferences = $"{first.BaseUrl}/abonnement/{manageToken}";
            var unsubscribe = $"{first.BaseUrl}/abonnement/abmelden/{manageToken}";
            var subject = subscription.Frequency == DeliveryFrequency.Weekly
                ? text["Ihre wöchentliche Zusammenfassung von {0}", first.OrganizationName].Value
                : text["Ihre tägliche Zusammenfassung von {0}", first.OrganizationName].Value;
            var count = text["{0} neue Beiträge", letters.Count].Value;
            var readMore = text["Weiterlesen"].Value;
            var why = text["Sie erhalten diese E-Mail, weil Sie Nachrichten von {0} abonniert haben.", first.OrganizationName].Value;
            var change = text["Auswahl ändern oder abbestellen"].Value;

            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(first.OrganizationName, smtp.FromAddress));
            message.To.Add(MailboxAddress.Parse(subscription.Email));
            message.Subject = subject;
            // Stable for the same posts: a resend after a crash in the uncertain window carries the same id.
            // The subscription id sits where post mails have it, so a bounce finds it the same way (BounceReport).
            var posts = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(",", letters.Select(l => l.PostId.ToString("N")).Order()))))[..32];
            message.MessageId = $"{posts}.{subscription.Id:N}.{(int)DeliveryChannel.EmailDigest}@{smtp.FromAddress.Split('@').Last()}";
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.Headers.Add("Auto-Submitted", "auto-generated");

            var plain = new StringBuilder($"{subject}\n{count}\n");
            var html = new StringBuilder($"""
                <!DOCTYPE html><html lang="{subscription.Language}"><head><meta charset="utf-8"><title>{H(subject)}</title></head><body>
                <h1>{H(subject)}</h1>
                <p>{H(count)}</p>

                """);
            foreach (var letter in letters)
            {
                var (title, summary) = letter.In(subscription.Language);
                plain.Append($"\n{title}\n{summary}\n{readMore}: {letter.Link}\n");
                html.Append($"""
                    <h2>{H(title)}</h2>
                    <p>{H(summary)}</p>
                    <p><a href="{H(letter.Link)}">{H(readMore)}</a></p>

                    """);
            }
            plain.Append($"\n-- \n{why}\n{change}: {preferences}\n");
            html.Append($"""<hr><p><small>{H(why)} <a href="{H(preferences)}">{H(change)}</a></small></p></body></html>""");
            message.Body = new BodyBuilder { TextBody = plain.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
            return message;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string H(string value) => WebUtility.HtmlEncode(value);
}
