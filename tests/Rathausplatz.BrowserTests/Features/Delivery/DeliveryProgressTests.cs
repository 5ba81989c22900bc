using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rathausplatz.BrowserTests.Infrastructure;
using Rathausplatz.Data;
using Rathausplatz.Features.Delivery;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Organizations;
using Xunit.Abstractions;
using DeliveryRow = Rathausplatz.Features.Delivery.Delivery;

namespace Rathausplatz.BrowserTests.Features.Delivery;

/// <summary>
/// The editor's post page follows a running delivery without a reload: the counts change as the
/// rows change in the database, the status line says when the delivery is done, and the log agrees.
/// </summary>
public sealed class DeliveryProgressTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Editor = "redaktion@musterstadt.example";

    [Fact]
    public async Task TheCountsChangeWithoutReloadAndTheEndIsAnnounced()
    {
        // Rows as the fan-out writes them, but with no send job behind them: the test moves them on itself.
        var postId = await QueueDeliveriesAsync(3);
        await using var session = await app.OpenSignedInAsync(Editor, output);
        var page = session.Page;

        await page.GotoAsync($"/newsroom/{postId}");
        var totals = page.Locator("#delivery-progress");
        await Assertions.Expect(totals.Locator("[data-count='queued']")).ToHaveTextAsync("3");
        await Assertions.Expect(totals.Locator("[data-count='sent']")).ToHaveTextAsync("0");
        await PageChecks.CheckAsync(page, "delivery-progress-running");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await SetStateAsync(postId, 1, DeliveryState.Sent);
        await Assertions.Expect(totals.Locator("[data-count='sent']")).ToHaveTextAsync("1");
        await Assertions.Expect(totals.Locator("[data-count='queued']")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-delivery-status]")).ToHaveTextAsync("Stand der Zustellung: 2 wartend, 1 gesendet, 0 fehlgeschlagen.");

        await SetStateAsync(postId, 1, DeliveryState.Failed);
        await SetStateAsync(postId, 1, DeliveryState.Sent);
        await Assertions.Expect(page.Locator("[data-delivery-status]")).ToHaveTextAsync("Die Zustellung ist abgeschlossen: 2 gesendet, 1 fehlgeschlagen.");
        await Assertions.Expect(totals.Locator("[data-count='queued']")).ToHaveTextAsync("0");
        await Assertions.Expect(totals.Locator("[data-count='failed']")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#delivery-channels tr[data-channel='email'] [data-count='sent']")).ToHaveTextAsync("2");
        // The log below the counts follows them (taken again from the page), so it no longer says "waiting".
        var log = page.Locator("[data-delivery-log] tbody tr");
        await Assertions.Expect(log.Filter(new() { HasText = "Fehlgeschlagen" })).ToHaveCountAsync(1);
        await Assertions.Expect(log.Filter(new() { HasText = "Gesendet" })).ToHaveCountAsync(2);
        await Assertions.Expect(log.Filter(new() { HasText = "Wartend" })).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page was reloaded.");
        await PageChecks.CheckAsync(page, "delivery-progress-done");
    }

    private async Task<Guid> QueueDeliveriesAsync(int count)
    {
        using var scope = app.Services.CreateScope();
        var db = await EnterAsync(scope);
        var postId = await db.Set<Post>().Where(p => p.Status == PostStatus.Published && p.Type == PostType.News)
            .Where(p => !db.Set<DeliveryRow>().Any(d => d.PostId == p.Id)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < count; i++)
        {
            db.Add(new DeliveryRow
            {
                PostId = postId, SubscriptionId = Guid.CreateVersion7(), Channel = DeliveryChannel.Email, State = DeliveryState.Queued,
                NextAttemptAt = now.AddDays(1), CreatedAt = now,
            });
        }
        await db.SaveChangesAsync();
        return postId;
    }

    /// <summary>Moves <paramref name="count"/> waiting rows of the post to <paramref name="state"/>, as a sender would.</summary>
    private async Task SetStateAsync(Guid postId, int count, DeliveryState state)
    {
        using var scope = app.Services.CreateScope();
        var db = await EnterAsync(scope);
        var ids = await db.Set<DeliveryRow>().Where(d => d.PostId == postId && d.State == DeliveryState.Queued)
            .OrderBy(d => d.SubscriptionId).Take(count).Select(d => d.SubscriptionId).ToListAsync();
        await db.Set<DeliveryRow>().Where(d => d.PostId == postId && ids.Contains(d.SubscriptionId))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, state).SetProperty(d => d.Attempts, 1).SetProperty(d => d.SentAt, app.Clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<AppDb> EnterAsync(IServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var organization = await db.Set<Organization>().SingleAsync(o => o.Slug == DemoSeeder.Slug);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organization.Id);
        return db;
    }
}
