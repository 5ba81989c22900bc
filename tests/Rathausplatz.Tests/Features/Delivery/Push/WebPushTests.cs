using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Delivery;
using Rathausplatz.Features.Delivery.Push;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Tests.Support;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Delivery.Push;

/// <summary>
/// Web push end to end: a browser's subscription posted through /abonnieren/push, a post published,
/// the app's message received by a local push service that checks VAPID and decrypts the payload
/// with third-party code (npm web-push's http_ece); gone subscriptions removed; the SSRF guard.
/// </summary>
public abstract class WebPushTests(RathausplatzApp app)
{
    private static readonly string[] AllTypes = ["News", "ServiceInformation", "Event", "Alert", "JobPosting"];

    [Fact]
    public async Task ASubscribedBrowserGetsExactlyTheMatchingPostDecryptedOnce()
    {
        var push = await TestPushService.StartAsync();
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var traffic = await app.AddTopicAsync(organization, "Verkehr");
        var culture = await app.AddTopicAsync(organization, "Kultur");
        var browser = await push.NewSubscriptionAsync();

        using var subscribed = await SubscribeAsync(organization, browser, ("Input.TopicIds", traffic.Id.ToString()));
        using var again = await SubscribeAsync(organization, browser, ("Input.TopicIds", traffic.Id.ToString()));
        var matching = await app.PublishedPostAsync(editor, PostType.Alert, f => f.TopicIds = [traffic.Id]);
        var other = await app.PublishedPostAsync(editor, fill: f => f.TopicIds = [culture.Id]);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.Equal("Push-Benachrichtigungen sind in diesem Browser eingeschaltet.",
            (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        var stored = Assert.Single(await PushSubscriptionsAsync(organization));
        Assert.Equal((browser.Endpoint, PushConsentText.Version, app.Now, false), (stored.Endpoint, stored.ConsentTextVersion, stored.ConsentGivenAt, stored.AllTopics));
        var received = Assert.Single(await push.ReceivedAsync(browser));
        Assert.False(received.TryGetProperty("error", out var error), error.ToString());
        var payload = received.GetProperty("payload");
        Assert.Equal($"Warnung: Titel {matching.Slug}", payload.GetProperty("title").GetString());
        Assert.Equal("Kurz gesagt", payload.GetProperty("body").GetString());
        Assert.Equal($"https://{organization.Host}/aktuelles/{matching.Slug}", payload.GetProperty("url").GetString());
        Assert.Equal("warning", payload.GetProperty("severity").GetString());
        Assert.Equal("high", received.GetProperty("urgency").GetString());
        Assert.Equal(matching.Id.ToString("N"), received.GetProperty("topic").GetString());
        Assert.Equal("86400", received.GetProperty("ttl").GetString());
        // Lib.Net.Http.WebPush's quirk: the audience is the origin without its port.
        Assert.Equal("https://127.0.0.1", received.GetProperty("aud").GetString());
        Assert.Equal("mailto:noreply@rathausplatz.test", received.GetProperty("sub").GetString());
        var delivery = Assert.Single(await app.DeliveriesAsync(matching.Id), d => d.Channel == DeliveryChannel.Push);
        Assert.Equal((DeliveryState.Sent, 1), (delivery.State, delivery.Attempts));
        Assert.DoesNotContain(await app.DeliveriesAsync(other.Id), d => d.Channel == DeliveryChannel.Push);
    }

    [Fact]
    public async Task ASubscriptionThePushServiceCallsGoneIsRemoved()
    {
        var push = await TestPushService.StartAsync();
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var browser = await push.NewSubscriptionAsync();
        using var subscribed = await SubscribeAsync(organization, browser);
        await push.AnswerAsync(browser, 410);

        var post = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();
        var later = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();

        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.Empty(await PushSubscriptionsAsync(organization));
        var delivery = Assert.Single(await app.DeliveriesAsync(post.Id), d => d.Channel == DeliveryChannel.Push);
        Assert.Equal((DeliveryState.Failed, "Push 410: subscription removed"), (delivery.State, delivery.LastError));
        Assert.DoesNotContain(await app.DeliveriesAsync(later.Id), d => d.Channel == DeliveryChannel.Push);
    }

    [Fact]
    public async Task ABusyPushServiceIsTriedAgainLaterAndGetsTheMessageOnce()
    {
        var push = await TestPushService.StartAsync();
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        var browser = await push.NewSubscriptionAsync();
        using var subscribed = await SubscribeAsync(organization, browser);
        await push.AnswerAsync(browser, 503);

        var post = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();
        var waiting = Assert.Single(await app.DeliveriesAsync(post.Id), d => d.Channel == DeliveryChannel.Push);
        await push.AnswerAsync(browser, 429);
        app.AdvanceTime(TimeSpan.FromMinutes(5));
        await app.RunJobsUntilIdleAsync();
        var stillWaiting = Assert.Single(await app.DeliveriesAsync(post.Id), d => d.Channel == DeliveryChannel.Push);
        await push.AnswerAsync(browser, 201);
        for (var i = 0; i < 3; i++)
        {
            app.AdvanceTime(TimeSpan.FromMinutes(5));
            await app.RunJobsUntilIdleAsync();
        }

        Assert.Equal((DeliveryState.Queued, 1, "Push 503"), (waiting.State, waiting.Attempts, waiting.LastError));
        Assert.Equal((DeliveryState.Queued, 2, "Push 429"), (stillWaiting.State, stillWaiting.Attempts, stillWaiting.LastError));
        Assert.Single(await push.ReceivedAsync(browser));
        var sent = Assert.Single(await app.DeliveriesAsync(post.Id), d => d.Channel == DeliveryChannel.Push);
        Assert.Equal((DeliveryState.Sent, 3), (sent.State, sent.Attempts));
        Assert.Single(await PushSubscriptionsAsync(organization));
    }

    [Theory]
    [InlineData("http://127.0.0.1/push/x", "Push-Adressen müssen mit https:// beginnen.")]
    [InlineData("https://10.0.0.7/push/x", "Push-Adressen im eigenen oder privaten Netz sind nicht erlaubt.")]
    [InlineData("https://192.168.1.1/push/x", "Push-Adressen im eigenen oder privaten Netz sind nicht erlaubt.")]
    [InlineData("https://169.254.169.254/latest/meta-data", "Push-Adressen im eigenen oder privaten Netz sind nicht erlaubt.")]
    [InlineData("https://[fd00::1]/push/x", "Push-Adressen im eigenen oder privaten Netz sind nicht erlaubt.")]
    [InlineData("https://[::ffff:10.0.0.1]/push/x", "Push-Adressen im eigenen oder privaten Netz sind nicht erlaubt.")]
    [InlineData("https://localhost/push/x", "Push-Adressen im eigenen oder privaten Netz sind nicht erlaubt.")]
    [InlineData("https://db.internal/push/x", "Push-Adressen im eigenen oder privaten Netz sind nicht erlaubt.")]
    [InlineData("garbage", "Die Push-Adresse des Browsers ist ungültig.")]
    [InlineData("", "Die Push-Adresse des Browsers ist ungültig.")]
    public async Task AnEndpointThatIsNotAPublicHttpsAddressIsRefused(string endpoint, string message)
    {
        var push = await TestPushService.StartAsync();
        var organization = await app.CreateOrganizationAsync();
        var browser = await push.NewSubscriptionAsync() with { Endpoint = endpoint };

        using var refused = await SubscribeAsync(organization, browser);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(message, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Empty(await PushSubscriptionsAsync(organization));
    }

    [Fact]
    public async Task BadKeysAMissingTokenOrNoTypeAreRefused()
    {
        var push = await TestPushService.StartAsync();
        var organization = await app.CreateOrganizationAsync();
        var browser = await push.NewSubscriptionAsync();
        var client = app.CreateClient(organization, "en");

        using var badKey = await SubscribeAsync(organization, browser with { P256dh = browser.Auth });
        using var noTypes = await SubscribeAsync(organization, browser, types: []);
        using var noToken = await client.PostAsync("/abonnieren/push", new FormUrlEncodedContent(
            [new("Endpoint", browser.Endpoint), new("P256dh", browser.P256dh), new("Auth", browser.Auth), new("Input.Types", "News")]));
        using var english = await SubscribeAsync(organization, browser with { Endpoint = "http://example.org/x" }, client: client);

        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Equal("Die Schlüssel des Browsers sind ungültig.", (await badKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noTypes.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal("Push addresses must start with https://.", (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Empty(await PushSubscriptionsAsync(organization));
    }

    [Fact]
    public async Task ThePageOffersPushOnlyThroughItsScriptWithTheInstallationsKey()
    {
        var organization = await app.CreateOrganizationAsync();
        var page = await app.CreateClient(organization).GetPageAsync("/abonnieren");

        var section = page.QuerySelector("section[data-push]");
        Assert.NotNull(section);
        Assert.True(section.HasAttribute("hidden"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/push.js']"));
        var key = Convert.FromBase64String(section.GetAttribute("data-vapid-key")!.Replace('-', '+').Replace('_', '/') + "=");
        Assert.Equal((65, (byte)4), (key.Length, key[0]));
        await using var scope = app.WithoutOrganization();
        Assert.Equal(section.GetAttribute("data-vapid-key"), (await scope.Db.Set<VapidKeys>().SingleAsync()).PublicKey);
    }

    [Fact]
    public void TheGuardRefusesLoopbackInProductionAndLetsPublicAddressesThrough()
    {
        Assert.NotNull(PushEndpoints.Problem("https://127.0.0.1:8443/push/x", allowLoopback: false));
        Assert.NotNull(PushEndpoints.Problem("https://[::1]/push/x", allowLoopback: false));
        Assert.Null(PushEndpoints.Problem("https://127.0.0.1:8443/push/x", allowLoopback: true));
        Assert.Null(PushEndpoints.Problem("https://fcm.googleapis.com/fcm/send/abc", allowLoopback: false));
        Assert.False(OutboundAddresses.IsPublic(IPAddress.Parse("::ffff:127.0.0.1"), allowLoopback: false));
        Assert.False(OutboundAddresses.IsPublic(IPAddress.Parse("172.20.1.1"), allowLoopback: true));
        Assert.False(OutboundAddresses.IsPublic(IPAddress.Parse("100.64.0.1"), allowLoopback: true));
        Assert.True(OutboundAddresses.IsPublic(IPAddress.Parse("172.32.0.1"), allowLoopback: false));
        Assert.True(OutboundAddresses.IsPublic(IPAddress.Parse("2a00:1450:4001::1"), allowLoopback: false));
    }

    private async Task<HttpResponseMessage> SubscribeAsync(TestOrganization organization, FakeSubscription browser,
        (string Name, string Value)? choice = null, string[]? types = null, HttpClient? client = null)
    {
        client ??= app.CreateClient(organization);
        var page = await client.GetPageAsync("/abonnieren");
        List<(string, string)> fields = [("Endpoint", browser.Endpoint), ("P256dh", browser.P256dh), ("Auth", browser.Auth), ("Input.Language", "de")];
        fields.AddRange((types ?? AllTypes).Select(t => ("Input.Types", t)));
        if (choice is { } c)
            fields.Add(c);
        return await client.PostHandMadeAsync(page, "/abonnieren/push", [.. fields]);
    }

    private async Task<List<PushSubscription>> PushSubscriptionsAsync(TestOrganization organization)
    {
        await using var scope = app.InOrganization(organization);
        return await scope.Db.Set<PushSubscription>().AsNoTracking().ToListAsync();
    }
}

public sealed class SqliteWebPushTests(SqliteApp app) : WebPushTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresWebPushTests(PostgresApp app) : WebPushTests(app), IClassFixture<PostgresApp>;
