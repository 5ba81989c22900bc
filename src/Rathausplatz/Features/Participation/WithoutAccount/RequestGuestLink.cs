using System.ComponentModel.DataAnnotations;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Participation.WithoutAccount;

public enum GuestLinkOutcome { Sent, EmailInvalid }

/// <summary>
/// A person without an account asks to support a proposal or answer a survey: a link goes to the address they
/// typed, and only its use counts (so nobody can take part with made-up or other people's addresses). Whether
/// the address took part already is not revealed: the page says "check your mail" either way, and the link then
/// says so to the address's owner.
/// </summary>
public sealed class RequestGuestLink(AppDb db, GuestLinks links, Mailer mailer, JobQueue jobs, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    /// <remarks>The caller found the subject open for guests (<see cref="GuestSubjects"/>) in this request.</remarks>
    public async Task<GuestLinkOutcome> RunAsync(GuestSubject subject, string? email, string language, MailSender sender, CancellationToken ct)
    {
        var (action, subjectId) = (subject.Action, subject.Id);
        var address = EmailAddresses.Normalize(email ?? "");
        if (address.Length is 0 or > GuestParticipant.MaxEmail || !new EmailAddressAttribute().IsValid(address))
            return GuestLinkOutcome.EmailInvalid;
        var guest = await db.Set<GuestParticipant>().SingleOrDefaultAsync(g => g.Action == action && g.SubjectId == subjectId && g.Email == address, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TownTime.ToLocal(now)!.Value);
        if (guest is null)
            db.Add(guest = new GuestParticipant { Action = action, SubjectId = subjectId, Email = address, RequestedOn = today });
        if (guest.ConfirmedAt is null && !guest.Answered)
        {
            // A new link: the row is kept until this one expires unused.
            guest.RequestedOn = today;
            ForgetUnusedGuestLinks.Schedule(jobs, guest, now);
        }
        guest.Language = language;
        mailer.Queue(Mail(guest, subject, sender));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address twice at once: the other request sent the link.
        }
        return GuestLinkOutcome.Sent;
    }

    private OutgoingMail Mail(GuestParticipant guest, GuestSubject subject, MailSender sender) =>
        Localization.InLanguage(guest.Language, () => new MailComposer(sender, text["Guten Tag,"])
            .Paragraph(guest.Action == GuestAction.Support
                ? text["Sie möchten bei {0} den Vorschlag „{1}“ unterstützen. Bitte bestätigen Sie das mit diesem Link:", sender.OrganizationName, subject.Title]
                : text["Sie möchten bei {0} an der Umfrage „{1}“ teilnehmen. Mit diesem Link öffnen Sie den Fragebogen:", sender.OrganizationName, subject.Title])
            .Link(sender.BaseUrl + GuestLinks.PathOf(links.TokenFor(guest)))
            .Paragraph(text["Der Link ist sieben Tage gültig und gilt nur für Sie. Wenn Sie das nicht wollten, ignorieren Sie diese E-Mail."])
            .Build(guest.Email, guest.Action == GuestAction.Support
                ? $"{text["Unterstützung bestätigen"]} – {sender.OrganizationName}"
                : $"{text["Ihr Link zur Umfrage"]} – {sender.OrganizationName}"));
}
