using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Delivery.Email;

/// <summary>
/// A mail to one person, as it is kept in the job's payload until sent. <c>Unsubscribe</c>: an absolute one-click address
/// (RFC 8058) for the <c>List-Unsubscribe</c> headers, for mails a person may stop without an account.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string? HtmlBody, string FromName, string? Unsubscribe = null);

/// <summary>
/// Queues mails as jobs: the mail goes out even when the SMTP server is down for a while or this
/// node crashes, and it is stored in the same transaction as the change that caused it.
/// </summary>
public sealed class Mailer(JobQueue queue)
{
    public const string JobKind = "send-mail";

    /// <summary>Adds the mail to the caller's unit of work (sent after its SaveChanges).</summary>
    public void Queue(OutgoingMail mail, string? idempotencyKey = null) =>
        queue.Add(JobKind, mail, idempotencyKey, JobPriority.Interactive);

    /// <summary>Stores the mail job at once.</summary>
    public Task SendAsync(OutgoingMail mail, CancellationToken ct = default) =>
        queue.EnqueueAsync(JobKind, mail, priority: JobPriority.Interactive, ct: ct);
}
