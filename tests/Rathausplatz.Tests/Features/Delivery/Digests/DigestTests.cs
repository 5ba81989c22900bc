using System.Net;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Delivery;
using Rathausplatz.Features.Delivery.Digests;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Tests.Support;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Delivery.Digests;

/// <summary>
/// Daily and weekly digests: subscribers who chose them get nothing at publication, one mail with all
/// their posts at the digest hour (07:00 in the town's time by default), never a second one; alerts
/// still come at once.
/// </summary>
public abstract class DigestTests(RathausplatzApp app)
{
    /// <summary>The next 07:00 in Berlin after the app's clock, worked out here independently of the app.</summary>
    private DateTime NextSevenOClock()
    {
        var local = TownTime.ToLocal(app.Now)!.Value;
        var at = local.Date.AddHours(7);
        if (at <= local)
            at = at.AddDays(1);
        return TownTime.ToUtc(at)!.Value;
    }

    private async Task<DateTime> ArriveJustBeforeAsync(DateTime moment)
    {
        app.AdvanceTime(moment - app.Now - TimeSpan.FromMinutes(1));
        await app.RunJobsUntilIdleAsync();
        return moment;
    }

    [Fact]
    public async Task ADailySubscriberGetsOneMailWithBothPostsAtTheDigestHourAndNeverASecond()
    {
        var organization = await app.CreateOrganizationAsync("Digesthausen");
        var editor = await app.CreateEditorAsync(organization);
        var daily = Unique.Name("taeglich") + "@example.org";
        var now = Unique.Name("sofort") + "@example.org";
        await app.SubscribeAndConfirmAsync(organization, daily, frequency: "Daily");
        await app.SubscribeAndConfirmAsync(organization, now);

        var first = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();
        var second = await app.PublishedPostAsync(editor, PostType.Event);
        await app.RunJobsUntilIdleAsync();
        var atPublication = app.Mail.MessagesTo(daily).Count;
        var moment = NextSevenOClock();
        await ArriveJustBeforeAsync(moment);
        var beforeTheHour = app.Mail.MessagesTo(daily).Digests().Count;
        app.AdvanceTime(TimeSpan.FromMinutes(1));
        await app.RunJobsUntilIdleAsync();
        var rows = await app.DeliveriesAsync(first.Id);

        // A rerun of the digest (a second job for the same moment, the next day's run) finds nothing left to send.
        await using (var scope = app.InOrganization(organization))
            await SendDigests.ScheduleAsync(scope.Get<Rathausplatz.Jobs.JobQueue>(), organization.Id, DeliveryFrequency.Daily, app.Now.AddSeconds(1), CancellationToken.None);
        app.AdvanceTime(TimeSpan.FromSeconds(1));
        await app.RunJobsUntilIdleAsync();
        app.AdvanceTime(TimeSpan.FromDays(1));
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(2, app.PostMailsTo(now, first.Slug).Count + app.PostMailsTo(now, second.Slug).Count);
        Assert.Empty(app.Mail.MessagesTo(now).Digests());
        Assert.Empty(app.PostMailsTo(daily, first.Slug));
        Assert.Empty(app.PostMailsTo(daily, second.Slug));
        Assert.Equal(1, atPublication); // the confirmation mail only
        Assert.Equal(0, beforeTheHour);
        var digest = Assert.Single(app.Mail.MessagesTo(daily).Digests());
        Assert.Equal("Ihre tägliche Zusammenfassung von Digesthausen", digest.Subject);
        foreach (var post in new[] { first, second })
        {
            Assert.Contains("Titel " + post.Slug, digest.TextBody);
            Assert.Contains($"https://{organization.Host}/aktuelles/{post.Slug}", digest.TextBody);
            Assert.Contains($"href=\"https://{organization.Host}/aktuelles/{post.Slug}\"", digest.HtmlBody);
        }
        Assert.True(digest.TextBody!.IndexOf(first.Slug, StringComparison.Ordinal) < digest.TextBody.IndexOf(second.Slug, StringComparison.Ordinal));
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith($"https://{organization.Host}/abonnement/abmelden/", digest.OneClickUnsubscribe().ToString());
        Assert.Contains($"https://{organization.Host}/abonnement/", digest.TextBody);
        var row = Assert.Single(rows, r => r.Channel == DeliveryChannel.EmailDigest);
        Assert.Equal((DeliveryState.Sent, 1, moment), (row.State, row.Attempts, row.NextAttemptAt));
        Assert.All((await app.DeliveriesAsync(second.Id)).Where(r => r.Channel == DeliveryChannel.EmailDigest),
            r => Assert.Equal((DeliveryState.Sent, 1), (r.State, r.Attempts)));

        // The one-click link of the digest works like an immediate mail's.
        using var provider = app.CreateClient(organization);
        using var oneClick = await provider.PostAsync(digest.OneClickUnsubscribe().PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Null(await app.FindSubscriptionAsync(organization, daily));
    }

    [Fact]
    public async Task ADigestClaimedByAWorkerThatDiedGoesOutOnceAfterItsLease()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var daily = Unique.Name("absturz") + "@example.org";
        await app.SubscribeAndConfirmAsync(organization, daily, frequency: "Daily");
        var first = await app.PublishedPostAsync(editor);
        var second = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();
        var moment = NextSevenOClock();
        app.AdvanceTime(moment - app.Now);

        // A worker claims the digest and dies before its commit point: the server never got the terminator.
        List<Rathausplatz.Features.Delivery.Delivery> claimed;
        await using (var scope = app.InOrganization(organization))
            claimed = await scope.Get<DigestStore>().ClaimAsync(organization.Id, "dead-worker", 50, TimeSpan.FromMinutes(2), CancellationToken.None);
        await app.RunJobsUntilIdleAsync();
        var whileLeased = app.Mail.MessagesTo(daily).Digests().Count;
        app.AdvanceTime(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await app.RunJobsUntilIdleAsync();
        app.AdvanceTime(TimeSpan.FromDays(2));
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(2, claimed.Count);
        Assert.Equal(0, whileLeased);
        var digest = Assert.Single(app.Mail.MessagesTo(daily).Digests());
        Assert.Contains(first.Slug, digest.TextBody);
        Assert.Contains(second.Slug, digest.TextBody);
        Assert.All((await app.DeliveriesAsync(first.Id)).Concat(await app.DeliveriesAsync(second.Id)),
            r => Assert.Equal((DeliveryState.Sent, 2), (r.State, r.Attempts)));
    }

    [Fact]
    public async Task AnAlertReachesADigestSubscriberAtOnceAndStaysOutOfTheDigest()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var weekly = Unique.Name("woechentlich") + "@example.org";
        await app.SubscribeAndConfirmAsync(organization, weekly, frequency: "Weekly", language: "en");

        var alert = await app.PublishedPostAsync(editor, PostType.Alert);
        var news = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();
        var alertAtOnce = app.PostMailsTo(weekly, alert.Slug).Count;
        var local = TownTime.ToLocal(app.Now)!.Value;
        var monday = local.Date.AddHours(7);
        while (monday <= local || monday.DayOfWeek != DayOfWeek.Monday)
            monday = monday.AddDays(1);
        await ArriveJustBeforeAsync(TownTime.ToUtc(monday)!.Value);
        var beforeMonday = app.Mail.MessagesTo(weekly).Digests().Count;
        app.AdvanceTime(TimeSpan.FromMinutes(1));
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(1, alertAtOnce);
        Assert.Equal(0, beforeMonday);
        var digest = Assert.Single(app.Mail.MessagesTo(weekly), m => m.Subject?.Contains("digest", StringComparison.Ordinal) == true);
        Assert.Equal($"Your weekly digest from {organization.Name}", digest.Subject);
        Assert.Contains(news.Slug, digest.TextBody);
        Assert.DoesNotContain(alert.Slug, digest.TextBody);
        Assert.DoesNotContain(await app.DeliveriesAsync(alert.Id), r => r.Channel == DeliveryChannel.EmailDigest);
    }

    [Fact]
    public async Task ASubscriberWhoUnsubscribedBeforeTheDigestGetsNone()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var daily = Unique.Name("abgemeldet") + "@example.org";
        var preferences = await app.SubscribeAndConfirmAsync(organization, daily, frequency: "Daily");
        var post = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();

        using var provider = app.CreateClient(organization);
        using var oneClick = await provider.PostAsync(preferences.Replace("/abonnement/", "/abonnement/abmelden/", StringComparison.Ordinal),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        app.AdvanceTime(NextSevenOClock() - app.Now);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Empty(app.Mail.MessagesTo(daily).Digests());
        var row = Assert.Single(await app.DeliveriesAsync(post.Id), r => r.Channel == DeliveryChannel.EmailDigest);
        Assert.Equal(DeliveryState.Skipped, row.State);
    }
}

public sealed class SqliteDigestTests(SqliteApp app) : DigestTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDigestTests(PostgresApp app) : DigestTests(app), IClassFixture<PostgresApp>;

/// <summary>The digest moments in the town's time, across a change to summer time.</summary>
public sealed class DigestScheduleTests
{
    private static readonly DeliveryOptions Defaults = new();

    [Theory]
    // Wednesday 10:00 in Berlin (winter): the daily digest is Thursday 07:00 CET, the weekly one Monday.
    [InlineData("2026-01-14T09:00:00Z", DeliveryFrequency.Daily, "2026-01-15T06:00:00Z")]
    [InlineData("2026-01-14T09:00:00Z", DeliveryFrequency.Weekly, "2026-01-19T06:00:00Z")]
    // Just before 07:00 the same morning; exactly at 07:00 the next one.
    [InlineData("2026-01-14T05:59:00Z", DeliveryFrequency.Daily, "2026-01-14T06:00:00Z")]
    [InlineData("2026-01-14T06:00:00Z", DeliveryFrequency.Daily, "2026-01-15T06:00:00Z")]
    // Summer time begins on Sunday 29 March 2026: Monday's 07:00 is CEST, 05:00 UTC.
    [InlineData("2026-03-28T12:00:00Z", DeliveryFrequency.Weekly, "2026-03-30T05:00:00Z")]
    [InlineData("2026-03-28T12:00:00Z", DeliveryFrequency.Daily, "2026-03-29T05:00:00Z")]
    public void TheNextMomentIsTheDigestHourInBerlin(string now, DeliveryFrequency frequency, string expected)
    {
        var at = DigestSchedule.NextUtc(frequency, DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal), Defaults);

        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), at);
    }

    [Fact]
    public void AnHourThatDoesNotExistThatNightIsTheNextOne()
    {
        var at = DigestSchedule.NextUtc(DeliveryFrequency.Daily, new DateTime(2026, 3, 28, 12, 0, 0, DateTimeKind.Utc), new DeliveryOptions { DigestHour = 2 });

        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), at); // 03:00 CEST
    }
}
