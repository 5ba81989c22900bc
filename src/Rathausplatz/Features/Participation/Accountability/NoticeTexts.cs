using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Accountability;

/// <summary>What a notice is about, as read when the job runs (so it tells the current state, not a stale one).</summary>
public sealed record NoticeSubject(string Title, string Path, ProposalStatus? Status, string? Reason, ProjectProgress Progress, int PercentDone);

public sealed record NoticeText(string Title, string? Detail, string Language);

/// <summary>The notice's title and the short mail, in the person's language (German unless they chose English).</summary>
public sealed class NoticeTexts(IStringLocalizer<SharedResource> text)
{
    public NoticeText For(NoticeSubject subject, NoticeReason reason, string language) => Localization.InLanguage(language, () => new NoticeText(
        reason switch
        {
            NoticeReason.StatusChanged => text["Entscheidung zu „{0}“: {1}", subject.Title, text[ParticipationTexts.StatusName(subject.Status ?? ProposalStatus.Open)]].Value,
            NoticeReason.Answered => text["Offizielle Antwort zu „{0}“", subject.Title].Value,
            NoticeReason.Reply => text["Neue Antwort auf Ihren Kommentar in der Debatte „{0}“", subject.Title].Value,
            NoticeReason.DebateUpdated => text["Die Debatte „{0}“ wurde aktualisiert", subject.Title].Value,
            _ => text["Neues zur Umsetzung von „{0}“: {1}, {2} % erledigt", subject.Title, text[ProgressTexts.ProgressName(subject.Progress)], subject.PercentDone].Value,
        },
        reason == NoticeReason.StatusChanged && subject.Reason is { } why ? text["Begründung: {0}", why].Value : null,
        language));

    /// <summary>
    /// The mail of a notice; <c>guestUnsubscribe</c>: for a person who took part without an account (no notices page to
    /// point to), the page that stops these mails and the one-click address for the headers.
    /// </summary>
    public OutgoingMail Mail(NoticeText notice, NoticeSubject subject, string to, MailSender sender,
        (string Page, string OneClick)? guestUnsubscribe = null) => Localization.InLanguage(notice.Language, () =>
    {
        var withoutAccount = guestUnsubscribe is not null;
        var mail = new MailComposer(sender, text["Guten Tag,"]).Paragraph(notice.Title);
        if (notice.Detail is not null)
            mail.Paragraph(notice.Detail);
        mail.Paragraph(text["Mehr dazu:"]).Link(sender.BaseUrl + subject.Path)
            .Paragraph(withoutAccount
                ? text["Sie erhalten diese Nachricht, weil Sie diesen Vorschlag ohne Konto unterstützt haben. Ihre Adresse verwenden wir nur für Nachrichten zu diesem Vorschlag."]
                : text["Sie erhalten diese Nachricht, weil Sie sich daran beteiligt haben. Alle Benachrichtigungen finden Sie auch unter „Benachrichtigungen“, wenn Sie angemeldet sind."]);
        if (guestUnsubscribe is { } links)
            return mail.Paragraph(text["Keine Nachrichten mehr zu diesem Vorschlag? Hier abbestellen:"]).Link(sender.BaseUrl + links.Page)
                .Build(to, $"{notice.Title} – {sender.OrganizationName}") with { Unsubscribe = sender.BaseUrl + links.OneClick };
        return mail.Build(to, $"{notice.Title} – {sender.OrganizationName}");
    });
}
