using System.Globalization;
using System.Net;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Audiences;

/// <summary>The mails of the opt-in, in the language the subscriber chose, queued with the change that causes them.</summary>
public sealed class SubscriptionMails(Mailer mailer, SubscriptionTokens tokens, IStringLocalizer<SharedResource> text)
{
    /// <summary>The organisation a mail speaks for and the address its links point to (https://host).</summary>
    public sealed record Sender(string OrganizationName, string BaseUrl);

    public void QueueConfirmation(Subscription subscription, Sender sender) =>
        Queue(subscription, sender, Texts.Key("Abonnement bestätigen"),
            Texts.Key("bitte bestätigen Sie Ihr Abonnement der Nachrichten von {0} mit diesem Link:"),
            $"{sender.BaseUrl}/abonnement/bestaetigen/{tokens.ForConfirmation(subscription)}",
            Texts.Key("Der Link ist 48 Stunden gültig. Wenn Sie nichts abonniert haben, ignorieren Sie diese E-Mail: Sie erhalten dann nichts von uns."));

    public void QueueAlreadySubscribed(Subscription subscription, Sender sender) =>
        Queue(subscription, sender, Texts.Key("Ihr Abonnement"),
            Texts.Key("jemand wollte Nachrichten von {0} an diese Adresse bestellen. Sie haben sie bereits abonniert. Hier ändern Sie Ihre Auswahl oder bestellen sie ab:"),
            $"{sender.BaseUrl}/abonnement/{tokens.ForManagement(subscription)}",
            Texts.Key("Wenn Sie nichts ändern möchten, ignorieren Sie diese E-Mail."));

    private void Queue(Subscription subscription, Sender sender, string subjectKey, string introKey, string link, string closingKey)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = subscription.Language == "en" ? Localization.Cultures[1] : Localization.Cultures[0];
        try
        {
            var subject = $"{text[subjectKey]} – {sender.OrganizationName}";
            var greeting = text["Guten Tag,"];
            var intro = text[introKey, sender.OrganizationName];
            var closing = text[closingKey];
            var body = $"{greeting}\n\n{intro}\n\n{link}\n\n{closing}\n\n-- \n{sender.OrganizationName}\n";
            var html = $"<p>{H(greeting)}</p><p>{H(intro)}</p><p><a href=\"{H(link)}\">{H(link)}</a></p><p>{H(closing)}</p><p>{H(sender.OrganizationName)}</p>";
            mailer.Queue(new OutgoingMail(subscription.Email, subject, body, html, sender.OrganizationName));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string H(string value) => WebUtility.HtmlEncode(value);
}
