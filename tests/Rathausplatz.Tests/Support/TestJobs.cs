using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Rathausplatz.Jobs;

namespace Rathausplatz.Tests.Support;

/// <summary>Job kinds that exist only in tests; their handlers write down every run.</summary>
public static class TestJobs
{
    public const string Record = "test-record";
    public const string Fail = "test-fail";
    public const string FailPermanently = "test-fail-permanently";

    public const string FailureMessage = "The test handler fails on purpose.";

    internal static IServiceCollection AddTestJobHandlers(this IServiceCollection services, JobLog log) => services
        .AddSingleton(log)
        .AddJobHandler<RecordingHandler>(Record)
        .AddJobHandler<FailingHandler>(Fail)
        .AddJobHandler<PermanentlyFailingHandler>(FailPermanently);

    private sealed class RecordingHandler(JobLog log) : IJobHandler
    {
        public Task RunAsync(Job job, CancellationToken ct)
        {
            log.Add(job);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingHandler(JobLog log) : IJobHandler
    {
        public Task RunAsync(Job job, CancellationToken ct)
        {
            log.Add(job);
            throw new InvalidOperationException(FailureMessage);
        }
    }

    private sealed class PermanentlyFailingHandler(JobLog log) : IJobHandler
    {
        public Task RunAsync(Job job, CancellationToken ct)
        {
            log.Add(job);
            throw new PermanentJobFailure(FailureMessage);
        }
    }
}

/// <summary>One handler run: which job, run by which worker, at which attempt.</summary>
public sealed record JobRun(Guid JobId, string Kind, string? Owner, int Attempt);

/// <summary>Every run of a test job, in the order they started; safe for racing workers.</summary>
public sealed class JobLog
{
    private readonly ConcurrentQueue<JobRun> runs = new();

    public IReadOnlyList<JobRun> Runs => runs.ToArray();

    public IReadOnlyList<JobRun> RunsOf(IEnumerable<Guid> jobIds)
    {
        var ids = jobIds.ToHashSet();
        return Runs.Where(r => ids.Contains(r.JobId)).ToList();
    }

    internal void Add(Job job) => runs.Enqueue(new JobRun(job.Id, job.Kind, job.LeaseOwner, job.Attempts));
}
