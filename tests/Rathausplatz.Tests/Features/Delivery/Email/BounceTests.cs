using MimeKit;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Delivery;
using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Delivery.Email;

/// <summary>
/// Bounces that come back later as mails (RFC 3464 delivery status notifications, shaped as postfix
/// writes them) count against the address like an SMTP 5xx at sending; temporary, forged and other
/// mails count nothing. The MTA hands them to <c>Rathausplatz bounce</c> on standard input.
/// </summary>
public abstract class BounceTests(RathausplatzApp app)
{
    [Fact]
    public async Task ThreePermanentBouncesDisableTheAddressAndMarkTheDeliveriesFailed()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var gone = Unique.Name("verzogen") + "@example.org";
        await app.SubscribeAndConfirmAsync(organization, gone);

        var outcomes = new List<(BounceOutcome, SubscriptionState)>();
        var posts = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var post = await app.PublishedPostAsync(editor);
            await app.RunJobsUntilIdleAsync();
            posts.Add(post.Id);
            var dsn = Dsn.Postfix(Assert.Single(app.PostMailsTo(gone, post.Slug)), gone, "failed", "5.1.1");
            // The last one through the command line, as the MTA's pipe runs it.
            var outcome = i < 2 ? await ProcessAsync(dsn) : await CommandLineAsync(dsn);
            outcomes.Add((outcome, (await app.FindSubscriptionAsync(organization, gone))!.State));
        }
        var afterwards = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal([(BounceOutcome.Counted, SubscriptionState.Confirmed), (BounceOutcome.Counted, SubscriptionState.Confirmed),
            (BounceOutcome.Counted, SubscriptionState.Disabled)], outcomes);
        Assert.Empty(app.PostMailsTo(gone, afterwards.Slug));
        Assert.Empty(await app.DeliveriesAsync(afterwards.Id));
        foreach (var post in posts)
        {
            var row = Assert.Single(await app.DeliveriesAsync(post));
            Assert.Equal((DeliveryState.Failed, "Bounce 5.1.1"), (row.State, row.LastError));
        }
    }

    [Fact]
    public async Task DelayedForgedAndOtherMailsCountNothing()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var anna = Unique.Name("anna") + "@example.org";
        var bert = Unique.Name("bert") + "@example.org";
        await app.SubscribeAndConfirmAsync(organization, anna);
        await app.SubscribeAndConfirmAsync(organization, bert);
        var post = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();
        var mailToAnna = Assert.Single(app.PostMailsTo(anna, post.Slug));

        var delayed = await ProcessAsync(Dsn.Postfix(mailToAnna, anna, "delayed", "4.4.1"));
        // Someone who knows Bert's address but has only a mail of their own cannot make it count against Bert.
        var otherRecipient = await ProcessAsync(Dsn.Postfix(mailToAnna, bert, "failed", "5.1.1"));
        var madeUpId = Dsn.Postfix(mailToAnna, anna, "failed", "5.1.1").Replace(mailToAnna.MessageId!, $"{Guid.CreateVersion7():N}.{Guid.CreateVersion7():N}.0@rathausplatz.test", StringComparison.Ordinal);
        var forged = await ProcessAsync(madeUpId);
        var autoReply = await ProcessAsync($"From: {anna}\r\nTo: noreply@rathausplatz.test\r\nSubject: Abwesend\r\nAuto-Submitted: auto-replied\r\n\r\nIch bin im Urlaub.\r\n");
        var (exitCode, output, _) = await app.RunCommandLineWithInputAsync("kein Mail\r\n", "bounce");

        Assert.Equal([BounceOutcome.NotPermanent, BounceOutcome.NotOurs, BounceOutcome.NotOurs, BounceOutcome.NotABounce],
            [delayed, otherRecipient, forged, autoReply]);
        Assert.Equal((0, "NotABounce"), (exitCode, output.Trim()));
        foreach (var address in new[] { anna, bert })
        {
            var subscription = await app.FindSubscriptionAsync(organization, address);
            Assert.Equal((SubscriptionState.Confirmed, 0), (subscription!.State, subscription.PermanentFailures));
        }
        Assert.All(await app.DeliveriesAsync(post.Id), d => Assert.Equal(DeliveryState.Sent, d.State));
    }

    private async Task<BounceOutcome> ProcessAsync(string dsn)
    {
        await using var scope = app.WithoutOrganization();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(dsn));
        return await scope.Get<ProcessBounce>().RunAsync(await MimeMessage.LoadAsync(stream), CancellationToken.None);
    }

    private async Task<BounceOutcome> CommandLineAsync(string dsn)
    {
        var (exitCode, output, errors) = await app.RunCommandLineWithInputAsync(dsn, "bounce");
        Assert.True(exitCode == 0, errors);
        return Enum.Parse<BounceOutcome>(output.Trim());
    }
}

public sealed class SqliteBounceTests(SqliteApp app) : BounceTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBounceTests(PostgresApp app) : BounceTests(app), IClassFixture<PostgresApp>;

/// <summary>Delivery status notifications as postfix's bounce daemon writes them (RFC 3464, original headers returned).</summary>
public static class Dsn
{
    public static string Postfix(MimeMessage original, string recipient, string action, string status)
    {
        using var headers = new MemoryStream();
        original.Headers.WriteTo(headers);
        var returned = System.Text.Encoding.UTF8.GetString(headers.ToArray());
        var failed = action == "failed";
        return $"""
            Return-Path: <>
            From: MAILER-DAEMON@mx.example.org (Mail Delivery System)
            Subject: {(failed ? "Undelivered Mail Returned to Sender" : "Delayed Mail (still being retried)")}
            To: noreply@rathausplatz.test
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status;
            	boundary="4F1A2C0123.1764165600/mx.example.org"
            Message-Id: <20261126140000.4F1A2C0124@mx.example.org>

            This is a MIME-encapsulated message.

            --4F1A2C0123.1764165600/mx.example.org
            Content-Description: Notification
            Content-Type: text/plain; charset=us-ascii

            This is the mail system at host mx.example.org.

            I'm sorry to have to inform you that your message could not
            be delivered to one or more recipients.

            <{recipient}>: host mx.example.org[192.0.2.25] said: 550 {status}
                <{recipient}>: Recipient address rejected: User unknown (in reply to RCPT TO
                command)

            --4F1A2C0123.1764165600/mx.example.org
            Content-Description: Delivery report
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.org
            X-Postfix-Queue-ID: 4F1A2C0123
            X-Postfix-Sender: rfc822; noreply@rathausplatz.test
            Arrival-Date: Thu, 26 Nov 2026 15:00:00 +0100 (CET)

            Final-Recipient: rfc822; {recipient}
            Original-Recipient: rfc822;{recipient}
            Action: {action}
            Status: {status}
            Remote-MTA: dns; mx.example.org
            Diagnostic-Code: smtp; 550 {status} <{recipient}>: Recipient address rejected:
                User unknown

            --4F1A2C0123.1764165600/mx.example.org
            Content-Description: Undelivered Message Headers
            Content-Type: text/rfc822-headers

            {returned.TrimEnd()}

            --4F1A2C0123.1764165600/mx.example.org--

            """.ReplaceLineEndings("\r\n");
    }
}
