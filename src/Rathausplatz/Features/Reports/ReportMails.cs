using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Reports;

/// <summary>The citizen side's mails (confirm the address of a report or of a support), queued with the change.</summary>
public sealed class ReportMails(Mailer mailer, ReportTokens tokens, IStringLocalizer<SharedResource> text)
{
    public void QueueReporterConfirmation(Report report, MailSender sender) =>
        Queue(report.ReporterEmail!, report.ReporterLanguage, sender, Texts.Key("Meldung bestätigen"),
            Texts.Key("vielen Dank für Ihre Meldung {1} an {0}. Bitte bestätigen Sie Ihre E-Mail-Adresse mit diesem Link, damit wir Sie über den Fortgang informieren können:"),
            report.PublicId, $"{sender.BaseUrl}/meldungen/{report.PublicId}/bestaetigen/{tokens.ForReporterConfirmation(report)}",
            Texts.Key("Der Link ist sieben Tage gültig. Ohne Bestätigung bearbeiten wir die Meldung trotzdem, schreiben Ihnen aber nicht."));

    public void QueueSupportConfirmation(ReportSupport support, Report report, string language, MailSender sender) =>
        Queue(support.Email!, language, sender, Texts.Key("Unterstützung bestätigen"),
            Texts.Key("Sie möchten die Meldung {1} bei {0} unterstützen. Bitte bestätigen Sie das mit diesem Link:"),
            report.PublicId, $"{sender.BaseUrl}/meldungen/{report.PublicId}/unterstuetzen/{tokens.ForSupportConfirmation(support)}",
            Texts.Key("Der Link ist sieben Tage gültig. Wenn Sie nichts unterstützen wollten, ignorieren Sie diese E-Mail."));

    private void Queue(string to, string language, MailSender sender, string subjectKey, string introKey, string publicId, string link, string closingKey) =>
        mailer.Queue(Localization.InLanguage(language, () => new MailComposer(sender, text["Guten Tag,"])
            .Paragraph(text[introKey, sender.OrganizationName, publicId])
            .Link(link)
            .Paragraph(text[closingKey])
            .Build(to, $"{text[subjectKey]} {publicId} – {sender.OrganizationName}")));
}
