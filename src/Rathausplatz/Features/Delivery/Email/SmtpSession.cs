using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Rathausplatz.Features.Delivery.Email;

/// <summary>
/// One SMTP connection for many messages (a lane of post mails, a run of digests): connects on first
/// use over our own socket (<see cref="CommitPointStream"/>, so the commit point of each message can
/// be found), DKIM-signs, and turns the server's answers into the engine's <see cref="SendResult"/>.
/// </summary>
internal sealed class SmtpSession(SmtpOptions smtp, MailSigner signer) : IAsyncDisposable
{
    private readonly SmtpClient client = new();
    private CommitPointStream? connection;

    /// <summary>Signs and sends one message; <paramref name="pickupName"/> names its file in the pickup folder when no SMTP host is set (development).</summary>
    public async Task<SendResult> SendAsync(MimeMessage message, string pickupName, SendCommit commit, CancellationToken ct)
    {
        try
        {
            signer.Sign(message);
            if (string.IsNullOrWhiteSpace(smtp.Host))
            {
                Directory.CreateDirectory(smtp.PickupFolder);
                await message.WriteToAsync(Path.Combine(smtp.PickupFolder, pickupName), ct);
                return SendResult.Sent;
            }
            if (!client.IsConnected)
            {
                var tcp = new TcpClient { NoDelay = true };
                await tcp.ConnectAsync(smtp.Host, smtp.Port, ct);
                connection = new CommitPointStream(tcp.GetStream());
                await client.ConnectAsync(connection, smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), ct);
                if (!string.IsNullOrEmpty(smtp.UserName))
                    await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }
            connection!.Arm(commit);
            try
            {
                await client.SendAsync(message, ct);
            }
            finally
            {
                connection.Disarm();
            }
            return SendResult.Sent;
        }
        catch (LeaseLostException)
        {
            // The terminator was held back: the server drops the half-sent message with the connection.
            await DropConnectionAsync();
            return new SendResult(SendOutcome.RetryLater, "Lease lost");
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
        {
            // 5xx is the server's final word. Only a refused recipient or message counts against the address.
            return new SendResult(SendOutcome.RefusedForGood, $"SMTP {(int)refused.StatusCode} ({refused.ErrorCode})",
                AddressRefused: refused.ErrorCode != SmtpErrorCode.SenderNotAccepted);
        }
        catch (ParseException)
        {
            return new SendResult(SendOutcome.RefusedForGood, "Address not usable", AddressRefused: true);
        }
        catch (SmtpCommandException busy)
        {
            return new SendResult(SendOutcome.RetryLater, $"SMTP {(int)busy.StatusCode} ({busy.ErrorCode})");
        }
        catch (Exception lost) when (lost is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException
            or ServiceNotAuthenticatedException or AuthenticationException or SslHandshakeException)
        {
            // Message names the error class only: exception texts can quote the address.
            await DropConnectionAsync();
            return new SendResult(SendOutcome.RetryLater, $"{lost.GetType().Name}", ConnectionLost: true);
        }
    }

    private async Task DropConnectionAsync()
    {
        if (client.IsConnected)
            await client.DisconnectAsync(false, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        connection?.Dispose();
        connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
            await client.DisconnectAsync(true, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        client.Dispose();
        connection?.Dispose();
    }
}
