using Microsoft.Extensions.Options;

namespace Rathausplatz.Jobs;

/// <summary>Runs due jobs until the app stops; sleeps until woken by an enqueue or the poll interval.</summary>
public sealed class JobWorker(JobRunner runner, JobSignal signal, TimeProvider time, IOptions<JobOptions> options, ILogger<JobWorker> log)
    : BackgroundService
{
    /// <summary>Unique per process, so leases tell which node holds a job.</summary>
    public static readonly string Owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.CreateVersion7():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPurge = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await runner.RunDueJobsAsync(Owner, stoppingToken);
                if (time.GetUtcNow() >= nextPurge)
                {
                    await runner.PurgeSucceededAsync(stoppingToken);
                    nextPurge = time.GetUtcNow().AddHours(1);
                }
                if (claimed == 0)
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The database may be restarting: wait and try again rather than die.
                log.LogError(error, "The job worker could not reach the queue");
                await Task.Delay(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
