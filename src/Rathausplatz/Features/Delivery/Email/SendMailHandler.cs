using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Delivery.Email;

/// <summary>Sends one queued mail over SMTP (MailKit), or drops it into the pickup folder in development.</summary>
public sealed class SendMailHandler(IOptions<SmtpOptions> options, MailSigner signer) : IJobHandler
{
    public async Task RunAsync(Job job, CancellationToken ct)
    {
        var mail = JsonSerializer.Deserialize<OutgoingMail>(job.Payload) ?? throw new PermanentJobFailure("Empty mail payload.");
        var smtp = options.Value;
        var message = Compose(mail, smtp, job.Id);
        signer.Sign(message);

        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            Directory.CreateDirectory(smtp.PickupFolder);
            await message.WriteToAsync(Path.Combine(smtp.PickupFolder, $"{job.Id:N}.eml"), ct);
            return;
        }

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
        {
            // 5xx is the server's final word on this address or message; retrying cannot help.
            throw new PermanentJobFailure($"SMTP refused the mail: {(int)refused.StatusCode}");
        }
    }

    internal static MimeMessage Compose(OutgoingMail mail, SmtpOptions smtp, Guid jobId)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, smtp.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        // A stable id per job: a resend after a crash carries the same Message-ID, so clients can de-duplicate.
        message.MessageId = $"{jobId:N}@{smtp.FromAddress.Split('@').Last()}";
        if (mail.Unsubscribe is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.Headers.Add("Auto-Submitted", "auto-generated");
        }
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}

public static class EmailSetup
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.Section));
        builder.Services.AddScoped<Mailer>();
        builder.Services.AddSingleton<MailSigner>();
        builder.Services.AddScoped<ProcessBounce>();
        builder.Services.AddJobHandler<SendMailHandler>(Mailer.JobKind);
        return builder;
    }
}
