using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Features.Delivery.InApp;

namespace Rathausplatz.Features.Delivery.NoticeDigest;

/// <summary>
/// One person's notice digest, in their language: each notice's title with the absolute address of
/// <c>/benachrichtigungen/{id}</c> (opening it marks the notice read and leads on to what it is about), and where to
/// change or stop these mails.
/// </summary>
public static class NoticeDigestMail
{
    /// <summary>A mail lists this many notices at most; the rest are one click away in the inbox.</summary>
    public const int MaxListed = 50;

    public static OutgoingMail Compose(IStringLocalizer<SharedResource> text, MailSender sender, string to, string language,
        IReadOnlyList<InAppNotice> notices) => Localization.InLanguage(language, () =>
    {
        var mail = new MailComposer(sender, text["Guten Tag,"])
            .Paragraph(text["Diese Hinweise haben Sie noch nicht gelesen:"]);
        foreach (var notice in notices.Take(MaxListed))
            mail.Paragraph(notice.Title).Link($"{sender.BaseUrl}/benachrichtigungen/{notice.Id}");
        if (notices.Count > MaxListed)
            mail.Paragraph(text["… und {0} weitere:", notices.Count - MaxListed]).Link($"{sender.BaseUrl}/benachrichtigungen");
        mail.Paragraph(text["Sie erhalten diese Zusammenfassung, weil „Hinweise per E-Mail“ für Ihr Konto eingeschaltet ist. Hier ändern oder abbestellen:"])
            .Link($"{sender.BaseUrl}/benachrichtigungen#hinweise-per-e-mail");
        return mail.Build(to, text["Ihre Hinweise aus dem Intranet ({0})", notices.Count]);
    });
}
