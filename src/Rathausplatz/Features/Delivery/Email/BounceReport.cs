using MimeKit;
using Rathausplatz.Features.Audiences;

namespace Rathausplatz.Features.Delivery.Email;

/// <summary>
/// What a delivery status notification (RFC 3464: multipart/report; report-type=delivery-status) says
/// about one of our mails: which of its recipients failed for good (Action: failed, Status 5.x.x), and
/// the Message-ID of the mail it is about (from the returned headers or message).
/// </summary>
public sealed record BounceReport(string? OriginalMessageId, IReadOnlyList<BounceReport.Failure> PermanentlyFailed)
{
    /// <summary>A recipient the reporting server gave up on, with its status code (5.1.1: no such mailbox).</summary>
    public sealed record Failure(string Address, string Status);

    /// <summary>Null when the message is no DSN (an auto-reply, spam to the bounce address…).</summary>
    public static BounceReport? Read(MimeMessage message)
    {
        var report = Find<MultipartReport>(message.Body);
        if (report is null || !string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase))
            return null;
        var status = report.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is null)
            return null;
        var failed = new List<Failure>();
        // The first group is about the message; each further group about one recipient.
        foreach (var recipient in status.StatusGroups.Skip(1))
        {
            var action = recipient["Action"]?.Trim();
            var code = recipient["Status"]?.Trim();
            var address = Address(recipient["Final-Recipient"]) ?? Address(recipient["Original-Recipient"]);
            if (address is not null && string.Equals(action, "failed", StringComparison.OrdinalIgnoreCase) && code?.StartsWith("5.", StringComparison.Ordinal) == true)
                failed.Add(new Failure(address, code));
        }
        return new BounceReport(ReturnedMessageId(report), failed);
    }

    /// <summary>"rfc822; anna@example.org" → "anna@example.org" (other address types are not ours).</summary>
    private static string? Address(string? field)
    {
        if (field is null)
            return null;
        var semicolon = field.IndexOf(';');
        if (semicolon < 0 || !field[..semicolon].Trim().Equals("rfc822", StringComparison.OrdinalIgnoreCase))
            return null;
        var address = field[(semicolon + 1)..].Trim().Trim('<', '>');
        return address.Contains('@') ? EmailAddresses.Normalize(address) : null;
    }

    private static string? ReturnedMessageId(MultipartReport report)
    {
        foreach (var part in report.Skip(2))
        {
            // message/rfc822 (the whole mail) and text/rfc822-headers (its headers, the usual RET=HDRS) both parse as a message.
            if (part is MessagePart { Message: { } original } && !string.IsNullOrEmpty(original.MessageId))
                return original.MessageId;
            if (part is TextPart text && text.ContentType.IsMimeType("text", "rfc822-headers"))
            {
                using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.Text));
                var headers = HeaderList.Load(stream);
                if (headers[HeaderId.MessageId] is { } id)
                    return MimeKit.Utils.MimeUtils.EnumerateReferences(id).FirstOrDefault();
            }
        }
        return null;
    }

    private static T? Find<T>(MimeEntity? entity) where T : MimeEntity => entity switch
    {
        T found => found,
        Multipart multipart => multipart.Select(Find<T>).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
