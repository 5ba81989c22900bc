using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Reports;

public enum ReportUpdateKind
{
    StatusChange = 0,
    PublicNote = 1,
    InternalNote = 2,
    /// <summary>Given to a staff member (the name in <see cref="ReportUpdate.Text"/>) or taken back; internal.</summary>
    Assignment = 3,
    /// <summary>A photo released for the public or withheld again (<see cref="ReportUpdate.Text"/> says which); internal.</summary>
    PhotoReview = 4,
    /// <summary>The reporter's answer to "is it really fixed?"; a "no" comes with a status change as well.</summary>
    FollowUpAnswer = 5,
    /// <summary>
    /// Moved to another department; internal. <see cref="ReportUpdate.Text"/> holds both names as they were
    /// then, the old one first, separated by a line break (empty: the report had no department).
    /// </summary>
    Move = 6,
}

/// <summary>
/// One entry of a report's history: a status change (with its reason or note), a public update or
/// an internal note. The public page and Open311 <c>status_notes</c> show only <see cref="Public"/> ones.
/// </summary>
public sealed class ReportUpdate : ITenantOwned
{
    public const int MaxText = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid ReportId { get; set; }
    public DateTime At { get; set; }
    public ReportUpdateKind Kind { get; set; }
    /// <summary>The status after a <see cref="ReportUpdateKind.StatusChange"/>; null for notes.</summary>
    public ReportStatus? Status { get; set; }
    public string? Text { get; set; }
    /// <summary>The staff member; null for the reporter's submission and for the system.</summary>
    public Guid? AuthorId { get; set; }
    public bool Public { get; set; }
}

internal sealed class ReportUpdateConfiguration : IEntityTypeConfiguration<ReportUpdate>
{
    public void Configure(EntityTypeBuilder<ReportUpdate> update)
    {
        update.ToTable("ReportUpdates");
        update.Property(u => u.Text).HasMaxLength(ReportUpdate.MaxText);
        update.HasIndex(u => new { u.ReportId, u.At });
        update.HasOne<Report>().WithMany().HasForeignKey(u => u.ReportId).OnDelete(DeleteBehavior.Cascade);
        update.HasOne<User>().WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
