using System.Globalization;
using System.Net;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Reports;

/// <summary>The citizen side's mails (confirm the address of a report or of a support), queued with the change.</summary>
public sealed class ReportMails(Mailer mailer, ReportTokens tokens, IStringLocalizer<SharedResource> text)
{
    /// <summary>The organisation a mail speaks for and the address its links point to (https://host).</summary>
    public sealed record Sender(string OrganizationName, string BaseUrl);

    public void QueueReporterConfirmation(Report report, Sender sender) =>
        Queue(report.ReporterEmail!, report.ReporterLanguage, sender, Texts.Key("Meldung bestätigen"),
            Texts.Key("vielen Dank für Ihre Meldung {1} an {0}. Bitte bestätigen Sie Ihre E-Mail-Adresse mit diesem Link, damit wir Sie über den Fortgang informieren können:"),
            report.PublicId, $"{sender.BaseUrl}/meldungen/{report.PublicId}/bestaetigen/{tokens.ForReporterConfirmation(report)}",
            Texts.Key("Der Link ist sieben Tage gültig. Ohne Bestätigung bearbeiten wir die Meldung trotzdem, schreiben Ihnen aber nicht."));

    public void QueueSupportConfirmation(ReportSupport support, Report report, string language, Sender sender) =>
        Queue(support.Email!, language, sender, Texts.Key("Unterstützung bestätigen"),
            Texts.Key("Sie möchten die Meldung {1} bei {0} unterstützen. Bitte bestätigen Sie das mit diesem Link:"),
            report.PublicId, $"{sender.BaseUrl}/meldungen/{report.PublicId}/unterstuetzen/{tokens.ForSupportConfirmation(support)}",
            Texts.Key("Der Link ist sieben Tage gültig. Wenn Sie nichts unterstützen wollten, ignorieren Sie diese E-Mail."));

    private void Queue(string to, string language, Sender sender, string subjectKey, string introKey, string publicId, string link, string closingKey)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language == "en" ? Localization.Cultures[1] : Localization.Cultures[0];
        try
        {
            var subject = $"{text[subjectKey]} {publicId} – {sender.OrganizationName}";
            var greeting = text["Guten Tag,"];
            var intro = text[introKey, sender.OrganizationName, publicId];
            var closing = text[closingKey];
            var body = $"{greeting}\n\n{intro}\n\n{link}\n\n{closing}\n\n-- \n{sender.OrganizationName}\n";
            var html = $"<p>{H(greeting)}</p><p>{H(intro)}</p><p><a href=\"{H(link)}\">{H(link)}</a></p><p>{H(closing)}</p><p>{H(sender.OrganizationName)}</p>";
            mailer.Queue(new OutgoingMail(to, subject, body, html, sender.OrganizationName));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string H(string value) => WebUtility.HtmlEncode(value);
}
