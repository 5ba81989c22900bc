using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Jobs;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Delivery.Email;

/// <summary>Mails leave through the job queue over real SMTP: nothing is lost when the server is down, nothing sent twice.</summary>
public abstract class MailDeliveryTests(RathausplatzApp app)
{
    [Fact]
    public async Task AQueuedMailReachesTheSmtpServerOnce()
    {
        var organization = await app.CreateOrganizationAsync("Musterhausen");
        var to = Unique.Name("citizen") + "@example.org";

        await app.SendMailAsync(organization, to, "Ihre Meldung ist eingegangen", "Vielen Dank für Ihre Meldung.");
        await app.RunJobsUntilIdleAsync();

        var mail = await app.Mail.WaitForMessageToAsync(to);
        Assert.Single(app.Mail.MessagesTo(to));
        Assert.Equal("Ihre Meldung ist eingegangen", mail.Subject);
        Assert.Equal(("Musterhausen", "noreply@rathausplatz.test"), (mail.From.Mailboxes.Single().Name, mail.From.Mailboxes.Single().Address));
        Assert.Contains("Vielen Dank für Ihre Meldung.", mail.TextBody);
        var job = Assert.Single(await app.JobsAsync(j => j.Kind == Mailer.JobKind && j.Payload.Contains(to)));
        Assert.Equal((JobState.Succeeded, organization.Id), (job.State, job.OrganizationId));
    }

    [Fact]
    public async Task AMailQueuedWhileTheServerIsDownArrivesOnceWhenItIsBack()
    {
        var organization = await app.CreateOrganizationAsync();
        var to = Unique.Name("citizen") + "@example.org";

        Job failed;
        await app.Mail.StopAsync();
        try
        {
            await app.SendMailAsync(organization, to, "Straßensperrung Hauptstraße");
            await app.RunJobsUntilIdleAsync();
            failed = Assert.Single(await app.JobsAsync(j => j.Kind == Mailer.JobKind && j.Payload.Contains(to)));
        }
        finally
        {
            await app.Mail.StartAsync();
        }
        await app.RunJobsUntilIdleAsync();
        var sentBeforeRetry = app.Mail.MessagesTo(to).Count;
        app.AdvanceTime(failed.RunAt - app.Now);
        await app.RunJobsUntilIdleAsync();
        app.AdvanceTime(TimeSpan.FromDays(1));
        await app.RunJobsUntilIdleAsync();

        Assert.Equal((JobState.Pending, 1), (failed.State, failed.Attempts));
        Assert.NotNull(failed.LastError);
        Assert.True(failed.RunAt > failed.CreatedAt, "The retry waits.");
        Assert.Equal(0, sentBeforeRetry);
        var mail = Assert.Single(app.Mail.MessagesTo(to));
        Assert.Equal("Straßensperrung Hauptstraße", mail.Subject);
        var delivered = await app.JobAsync(failed.Id);
        Assert.Equal((JobState.Succeeded, 2), (delivered.State, delivered.Attempts));
    }
}

public sealed class SqliteMailDeliveryTests(SqliteApp app) : MailDeliveryTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMailDeliveryTests(PostgresApp app) : MailDeliveryTests(app), IClassFixture<PostgresApp>;
