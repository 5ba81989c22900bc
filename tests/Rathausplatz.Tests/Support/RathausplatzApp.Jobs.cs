using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Jobs;

namespace Rathausplatz.Tests.Support;

public abstract partial class RathausplatzApp
{
    public const string Worker = "test-worker";

    public JobOptions JobOptions => Services.GetRequiredService<IOptions<JobOptions>>().Value;

    /// <summary>
    /// Moves the app's clock; leases expire and retries fall due without anyone sleeping. Cached pages go too:
    /// the output cache store counts real seconds, so after a jump of hours it would still hold pages whose
    /// lifetime (bounded by the next change on the clock, see <see cref="PageCacheRecorder"/>) has long run out.
    /// </summary>
    public void AdvanceTime(TimeSpan by)
    {
        Time.Advance(by);
        ForgetCachedPages();
    }

    /// <summary>Stores a job now and returns its id.</summary>
    public async Task<Guid> EnqueueAsync(string kind, object? payload = null, int priority = JobPriority.Normal)
    {
        await using var scope = WithoutOrganization();
        var job = scope.Get<JobQueue>().Add(kind, payload ?? new { }, priority: priority);
        await scope.Db.SaveChangesAsync();
        return job.Id;
    }

    /// <summary>Stores <paramref name="count"/> jobs in one transaction.</summary>
    public async Task<List<Guid>> EnqueueManyAsync(string kind, int count)
    {
        await using var scope = WithoutOrganization();
        var queue = scope.Get<JobQueue>();
        var jobs = Enumerable.Range(0, count).Select(n => queue.Add(kind, new { n })).ToList();
        await scope.Db.SaveChangesAsync();
        return jobs.Select(j => j.Id).ToList();
    }

    /// <summary>Enqueues through <see cref="JobQueue.EnqueueAsync"/> in a scope of its own, as one request or node would.</summary>
    public async Task EnqueueOnceAsync(string kind, string idempotencyKey)
    {
        await using var scope = WithoutOrganization();
        await scope.Get<JobQueue>().EnqueueAsync(kind, new { idempotencyKey }, idempotencyKey);
    }

    /// <summary>Queues a mail the way features do: <see cref="Mailer"/> in a scope working for the organisation.</summary>
    public async Task SendMailAsync(TestOrganization organization, string to, string subject, string text = "Guten Tag.")
    {
        await using var scope = InOrganization(organization);
        await scope.Get<Mailer>().SendAsync(new OutgoingMail(to, subject, text, HtmlBody: null, organization.Name));
    }

    /// <summary>One batch of due jobs, run by <paramref name="owner"/> as the worker would; returns how many it claimed.</summary>
    public Task<int> RunDueJobsAsync(string owner = Worker) =>
        Services.GetRequiredService<JobRunner>().RunDueJobsAsync(owner, CancellationToken.None);

    /// <summary>Runs batches until nothing is due; returns how many jobs were claimed in all.</summary>
    public async Task<int> RunJobsUntilIdleAsync(string owner = Worker)
    {
        var total = 0;
        for (int claimed; (claimed = await RunDueJobsAsync(owner)) > 0;)
            total += claimed;
        return total;
    }

    /// <summary>Claims due jobs for <paramref name="owner"/> and then does nothing, like a worker that died.</summary>
    public async Task<List<Job>> ClaimJobsAndDieAsync(string owner)
    {
        await using var scope = WithoutOrganization();
        return await scope.Get<JobStore>().ClaimAsync(owner, JobOptions.BatchSize, JobOptions.Lease, CancellationToken.None);
    }

    public async Task<Job> JobAsync(Guid id)
    {
        await using var scope = WithoutOrganization();
        return await scope.Db.Set<Job>().AsNoTracking().SingleAsync(j => j.Id == id);
    }

    public async Task<List<Job>> JobsAsync(Expression<Func<Job, bool>> filter)
    {
        await using var scope = WithoutOrganization();
        return await scope.Db.Set<Job>().AsNoTracking().Where(filter).ToListAsync();
    }
}
