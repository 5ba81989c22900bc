using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Tasks;

/// <summary>Where a task stands: the columns of the board. Stored as numbers: do not reorder.</summary>
public enum TaskState { Open = 0, InProgress = 1, Done = 2 }

/// <summary>
/// A task in a project space: who does what by when. Members of the space (guests too) write and change tasks;
/// only members can be assignees. <see cref="Version"/> guards edits: a change based on an older version is refused.
/// </summary>
public sealed class SpaceTask : ITenantOwned
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 10_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid SpaceId { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown; shown only through <see cref="MarkdownRenderer"/>.</summary>
    public string Description { get; set; } = "";
    public Guid? AssigneeId { get; set; }
    /// <summary>A day in the town's calendar, no time.</summary>
    public DateOnly? DueOn { get; set; }
    public TaskState State { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Counts the changes; the concurrency token of optimistic locking (the forms carry it).</summary>
    public int Version { get; set; }
}

internal sealed class SpaceTaskConfiguration : IEntityTypeConfiguration<SpaceTask>
{
    public void Configure(EntityTypeBuilder<SpaceTask> task)
    {
        task.ToTable("IntranetTasks");
        task.Property(t => t.Title).HasMaxLength(SpaceTask.MaxTitle);
        task.Property(t => t.Description).HasMaxLength(SpaceTask.MaxDescription);
        task.Property(t => t.Version).IsConcurrencyToken();
        // The list and the board of a space, by column.
        task.HasIndex(t => new { t.SpaceId, t.State });
        task.HasIndex(t => t.AssigneeId);
        task.HasOne<Space>().WithMany().HasForeignKey(t => t.SpaceId).OnDelete(DeleteBehavior.Cascade);
        // A deleted account leaves its tasks unassigned, not gone.
        task.HasOne<User>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        task.HasOne<User>().WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
