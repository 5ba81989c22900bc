using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.Debates;

/// <summary>
/// A question the organisers put to discussion in a process (a component like proposals and surveys): an
/// introduction in Markdown and, optionally, a last day. Participants answer with the threaded comments of
/// <see cref="Comments.ProposalComment"/>, each with a stance; after the last day, or once the process has
/// ended, the debate is read-only for everyone.
/// </summary>
public sealed class Debate : ITenantOwned
{
    public const int MaxTitle = 200;
    public const int MaxIntroduction = 20_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ProcessId { get; set; }
    /// <summary>The question.</summary>
    public required string Title { get; set; }
    /// <summary>Markdown; shown only through <see cref="MarkdownRenderer"/> (no raw HTML, sanitised).</summary>
    public string Introduction { get; set; } = "";
    /// <summary>Midnight after the last day in the town, as UTC (exclusive, like a phase's end); null: open while the process runs.</summary>
    public DateTime? ClosesAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The last day on which it is open, as the town's calendar shows it.</summary>
    public DateOnly? LastDay => ClosesAt is { } end ? DateOnly.FromDateTime(TownTime.ToLocal(end)!.Value).AddDays(-1) : null;

    /// <summary>Comments and votes are taken until the last day is over and while the process has not ended.</summary>
    public bool OpenAt(DateTime now, ProcessSchedule schedule) => (ClosesAt is null || now < ClosesAt) && schedule.CommentsOpenAt(now);
}

internal sealed class DebateConfiguration : IEntityTypeConfiguration<Debate>
{
    public void Configure(EntityTypeBuilder<Debate> debate)
    {
        debate.ToTable("Debates");
        debate.Property(d => d.Title).HasMaxLength(Debate.MaxTitle);
        debate.Property(d => d.Introduction).HasMaxLength(Debate.MaxIntroduction);
        debate.HasIndex(d => new { d.ProcessId, d.CreatedAt });
        // The page cache's next boundary (a debate closing changes its page and the process page).
        debate.HasIndex(d => new { d.OrganizationId, d.ClosesAt });
        debate.HasOne<ParticipationProcess>().WithMany().HasForeignKey(d => d.ProcessId).OnDelete(DeleteBehavior.Cascade);
        debate.HasOne<User>().WithMany().HasForeignKey(d => d.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
