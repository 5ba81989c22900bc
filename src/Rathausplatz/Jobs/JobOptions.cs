namespace Rathausplatz.Jobs;

public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Off for nodes that only serve pages, and in tests that drive the queue by hand.</summary>
    public bool RunWorker { get; set; } = true;
    public int BatchSize { get; set; } = 20;
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Finished jobs are deleted after this long; dead ones stay until an admin acts.</summary>
    public TimeSpan KeepSucceeded { get; set; } = TimeSpan.FromDays(7);
}
