using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.ProcessPages;

/// <summary>What a page of a process is for. Stored as numbers: do not reorder.</summary>
public enum ProcessPageKind { Information = 0, Results = 1 }

/// <summary>
/// A page the organisers write for a process: background information (plans, reports, the legal frame) or its
/// results (what was decided, and why). Markdown, shown only through the sanitising renderer; drafts are seen by
/// editors only.
/// </summary>
public sealed class ProcessPage : ITenantOwned
{
    public const int MaxTitle = 150;
    public const int MaxBody = 20_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ProcessId { get; set; }
    public ProcessPageKind Kind { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public bool Published { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A meeting of a process: an event of the newsroom (with its place, date, calendar file and registration).</summary>
public sealed class ProcessMeeting : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ProcessId { get; set; }
    public Guid PostId { get; set; }
}

internal sealed class ProcessPageConfiguration : IEntityTypeConfiguration<ProcessPage>, IEntityTypeConfiguration<ProcessMeeting>
{
    public void Configure(EntityTypeBuilder<ProcessPage> page)
    {
        page.ToTable("ProcessPages");
        page.Property(p => p.Title).HasMaxLength(ProcessPage.MaxTitle);
        page.Property(p => p.Body).HasMaxLength(ProcessPage.MaxBody);
        page.HasIndex(p => new { p.ProcessId, p.Kind, p.CreatedAt });
        page.HasOne<ParticipationProcess>().WithMany().HasForeignKey(p => p.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProcessMeeting> meeting)
    {
        meeting.ToTable("ProcessMeetings");
        meeting.HasIndex(m => new { m.ProcessId, m.PostId }).IsUnique();
        meeting.HasOne<ParticipationProcess>().WithMany().HasForeignKey(m => m.ProcessId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasOne<Post>().WithMany().HasForeignKey(m => m.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
