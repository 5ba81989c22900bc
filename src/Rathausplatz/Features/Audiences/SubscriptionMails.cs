using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Audiences;

/// <summary>The mails of the opt-in, in the language the subscriber chose, queued with the change that causes them.</summary>
public sealed class SubscriptionMails(Mailer mailer, SubscriptionTokens tokens, IStringLocalizer<SharedResource> text)
{
    public void QueueConfirmation(Subscription subscription, MailSender sender) =>
        Queue(subscription, sender, Texts.Key("Abonnement bestätigen"),
            Texts.Key("bitte bestätigen Sie Ihr Abonnement der Nachrichten von {0} mit diesem Link:"),
            $"{sender.BaseUrl}/abonnement/bestaetigen/{tokens.ForConfirmation(subscription)}",
            Texts.Key("Der Link ist 48 Stunden gültig. Wenn Sie nichts abonniert haben, ignorieren Sie diese E-Mail: Sie erhalten dann nichts von uns."));

    public void QueueAlreadySubscribed(Subscription subscription, MailSender sender) =>
        Queue(subscription, sender, Texts.Key("Ihr Abonnement"),
            Texts.Key("jemand wollte Nachrichten von {0} an diese Adresse bestellen. Sie haben sie bereits abonniert. Hier ändern Sie Ihre Auswahl oder bestellen sie ab:"),
            $"{sender.BaseUrl}/abonnement/{tokens.ForManagement(subscription)}",
            Texts.Key("Wenn Sie nichts ändern möchten, ignorieren Sie diese E-Mail."));

    private void Queue(Subscription subscription, MailSender sender, string subjectKey, string introKey, string link, string closingKey) =>
        mailer.Queue(Localization.InLanguage(subscription.Language, () => new MailComposer(sender, text["Guten Tag,"])
            .Paragraph(text[introKey, sender.OrganizationName])
            .Link(link)
            .Paragraph(text[closingKey])
            .Build(subscription.Email, $"{text[subjectKey]} – {sender.OrganizationName}")));
}
