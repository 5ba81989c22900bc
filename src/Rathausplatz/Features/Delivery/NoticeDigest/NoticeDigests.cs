using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Delivery.NoticeDigest;

/// <summary>
/// Starts an organisation's chain of notice digest jobs (<see cref="SendNoticeDigest"/>: each job stores its successor).
/// </summary>
/// <remarks>
/// Why here and not where a notice is added: notices are added to the caller's unit of work (a stream post, a task),
/// and a job with a key that another request stored meanwhile would make the caller's SaveChanges fail. So the chain
/// starts once per organisation instead: when the organisation is made (<see cref="ManageOrganizations"/>), at every
/// start-up for all organisations (those that existed before the digest, and any chain a lost job broke). Each start is idempotent (the key of the next moment), so nodes and repeats do not double it.
/// </remarks>
public sealed class NoticeDigests(IServiceScopeFactory scopes, TimeProvider time, IOptions<DeliveryOptions> options)
{
    public async Task StartAsync(Guid organizationId, CancellationToken ct)
    {
        // A scope of its own, working for the organisation: the job belongs to it, and the caller's unit of work stays untouched.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organizationId);
        await SendNoticeDigest.ScheduleAsync(scope.ServiceProvider.GetRequiredService<JobQueue>(), organizationId,
            time.GetUtcNow().UtcDateTime, options.Value, ct);
    }
}

/// <summary>At start-up, makes sure every organisation's chain of notice digests runs (see <see cref="NoticeDigests"/>).</summary>
internal sealed class StartNoticeDigests(IServiceScopeFactory scopes, NoticeDigests digests, ILogger<StartNoticeDigests> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            List<Guid> organizations;
            await using (var scope = scopes.CreateAsyncScope())
                organizations = await scope.ServiceProvider.GetRequiredService<AppDb>().Set<Organization>().Select(o => o.Id).ToListAsync(stoppingToken);
            foreach (var organization in organizations)
                await digests.StartAsync(organization, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The chains that run go on; a missing one starts at the next start-up.
            log.LogError(e, "Starting the notice digests failed");
        }
    }
}
