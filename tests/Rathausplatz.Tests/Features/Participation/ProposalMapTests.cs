using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// The map of a process's proposals: the GeoJSON of those with a place (the list's district filter, hidden ones left
/// out, cached per town and evicted by a new proposal), and the plain list the page shows for browsers without script.
/// </summary>
public abstract class ProposalMapTests(RathausplatzApp app)
{
    private async Task<Proposal> PlacedAsync(TestOrganization org, ParticipationProcess process, TestUser author, string title,
        double? lat, double? lon, string? districtSlug = null, bool hidden = false)
    {
        var proposal = await app.SubmitProposalAsync(org, process, author, title);
        await using var scope = app.InOrganization(org);
        var tracked = await scope.Db.Set<Proposal>().SingleAsync(p => p.Id == proposal.Id);
        (tracked.Latitude, tracked.Longitude) = (lat, lon);
        if (districtSlug is not null)
            tracked.DistrictId = await scope.Db.Set<Rathausplatz.Features.Organizations.District>().Where(d => d.Slug == districtSlug).Select(d => d.Id).SingleAsync();
        if (hidden)
            (tracked.HiddenAt, tracked.HiddenReason) = (app.Now, "Werbung");
        await scope.Db.SaveChangesAsync();
        return proposal;
    }

    private static async Task<List<(string Title, string Url, double Lon, double Lat)>> FeaturesAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        return json.RootElement.GetProperty("features").EnumerateArray().Select(f =>
        {
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            var p = f.GetProperty("properties");
            return (p.GetProperty("title").GetString()!, p.GetProperty("url").GetString()!, c[0].GetDouble(), c[1].GetDouble());
        }).OrderBy(f => f.Item1, StringComparer.Ordinal).ToList();
    }

    private static List<string> ListedPlaces(IDocument page) =>
        page.QuerySelectorAll("[data-proposal-places] li a").Select(a => a.TextContent.Trim()).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task TheMapShowsTheLocatedVisibleProposalsOfTheListsFilterAndTheListWithoutScript()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var citizen = await app.CreateUserAsync(org, Roles.Citizen);
        var (_, north) = await app.AddDistrictAsync(org, "Nordstadt");
        var bench = await PlacedAsync(org, process, citizen, "Bank am Teich", 51.0052, 10.0061);
        await PlacedAsync(org, process, citizen, "Brunnen im Norden", 51.02, 10.01, north);
        await PlacedAsync(org, process, citizen, "Ohne Ort", null, null);
        await PlacedAsync(org, process, citizen, "Ausgeblendet", 51.01, 10.02, hidden: true);
        var visitor = app.CreateClient(org);
        var geojson = $"/beteiligung/{process.Slug}/vorschlaege.geojson";

        var all = await FeaturesAsync(visitor, geojson);
        Assert.Equal([("Bank am Teich", 10.0061, 51.0052), ("Brunnen im Norden", 10.01, 51.02)], all.Select(f => (f.Title, f.Lon, f.Lat)));
        Assert.Equal(RathausplatzApp.ProposalPath(process, bench.Id), all[0].Url);
        Assert.Equal(["Brunnen im Norden"], (await FeaturesAsync(visitor, $"{geojson}?stadtteil={north}")).Select(f => f.Title));
        Assert.Empty(await FeaturesAsync(visitor, $"{geojson}?stadtteil=gibt-es-nicht"));

        var page = await visitor.GetPageAsync($"/beteiligung/{process.Slug}");
        Assert.Equal(["Bank am Teich", "Brunnen im Norden"], ListedPlaces(page));
        Assert.Equal(geojson, page.QuerySelector("[data-proposal-map]")!.GetAttribute("data-source"));
        Assert.True(page.QuerySelector("[data-proposal-map]")!.HasAttribute("hidden"));
        var filtered = await visitor.GetPageAsync($"/beteiligung/{process.Slug}?stadtteil={north}");
        Assert.Equal(["Brunnen im Norden"], ListedPlaces(filtered));
        Assert.Equal($"{geojson}?stadtteil={north}", filtered.QuerySelector("[data-proposal-map]")!.GetAttribute("data-source"));

        // Cached, and a new proposal evicts it.
        await PlacedAsync(org, process, citizen, "Baum am Markt", 51.03, 10.03);
        Assert.Equal(3, (await FeaturesAsync(visitor, geojson)).Count);
    }

    [Fact]
    public async Task OnlyPublishedProcessesOfTheTownAnswer()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var draft = await app.CreateProcessAsync(org, new ProcessSpec { Published = false });
        var citizen = await app.CreateUserAsync(org, Roles.Citizen);
        await PlacedAsync(org, process, citizen, "Bank am Teich", 51.0052, 10.0061);
        var other = await app.CreateOrganizationAsync();

        using var foreign = await app.CreateClient(other).GetAsync($"/beteiligung/{process.Slug}/vorschlaege.geojson");
        using var unpublished = await app.CreateClient(org).GetAsync($"/beteiligung/{draft.Slug}/vorschlaege.geojson");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        Assert.Single(await FeaturesAsync(app.CreateClient(org), $"/beteiligung/{process.Slug}/vorschlaege.geojson"));
    }
}

public sealed class SqliteProposalMapTests(SqliteApp app) : ProposalMapTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProposalMapTests(PostgresApp app) : ProposalMapTests(app), IClassFixture<PostgresApp>;
