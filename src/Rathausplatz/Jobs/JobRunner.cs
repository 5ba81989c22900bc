using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Rathausplatz.Data;

namespace Rathausplatz.Jobs;

/// <summary>
/// Claims a batch and runs it, each job in its own DI scope and tenant. One failing job never stops
/// the others. The worker calls it in a loop; tests call it directly to step the queue.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider time, ILogger<JobRunner> log)
{
    // Exported through OpenTelemetry (meter "Rathausplatz"), tagged by kind only.
    private static readonly Meter Meter = new("Rathausplatz");
    private static readonly Counter<long> Completed = Meter.CreateCounter<long>("rathausplatz.jobs.completed", description: "Jobs that ran to completion");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("rathausplatz.jobs.failed", description: "Job attempts that failed");

    /// <summary>Runs one batch of due jobs; returns how many it claimed.</summary>
    public async Task<int> RunDueJobsAsync(string owner, CancellationToken ct)
    {
        var settings = options.Value;
        List<Job> batch;
        await using (var scope = scopes.CreateAsyncScope())
            batch = await scope.ServiceProvider.GetRequiredService<JobStore>().ClaimAsync(owner, settings.BatchSize, settings.Lease, ct);

        foreach (var job in batch)
            await RunAsync(job, owner, settings.Lease, ct);
        return batch.Count;
    }

    private async Task RunAsync(Job job, string owner, TimeSpan lease, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<JobStore>();
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = KeepLeaseAsync(job.Id, owner, lease, renewal.Token);
        try
        {
            if (job.OrganizationId is { } organizationId)
                scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(organizationId);
            var handler = scope.ServiceProvider.GetKeyedService<IJobHandler>(job.Kind)
                ?? throw new PermanentJobFailure($"No handler for job kind '{job.Kind}'.");
            await handler.RunAsync(job, ct);
            await renewal.CancelAsync();
            await store.CompleteAsync(job.Id, owner, CancellationToken.None);
            Completed.Add(1, new KeyValuePair<string, object?>("kind", job.Kind));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and another worker takes the job.
        }
        catch (Exception error)
        {
            await renewal.CancelAsync();
            if (error is PermanentJobFailure)
                job.Attempts = job.MaxAttempts;
            // Log the kind and id only: payloads can hold personal data.
            log.LogWarning("Job {JobId} ({Kind}) failed on attempt {Attempt}: {Error}", job.Id, job.Kind, job.Attempts, error.GetType().Name);
            await store.FailAsync(job, owner, error.Message, CancellationToken.None);
            Failed.Add(1, new KeyValuePair<string, object?>("kind", job.Kind));
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }
    }

    private async Task KeepLeaseAsync(Guid jobId, string owner, TimeSpan lease, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, time, ct);
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<JobStore>().RenewAsync(jobId, owner, lease, ct))
                    return;
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Deletes finished jobs past their keep time.</summary>
    public async Task<int> PurgeSucceededAsync(CancellationToken ct)
    {
        var before = time.GetUtcNow().UtcDateTime - options.Value.KeepSucceeded;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return await db.Set<Job>().Where(j => j.State == JobState.Succeeded && j.CompletedAt < before).ExecuteDeleteAsync(ct);
    }
}
