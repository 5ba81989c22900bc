using Rathausplatz.Jobs;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Jobs;

/// <summary>
/// The queue's promises, with the background worker off and workers stepped by hand on the app's
/// fake clock: each job runs once however many workers race, a dead worker's job comes back after
/// its lease, failures back off and end dead, alerts go first, the same work is stored once.
/// </summary>
public abstract class JobQueueTests(RathausplatzApp app)
{
    [Fact]
    public async Task TwoWorkersRacingOverAThousandJobsRunEachExactlyOnce()
    {
        var ids = await app.EnqueueManyAsync(TestJobs.Record, 1000);

        await Task.WhenAll(
            Task.Run(() => app.RunJobsUntilIdleAsync("worker-a")),
            Task.Run(() => app.RunJobsUntilIdleAsync("worker-b")));

        var runs = app.JobLog.RunsOf(ids);
        Assert.Equal(ids.Order(), runs.Select(r => r.JobId).Order());
        Assert.Equal(["worker-a", "worker-b"], runs.Select(r => r.Owner).Distinct().Order());
        var stored = await app.JobsAsync(j => ids.Contains(j.Id));
        Assert.All(stored, j => Assert.Equal((JobState.Succeeded, 1), (j.State, j.Attempts)));
    }

    [Fact]
    public async Task AJobOfAWorkerThatDiedRunsAgainOnlyAfterItsLeaseExpires()
    {
        var id = await app.EnqueueAsync(TestJobs.Record);
        var taken = await app.ClaimJobsAndDieAsync("worker-that-dies");

        app.AdvanceTime(app.JobOptions.Lease - TimeSpan.FromSeconds(1));
        await app.RunJobsUntilIdleAsync("worker-b");
        var runsWhileLeased = app.JobLog.RunsOf([id]).Count;
        app.AdvanceTime(TimeSpan.FromSeconds(2));
        await app.RunJobsUntilIdleAsync("worker-b");

        Assert.Equal([id], taken.Select(j => j.Id));
        Assert.Equal(0, runsWhileLeased);
        var run = Assert.Single(app.JobLog.RunsOf([id]));
        Assert.Equal(("worker-b", 2), (run.Owner, run.Attempt));
        Assert.Equal(JobState.Succeeded, (await app.JobAsync(id)).State);
    }

    [Fact]
    public async Task AFailingJobIsRetriedWithGrowingBackoffAndFinallyParkedAsDead()
    {
        var id = await app.EnqueueAsync(TestJobs.Fail);
        var maxAttempts = (await app.JobAsync(id)).MaxAttempts;

        for (var attempt = 1; attempt < maxAttempts; attempt++)
        {
            var failedAt = app.Now;
            await app.RunJobsUntilIdleAsync();
            var job = await app.JobAsync(id);
            var backoff = job.RunAt - failedAt;
            Assert.Equal((JobState.Pending, attempt, TestJobs.FailureMessage), (job.State, job.Attempts, job.LastError));
            // 2^attempt seconds plus up to a quarter of jitter; so every wait is longer than the one before.
            var least = TimeSpan.FromSeconds(Math.Pow(2, attempt));
            Assert.InRange(backoff, least - TimeSpan.FromMilliseconds(1), least * 1.25 + TimeSpan.FromMilliseconds(1));

            app.AdvanceTime(backoff - TimeSpan.FromMilliseconds(10));
            await app.RunJobsUntilIdleAsync();
            Assert.Equal(attempt, app.JobLog.RunsOf([id]).Count);
            app.AdvanceTime(job.RunAt - app.Now);
        }
        await app.RunJobsUntilIdleAsync();
        app.AdvanceTime(TimeSpan.FromDays(1));
        await app.RunJobsUntilIdleAsync();

        var dead = await app.JobAsync(id);
        Assert.Equal((JobState.Dead, maxAttempts, TestJobs.FailureMessage), (dead.State, dead.Attempts, dead.LastError));
        Assert.NotNull(dead.CompletedAt);
        Assert.Equal(maxAttempts, app.JobLog.RunsOf([id]).Count);
    }

    [Fact]
    public async Task APermanentFailureParksTheJobAsDeadAtOnce()
    {
        var id = await app.EnqueueAsync(TestJobs.FailPermanently);

        await app.RunJobsUntilIdleAsync();
        app.AdvanceTime(TimeSpan.FromDays(1));
        await app.RunJobsUntilIdleAsync();

        var job = await app.JobAsync(id);
        Assert.Equal((JobState.Dead, TestJobs.FailureMessage), (job.State, job.LastError));
        Assert.Single(app.JobLog.RunsOf([id]));
    }

    [Fact]
    public async Task AlertsRunBeforeEverythingElseEvenWhenEnqueuedLast()
    {
        var maintenance = await app.EnqueueAsync(TestJobs.Record, priority: JobPriority.Maintenance);
        var normal = await app.EnqueueManyAsync(TestJobs.Record, app.JobOptions.BatchSize + 5);
        var alert = await app.EnqueueAsync(TestJobs.Record, priority: JobPriority.Alert);

        await app.RunJobsUntilIdleAsync();

        var order = app.JobLog.RunsOf([maintenance, alert, .. normal]).Select(r => r.JobId).ToList();
        Assert.Equal(normal.Count + 2, order.Count);
        Assert.Equal(alert, order[0]);
        Assert.Equal(maintenance, order[^1]);
    }

    [Fact]
    public async Task EnqueuingTheSameWorkTwiceStoresOneJob()
    {
        var key = Unique.Name("once");

        await app.EnqueueOnceAsync(TestJobs.Record, key);
        await app.EnqueueOnceAsync(TestJobs.Record, key);

        Assert.Single(await app.JobsAsync(j => j.IdempotencyKey == key));
        await app.RunJobsUntilIdleAsync();
    }

    [Fact]
    public async Task NodesEnqueuingTheSameWorkAtOnceStoreOneJob()
    {
        var key = Unique.Name("race");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => app.EnqueueOnceAsync(TestJobs.Record, key))));

        Assert.Single(await app.JobsAsync(j => j.IdempotencyKey == key));
        await app.RunJobsUntilIdleAsync();
    }
}

public sealed class SqliteJobQueueTests(SqliteApp app) : JobQueueTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresJobQueueTests(PostgresApp app) : JobQueueTests(app), IClassFixture<PostgresApp>;
