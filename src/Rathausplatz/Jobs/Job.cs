using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rathausplatz.Jobs;

public enum JobState { Pending = 0, Succeeded = 1, Dead = 2 }

/// <summary>
/// One unit of durable background work. A pending job with a live lease is running somewhere;
/// one whose lease has expired is free again (its worker died). Handlers must be idempotent:
/// a job can run again after a crash between its work and its completion.
/// </summary>
public sealed class Job
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Kind { get; set; }
    public string Payload { get; set; } = "{}";
    /// <summary>The organisation the handler works for; null for installation-wide work.</summary>
    public Guid? OrganizationId { get; set; }
    /// <summary>Lower runs first. Alerts use <see cref="JobPriority.Alert"/> and jump every queue.</summary>
    public int Priority { get; set; } = JobPriority.Normal;
    public DateTime RunAt { get; set; }
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 8;
    public JobState State { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
    /// <summary>Unique when set: enqueuing the same work twice keeps one job.</summary>
    public string? IdempotencyKey { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

public static class JobPriority
{
    public const int Alert = 0;
    public const int Interactive = 10;
    public const int Normal = 50;
    public const int Maintenance = 90;
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    // Plain snake_case names: the claim query is hand-written SQL shared by both providers.
    public void Configure(EntityTypeBuilder<Job> job)
    {
        job.ToTable("jobs");
        job.Property(j => j.Id).HasColumnName("id");
        job.Property(j => j.Kind).HasColumnName("kind").HasMaxLength(100);
        job.Property(j => j.Payload).HasColumnName("payload");
        job.Property(j => j.OrganizationId).HasColumnName("organization_id");
        job.Property(j => j.Priority).HasColumnName("priority");
        job.Property(j => j.RunAt).HasColumnName("run_at");
        job.Property(j => j.Attempts).HasColumnName("attempts");
        job.Property(j => j.MaxAttempts).HasColumnName("max_attempts");
        job.Property(j => j.State).HasColumnName("state");
        job.Property(j => j.LeaseOwner).HasColumnName("lease_owner").HasMaxLength(100);
        job.Property(j => j.LeaseExpiresAt).HasColumnName("lease_expires_at");
        job.Property(j => j.IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(200);
        job.Property(j => j.LastError).HasColumnName("last_error").HasMaxLength(4000);
        job.Property(j => j.CreatedAt).HasColumnName("created_at");
        job.Property(j => j.CompletedAt).HasColumnName("completed_at");
        job.HasIndex(j => j.IdempotencyKey).IsUnique();
        job.HasIndex(j => new { j.State, j.Priority, j.RunAt });
    }
}
