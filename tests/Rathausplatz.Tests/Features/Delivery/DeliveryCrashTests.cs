using Rathausplatz.Features.Delivery;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Delivery;

/// <summary>
/// The crash test of issue 4: the app runs as a real process, sends an alert to 10,000 subscribers,
/// is killed with SIGKILL in the middle, and is started again; the SMTP server (a real one, recording)
/// has exactly one mail per recipient in the end.
/// </summary>
public abstract class DeliveryCrashTests(RathausplatzApp app)
{
    private const int Subscribers = 10_000;

    [Fact]
    public async Task AnAlertKilledMidDeliveryReachesEveryRecipientExactlyOnceAfterARestart()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var recipients = await app.AddConfirmedSubscribersAsync(organization, Subscribers);
        var alert = await app.PublishedPostAsync(editor, PostType.Alert);
        // Short leases, so the restarted node takes over the dead node's jobs and deliveries soon.
        var settings = new Dictionary<string, string> { ["Jobs:Lease"] = "00:00:04", ["Delivery:Lease"] = "00:00:04", ["Jobs:PollInterval"] = "00:00:00.500" };

        int atKill;
        using (var first = app.StartAppProcess(settings))
        {
            await WaitForAsync(() => Sent(alert.Slug) >= Subscribers / 5, first, () => $"the first node to send a fifth ({Sent(alert.Slug)} sent)");
            first.KillHard();
            atKill = Sent(alert.Slug);
        }
        using (var second = app.StartAppProcess(settings))
        {
            await WaitForAsync(() => Sent(alert.Slug) >= Subscribers, second, () => $"the second node to finish ({Sent(alert.Slug)} sent, {MissingReport(alert, recipients)})");
            // A little longer: anything sent twice would arrive now.
            await WaitForAsync(async () => (await app.DeliveriesAsync(alert.Id)).All(d => d.State == DeliveryState.Sent), second, () => "every delivery to be marked");
            second.KillHard();
        }

        Assert.InRange(atKill, Subscribers / 5, Subscribers - 1);
        var perRecipient = app.Mail.Messages.Where(m => m.Subject?.Contains(alert.Slug, StringComparison.Ordinal) == true)
            .GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Subscribers, perRecipient.Count);
        Assert.All(perRecipient, p => Assert.Equal(1, p.Value));
        Assert.All(recipients, r => Assert.True(perRecipient.ContainsKey(r)));
    }

    /// <summary>For the failure message: who got nothing, and what the database says (all sent, yet one missing, was the commit window).</summary>
    private string MissingReport((Guid Id, string Slug) alert, IReadOnlyCollection<string> recipients)
    {
        var got = app.Mail.Messages.Where(m => m.Subject?.Contains(alert.Slug, StringComparison.Ordinal) == true)
            .Select(m => m.To.Mailboxes.Single().Address).ToHashSet();
        var missing = recipients.Where(r => !got.Contains(r)).Take(5).ToList();
        var deliveries = app.DeliveriesAsync(alert.Id).GetAwaiter().GetResult();
        return $"missing {recipients.Count - got.Count}: {string.Join(", ", missing)}; states " +
            string.Join(", ", deliveries.GroupBy(d => d.State).Select(g => $"{g.Key} {g.Count()}"));
    }

    private int Sent(string slug) => app.Mail.Messages.Count(m => m.Subject?.Contains(slug, StringComparison.Ordinal) == true);

    private static Task WaitForAsync(Func<bool> done, AppProcess node, Func<string> what) => WaitForAsync(() => Task.FromResult(done()), node, what);

    // A real process on the system clock: this test has to poll (bounded), unlike the in-memory ones.
    private static async Task WaitForAsync(Func<Task<bool>> done, AppProcess node, Func<string> what)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(5);
        while (!await done())
        {
            // The messages are built only on failure: the one of the last wait reads the database.
            if (node.HasExited)
                Assert.Fail($"The app process ended while waiting for {what()}: {node.Output}");
            if (TimeProvider.System.GetUtcNow() >= deadline)
                Assert.Fail($"Timed out waiting for {what()}. {node.Output}");
            await Task.Delay(100);
        }
    }
}

/// <summary>
/// The crash tests run alone. Between a delivery's COMMIT and its last byte to the mail server lies a
/// window of microseconds that a crash can hit (docs/delivery.md, "Exactly once"); on a machine loaded far
/// beyond its cores, descheduling stretches it to milliseconds, and with 10,000 sends the kill then lands
/// in one now and then. Alone, the test measures the design rather than the neighbours' load.
/// </summary>
[CollectionDefinition(nameof(CrashTests), DisableParallelization = true)]
public sealed class CrashTests;

[Collection(nameof(CrashTests))]
public sealed class SqliteDeliveryCrashTests(SqliteApp app) : DeliveryCrashTests(app), IClassFixture<SqliteApp>;

[Collection(nameof(CrashTests))]
public sealed class PostgresDeliveryCrashTests(PostgresApp app) : DeliveryCrashTests(app), IClassFixture<PostgresApp>;
