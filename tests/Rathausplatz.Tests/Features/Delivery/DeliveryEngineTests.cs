using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Delivery;
using Rathausplatz.Features.Delivery.InApp;
using Rathausplatz.Features.Delivery.Push;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Newsroom.Editing;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Jobs;
using Rathausplatz.Web;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Delivery;

/// <summary>
/// The delivery engine on the jobs table: one row per post, subscription and channel; repeated or
/// parallel senders, an SMTP outage and refused addresses neither lose nor double a mail.
/// </summary>
public abstract class DeliveryEngineTests(RathausplatzApp app)
{
    [Fact]
    public async Task SendersRunTwiceOrInParallelSendEachMailOnce()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var recipients = await app.AddConfirmedSubscribersAsync(organization, 120);
        var post = await app.PublishedPostAsync(editor);

        // The fan-out job only (it queues the send job behind itself), then the senders race.
        var fanOut = Assert.Single(await app.JobsAsync(j => j.Kind == QueueDeliveries.JobKind && j.Payload.Contains(post.Id.ToString())));
        Assert.Equal(1, await app.RunDueJobsAsync());
        await app.AsEditorAsync(editor, async (scope, _) =>
        {
            var p = await scope.Db.Set<Post>().Include(x => x.Topics).Include(x => x.Districts).SingleAsync(x => x.Id == post.Id);
            return await scope.Get<QueueDeliveries>().FanOutAsync(p, CancellationToken.None);
        });
        var queued = await app.DeliveriesAsync(post.Id);
        await Task.WhenAll(
            Task.Run(() => app.SendDeliveriesAsync(organization, post.Id, "a")),
            Task.Run(() => app.SendDeliveriesAsync(organization, post.Id, "b")),
            Task.Run(() => app.RunJobsUntilIdleAsync("worker-2")));
        await app.RunJobsUntilIdleAsync();
        await app.SendDeliveriesAsync(organization, post.Id, "c");

        Assert.Equal(120, queued.Count);
        Assert.All(queued, d => Assert.Equal(DeliveryState.Queued, d.State));
        Assert.All(recipients, r => Assert.Single(app.PostMailsTo(r, post.Slug)));
        var deliveries = await app.DeliveriesAsync(post.Id);
        Assert.Equal(120, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.All(deliveries, d => Assert.Equal(1, d.Attempts));
        Assert.Equal(JobPriority.Normal, fanOut.Priority);
    }

    [Fact]
    public async Task DeliveriesWaitWhileTheSmtpServerIsDownAndThenArriveOnce()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var recipients = await app.AddConfirmedSubscribersAsync(organization, 5);

        List<Rathausplatz.Features.Delivery.Delivery> waiting;
        (Guid Id, string Slug) post;
        await app.Mail.StopAsync();
        try
        {
            post = await app.PublishedPostAsync(editor, PostType.Alert);
            await app.RunJobsUntilIdleAsync();
            app.AdvanceTime(TimeSpan.FromSeconds(1));
            await app.RunJobsUntilIdleAsync();
            waiting = await app.DeliveriesAsync(post.Id);
        }
        finally
        {
            await app.Mail.StartAsync();
        }
        var sentWhileDown = recipients.Sum(r => app.PostMailsTo(r, post.Slug).Count);
        for (var i = 0; i < 6; i++)
        {
            app.AdvanceTime(TimeSpan.FromMinutes(5));
            await app.RunJobsUntilIdleAsync();
        }

        Assert.Equal(0, sentWhileDown);
        Assert.Equal(5, waiting.Count);
        Assert.All(waiting, d => Assert.Equal(DeliveryState.Queued, d.State));
        Assert.All(waiting, d => Assert.True(d.NextAttemptAt > d.CreatedAt, "A retry waits."));
        Assert.All(waiting, d => Assert.Equal("SocketException", d.LastError));
        Assert.All(recipients, r => Assert.Single(app.PostMailsTo(r, post.Slug)));
        Assert.All(await app.DeliveriesAsync(post.Id), d => Assert.Equal(DeliveryState.Sent, d.State));
        // Nothing of the delivery waits any more (the organisation's next notice digest always does: a chain of its own).
        Assert.Empty(await app.JobsAsync(j => j.State == JobState.Pending && j.OrganizationId == organization.Id
            && j.Kind != Rathausplatz.Features.Delivery.NoticeDigest.SendNoticeDigest.JobKind));
    }

    [Fact]
    public async Task AnAddressRefusedForGoodIsDisabledAfterThreePosts()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var gone = Unique.Name("gibtsnicht") + "@example.org";
        var fine = Unique.Name("gibtsdoch") + "@example.org";
        await app.SubscribeAndConfirmAsync(organization, gone);
        await app.SubscribeAndConfirmAsync(organization, fine);
        app.Mail.Refuse(gone);

        var states = new List<(DeliveryState, SubscriptionState)>();
        for (var i = 0; i < 3; i++)
        {
            var post = await app.PublishedPostAsync(editor);
            await app.RunJobsUntilIdleAsync();
            var delivery = Assert.Single(await app.DeliveriesAsync(post.Id), d => d.State != DeliveryState.Sent);
            states.Add((delivery.State, (await app.FindSubscriptionAsync(organization, gone))!.State));
            Assert.Equal(1, delivery.Attempts);
            Assert.StartsWith("SMTP 5", delivery.LastError);
        }
        var afterwards = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal([(DeliveryState.Failed, SubscriptionState.Confirmed), (DeliveryState.Failed, SubscriptionState.Confirmed), (DeliveryState.Failed, SubscriptionState.Disabled)], states);
        Assert.Single(await app.DeliveriesAsync(afterwards.Id));
        Assert.Equal(4, app.Mail.MessagesTo(fine).Count(m => m.Subject?.StartsWith("Titel", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task ScheduledAndApprovedPostsAreDeliveredWhenTheyGoLiveAndPagesNever()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var email = Unique.Name("plan") + "@example.org";
        await app.SubscribeAndConfirmAsync(organization, email);
        var scheduled = await app.DraftPostAsync(editor, fill: f => f.PublishAt = TownTime.ToLocal(app.Now.AddHours(2)));
        Assert.Equal(PublishOutcome.Scheduled, await app.PublishAsync(editor, scheduled.Id));
        var page = await app.PublishedPostAsync(editor, PostType.Page);
        await app.RunJobsUntilIdleAsync();
        var beforeTime = app.PostMailsTo(email, scheduled.Slug).Count;

        app.AdvanceTime(TimeSpan.FromHours(2));
        await app.RunJobsUntilIdleAsync();
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(0, beforeTime);
        Assert.Single(app.PostMailsTo(email, scheduled.Slug));
        Assert.Empty(app.PostMailsTo(email, page.Slug));
        Assert.Empty(await app.JobsAsync(j => j.Kind == QueueDeliveries.JobKind && j.Payload.Contains(page.Id.ToString())));
    }

    [Fact]
    public async Task TheEditorSeesTheReachBeforeAndTheProgressAfterPublishingWithMaskedAddresses()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var north = await app.AddDistrictAsync(organization, "Nord");
        var south = await app.AddDistrictAsync(organization, "Süd");
        var northern = Unique.Name("nord") + "@example.org";
        var southern = Unique.Name("sued") + "@example.org";
        await app.SubscribeAndConfirmAsync(organization, northern, districts: [north.Id]);
        await app.SubscribeAndConfirmAsync(organization, southern, districts: [south.Id]);
        await app.AddConfirmedSubscribersAsync(organization, 2);
        // A daily subscriber in the north (reached in the digest), a browser and an account there, a browser in the south.
        await app.SubscribeAndConfirmAsync(organization, Unique.Name("taeglich") + "@example.org", districts: [north.Id], frequency: "Daily");
        await using (var scope = app.InOrganization(organization))
        {
            PushSubscription Browser(Guid district) => new()
            {
                Endpoint = $"https://push.example.org/{Unique.Name("b")}", P256dh = "k", Auth = "a", ConsentTextVersion = PushConsentText.Version,
                AllDistricts = false, Districts = [new PushSubscriptionDistrict { DistrictId = district }],
            };
            scope.Db.AddRange(Browser(north.Id), Browser(south.Id));
            scope.Db.Add(new InAppSubscription { UserId = editor.Id, AllDistricts = false, Districts = [new InAppSubscriptionDistrict { DistrictId = north.Id }] });
            await scope.Db.SaveChangesAsync();
        }
        var draft = await app.DraftPostAsync(editor, fill: f => f.DistrictIds = [north.Id]);
        var client = await app.CreateSignedInClientAsync(editor);

        var before = await client.GetPageAsync($"/newsroom/{draft.Id}");
        // The browsers' endpoints are made up: nothing to send them (web push is tested in WebPushTests).
        await using (var scope = app.InOrganization(organization))
            await scope.Db.Set<PushSubscription>().ExecuteDeleteAsync();
        Assert.Equal(PublishOutcome.Published, await app.PublishAsync(editor, draft.Id));
        await app.RunJobsUntilIdleAsync();
        await app.RunJobsUntilIdleAsync();
        var after = await client.GetPageAsync($"/newsroom/{draft.Id}");

        Assert.Contains("erreicht dieser Beitrag 4 bestätigte E-Mail-Abonnements", before.QuerySelector("#delivery-reach")!.TextContent);
        var rows = before.QuerySelectorAll("#delivery-reach-channels tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["Nord|4|1|1", "Insgesamt|4|1|1"], rows);
        var progress = after.QuerySelector("#delivery-progress")!.TextContent;
        Assert.Matches(@"Gesendet\s*4", progress); // three mails and the in-app notification; the digest waits
        Assert.Contains(northern[0] + "***@example.org", after.MainText());
        Assert.DoesNotContain(northern, after.MainText());
        Assert.DoesNotContain("s***@example.org", after.MainText());
    }
}

public sealed class SqliteDeliveryEngineTests(SqliteApp app) : DeliveryEngineTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDeliveryEngineTests(PostgresApp app) : DeliveryEngineTests(app), IClassFixture<PostgresApp>;
