using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Reports.Desk;

/// <summary>
/// The reporter's mails from the back office, in the reporter's language, queued with the change:
/// every public update and status change, and the question whether the problem is really fixed.
/// Only to a verified address; one mail per history entry (its id is the idempotency key).
/// </summary>
public sealed class ReportDeskMails(Mailer mailer, IStringLocalizer<SharedResource> text)
{
    public static string PublicLink(MailSender sender, Report report) => $"{sender.BaseUrl}/meldungen/{report.PublicId}";

    public void QueueUpdate(Report report, ReportUpdate update, MailSender sender)
    {
        if (report.ReporterEmail is null || !report.ReporterEmailVerified)
            return;
        Localization.InLanguage(report.ReporterLanguage, () =>
        {
            var mail = new MailComposer(sender, text["Guten Tag,"]);
            mail.Paragraph(text["es gibt Neuigkeiten zu Ihrer Meldung {1} bei {0}:", sender.OrganizationName, report.PublicId]);
            if (update.Status is { } status)
                mail.Paragraph(text["Neuer Status: {0}", text[ReportTexts.StatusName(status)]]);
            if (update.Text is { } note)
            {
                var label = update.Status switch
                {
                    ReportStatus.Rejected => text["Begründung:"].Value,
                    ReportStatus.Forwarded => text["Weitergeleitet an:"].Value,
                    _ => null,
                };
                mail.Paragraph(label is null ? note : $"{label} {note}");
            }
            mail.Paragraph(text["Die Meldung und ihren Verlauf finden Sie hier:"]);
            mail.Link(PublicLink(sender, report));
            mailer.Queue(mail.Build(report.ReporterEmail, $"{text["Neuigkeiten zu Ihrer Meldung"]} {report.PublicId} – {sender.OrganizationName}"),
                $"report-update-mail:{update.Id:N}");
        });
    }

    public void QueueFollowUp(Report report, string yesLink, string noLink, MailSender sender, string idempotencyKey) =>
        Localization.InLanguage(report.ReporterLanguage, () =>
        {
            var mail = new MailComposer(sender, text["Guten Tag,"]);
            mail.Paragraph(text["vor einiger Zeit haben wir Ihre Meldung {1} bei {0} als erledigt abgeschlossen. Ist der Mangel wirklich behoben?", sender.OrganizationName, report.PublicId]);
            mail.Paragraph(text["Ja, der Mangel ist behoben:"]);
            mail.Link(yesLink);
            mail.Paragraph(text["Nein, der Mangel besteht noch (wir bearbeiten die Meldung dann erneut):"]);
            mail.Link(noLink);
            mail.Paragraph(text["Jeder Link gilt einmal. Die Meldung finden Sie hier:"]);
            mail.Link(PublicLink(sender, report));
            mailer.Queue(mail.Build(report.ReporterEmail!, $"{text["Ist der Mangel wirklich behoben?"]} {report.PublicId} – {sender.OrganizationName}"),
                idempotencyKey);
        });
}
