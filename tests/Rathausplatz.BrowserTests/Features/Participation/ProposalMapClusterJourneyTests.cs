using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rathausplatz.BrowserTests.Infrastructure;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Proposals;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Participation;

/// <summary>
/// Many proposals close together show on the process page's map as one cluster with their number; a click on it
/// zooms in and the single markers appear. A class of its own: the extra proposals would change the map of the
/// other journeys.
/// </summary>
public sealed class ProposalMapClusterJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const int Nearby = 12;

    [Fact]
    public async Task ManyNearbyProposalsShowAsOneClusterThatOpensOnAClick()
    {
        // Twelve benches within about 100 m, two and a half kilometres from the demo's proposals at the market.
        for (var n = 0; n < Nearby; n++)
            await ProposeAsync($"Bank {n + 1} am Stadtpark", 51.0200 + n * 0.0001, 10.0300 + (n % 3) * 0.0001);

        await using var session = await app.OpenAsync(output);
        var page = session.Page;
        await page.GotoAsync("/beteiligung/marktplatz");
        var cluster = page.Locator(".marker-cluster", new() { HasText = $"{Nearby} Vorschläge" });
        await Assertions.Expect(cluster).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".leaflet-marker-icon[title^='Bank ']")).ToHaveCountAsync(0);
        await page.Locator("#proposals-heading").ScrollIntoViewIfNeededAsync();
        await PageChecks.CheckAsync(page, "proposal-map-cluster-01");

        await cluster.ClickAsync();
        await Assertions.Expect(page.Locator(".leaflet-marker-icon[title^='Bank 1 am Stadtpark']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".leaflet-marker-icon[title^='Bank ']")).ToHaveCountAsync(Nearby);
    }

    private async Task ProposeAsync(string title, double latitude, double longitude)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var organization = await db.Set<Organization>().SingleAsync(o => o.Slug == DemoSeeder.Slug);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organization.Id);
        var author = await db.Set<User>().Where(u => u.NormalizedEmail == "BUERGER@MUSTERSTADT.EXAMPLE").Select(u => u.Id).SingleAsync();
        var result = await scope.ServiceProvider.GetRequiredService<SubmitProposal>().RunAsync(new SubmitProposalInput
        {
            ProcessSlug = "marktplatz",
            AuthorId = author,
            Title = title,
            Body = "Eine Bank im Schatten.",
            Latitude = latitude,
            Longitude = longitude,
            AcceptsNetiquette = true,
        }, CancellationToken.None);
        Assert.True(result.Proposal is not null, string.Join(", ", result.Problems));
    }
}
