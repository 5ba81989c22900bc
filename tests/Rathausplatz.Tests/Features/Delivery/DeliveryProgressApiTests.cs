using System.Net;
using System.Net.Http.Json;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Delivery;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Delivery;

/// <summary>
/// <c>GET /api/v1/posts/{id}/delivery</c>, which the editor's post page polls while a delivery runs:
/// the same numbers as the page's panel, editors of the post's organisation only.
/// </summary>
public abstract class DeliveryProgressApiTests(RathausplatzApp app)
{
    [Fact]
    public async Task TheCountsMatchThePanelWhileQueuedAndWhenDone()
    {
        var organization = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        await app.AddConfirmedSubscribersAsync(organization, 3);
        var post = await app.PublishedPostAsync(editor);
        var client = await app.CreateSignedInClientAsync(editor);
        var path = $"/api/v1/posts/{post.Id}/delivery";

        var beforeFanOut = await client.GetFromJsonAsync<DeliveryProgressApi.DeliveryProgress>(path);
        Assert.Equal(1, await app.RunDueJobsAsync()); // the fan-out only: three mails wait
        using var queuedResponse = await client.GetAsync(path);
        var queued = await queuedResponse.Content.ReadFromJsonAsync<DeliveryProgressApi.DeliveryProgress>();
        var queuedPage = await client.GetPageAsync($"/newsroom/{post.Id}");
        await app.RunJobsUntilIdleAsync();
        var done = await client.GetFromJsonAsync<DeliveryProgressApi.DeliveryProgress>(path);
        var donePage = await client.GetPageAsync($"/newsroom/{post.Id}");

        Assert.Equal((0, 0, 0, 0, false), (beforeFanOut!.Queued, beforeFanOut.Sent, beforeFanOut.Failed, beforeFanOut.Skipped, beforeFanOut.Running));
        Assert.Empty(beforeFanOut.Channels);
        Assert.Equal(HttpStatusCode.OK, queuedResponse.StatusCode);
        Assert.Equal("no-store", queuedResponse.Headers.CacheControl?.ToString());
        Assert.Equal((3, 0, 0, 0, true), (queued!.Queued, queued.Sent, queued.Failed, queued.Skipped, queued.Running));
        Assert.Equal([new DeliveryProgressApi.ChannelProgress("email", 3, 0, 0, 0)], queued.Channels);
        Assert.Equal("true", queuedPage.QuerySelector("[data-delivery-progress]")!.GetAttribute("data-running"));
        Assert.Equal(path, queuedPage.QuerySelector("[data-delivery-progress]")!.GetAttribute("data-url"));
        Assert.Equal(Panel(queued), PanelOf(queuedPage));
        Assert.Equal((0, 3, 0, 0, false), (done!.Queued, done.Sent, done.Failed, done.Skipped, done.Running));
        Assert.Equal([new DeliveryProgressApi.ChannelProgress("email", 0, 3, 0, 0)], done.Channels);
        Assert.Equal(Panel(done), PanelOf(donePage));
        Assert.Equal("false", donePage.QuerySelector("[data-delivery-progress]")!.GetAttribute("data-running"));
        // Without script the page still offers a way to see new numbers.
        Assert.NotNull(donePage.QuerySelector($"a[href='/newsroom/{post.Id}#delivery-heading']"));
    }

    [Fact]
    public async Task OnlyEditorsOfThePostsOrganizationMayReadIt()
    {
        var organization = await app.CreateOrganizationAsync();
        var elsewhere = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(organization);
        await app.AddConfirmedSubscribersAsync(organization, 1);
        var post = await app.PublishedPostAsync(editor);
        await app.RunJobsUntilIdleAsync();
        var path = $"/api/v1/posts/{post.Id}/delivery";
        var foreignEditor = await app.CreateEditorAsync(elsewhere);
        var admin = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin));

        using var anonymous = await app.CreateClient(organization).GetAsync(path);
        using var citizen = await (await app.CreateSignedInClientAsync(await app.CreateUserAsync(organization, Roles.Citizen))).GetAsync(path);
        using var staff = await (await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff))).GetAsync(path);
        using var moderator = await (await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(organization, Roles.Moderator))).GetAsync(path);
        using var fromElsewhere = await (await app.CreateSignedInClientAsync(foreignEditor)).GetAsync(path);
        using var foreignCookie = await (await app.CreateSignedInClientAsync(foreignEditor, at: organization)).GetAsync(path);
        using var unknown = await (await app.CreateSignedInClientAsync(editor)).GetAsync($"/api/v1/posts/{Guid.CreateVersion7()}/delivery");
        using var asAdmin = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, citizen.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, moderator.StatusCode);
        // An editor of another town, at their own host: this town's post does not exist there.
        Assert.Equal(HttpStatusCode.NotFound, fromElsewhere.StatusCode);
        // Their cookie presented at this town's host does not make them an editor here.
        Assert.True(foreignCookie.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{foreignCookie.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Equal(1, (await asAdmin.Content.ReadFromJsonAsync<DeliveryProgressApi.DeliveryProgress>())!.Sent);
    }

    private static List<string> Panel(DeliveryProgressApi.DeliveryProgress progress) =>
        [$"{progress.Queued}|{progress.Sent}|{progress.Failed}|{progress.Skipped}",
            .. progress.Channels.Select(c => $"{c.Channel}:{c.Queued}|{c.Sent}|{c.Failed}|{c.Skipped}")];

    private static List<string> PanelOf(AngleSharp.Dom.IDocument page)
    {
        static string Counts(AngleSharp.Dom.IElement scope) =>
            string.Join("|", new[] { "queued", "sent", "failed", "skipped" }.Select(n => scope.QuerySelector($"[data-count='{n}']")!.TextContent.Trim()));
        return [Counts(page.QuerySelector("#delivery-progress")!),
            .. page.QuerySelectorAll("#delivery-channels tr[data-channel]").Select(r => $"{r.GetAttribute("data-channel")}:{Counts(r)}")];
    }
}

public sealed class SqliteDeliveryProgressApiTests(SqliteApp app) : DeliveryProgressApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDeliveryProgressApiTests(PostgresApp app) : DeliveryProgressApiTests(app), IClassFixture<PostgresApp>;
