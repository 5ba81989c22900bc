namespace Rathausplatz.Jobs;

/// <summary>Does the work of one kind of job. Register with <c>services.AddJobHandler&lt;T&gt;()</c>.</summary>
public interface IJobHandler
{
    /// <summary>Throwing schedules a retry; the job's payload and attempt count are on <paramref name="job"/>.</summary>
    Task RunAsync(Job job, CancellationToken ct);
}

/// <summary>Thrown by a handler when retrying cannot help (bad payload, address refused for good).</summary>
public sealed class PermanentJobFailure(string message) : Exception(message);
