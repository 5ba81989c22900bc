using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rathausplatz.Data;
using Rathausplatz.Features.Delivery;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Bench.Delivery;

/// <summary>
/// One town with six topics (topic 4 has no subscribers: the warm-up alert; topic 5 only push subscribers:
/// the push alert of phase (d)) and four districts; the e-mail alert goes to topic 0 in district 1.
/// </summary>
internal sealed record Setup(Guid OrganizationId, Guid[] Topics, Guid[] Districts, Actor Editor)
{
    public AsyncServiceScope Scope(IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(OrganizationId);
        return scope;
    }

    public static async Task<Setup> OrganizationAsync(IServiceProvider services)
    {
        Guid id;
        await using (var scope = services.CreateAsyncScope())
        {
            var (created, problem) = await scope.ServiceProvider.GetRequiredService<ManageOrganizations>()
                .CreateAsync("Stadt Bench", "bench", "bench.rathausplatz.test", CancellationToken.None);
            id = created?.Id ?? throw new InvalidOperationException(problem);
        }
        var setup = new Setup(id, [], [], new Actor(Guid.CreateVersion7(), "Bench"));
        await using (var scope = setup.Scope(services))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var topics = Enumerable.Range(0, 6).Select(n => new Topic { Name = $"Thema {n}", Slug = $"thema-{n}" }).ToList();
            var districts = Enumerable.Range(0, 4).Select(n => new District
            {
                Name = $"Stadtteil {n}", Slug = $"stadtteil-{n}",
                BoundaryGeoJson = """{"type":"Polygon","coordinates":[[[10,51],[10.01,51],[10.01,51.01],[10,51.01],[10,51]]]}""",
            }).ToList();
            db.AddRange(topics);
            db.AddRange(districts);
            await db.SaveChangesAsync();
            return setup with { Topics = topics.Select(t => t.Id).ToArray(), Districts = districts.Select(d => d.Id).ToArray() };
        }
    }

    /// <summary>A draft alert about a topic in district 1, ready for <see cref="PublishPost"/>.</summary>
    public static async Task<Guid> DraftAlertAsync(IServiceProvider services, Setup setup, int topic, string slug)
    {
        await using var scope = setup.Scope(services);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var post = new Post
        {
            Type = PostType.Alert, Severity = AlertSeverity.Warning, Slug = slug, Status = PostStatus.Draft,
            Contents = [new PostContent { Language = PostLanguages.German, Title = "Unwetterwarnung für die Innenstadt",
                Summary = "Starkregen und Sturmböen bis 90 km/h am Abend; bitte Keller und Dachrinnen prüfen.", Body = "Der Deutsche Wetterdienst warnt." }],
            Topics = await db.Set<Topic>().Where(t => t.Id == setup.Topics[topic]).ToListAsync(),
            Districts = await db.Set<District>().Where(d => d.Id == setup.Districts[1]).ToListAsync(),
            CreatedById = setup.Editor.Id, CreatedByName = setup.Editor.Name, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    }

    public async Task<int> CountAsync(IServiceProvider services, Guid postId, DeliveryState? state)
    {
        await using var scope = Scope(services);
        var deliveries = scope.ServiceProvider.GetRequiredService<AppDb>().Set<Rathausplatz.Features.Delivery.Delivery>().Where(d => d.PostId == postId);
        return await (state is { } s ? deliveries.Where(d => d.State == s) : deliveries).CountAsync();
    }
}
