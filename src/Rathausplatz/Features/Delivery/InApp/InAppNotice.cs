using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Delivery.InApp;

/// <summary>
/// The inbox's second kind beside post deliveries: a notice to one person about something they took part in (a
/// decision on their proposal, progress of a project they voted for). Written by the feature it is about through
/// <see cref="InAppNotices"/>; the title is in the person's language when it was written.
/// </summary>
public sealed class InAppNotice : ITenantOwned
{
    public const int MaxTitle = 300;
    public const int MaxLink = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>What happened (an update's id, a decision's id): with the person the unique key, so nobody is told twice.</summary>
    public Guid EventId { get; set; }
    /// <summary>Says what the person took part in: personal data, exported with the account and deleted with it.</summary>
    [PersonalData]
    public required string Title { get; set; }
    /// <summary>A path of this site (starts with one slash), never a full address: the inbox redirects to it.</summary>
    public required string Link { get; set; }
    public DateTime At { get; set; }
    [PersonalData]
    public DateTime? ReadAt { get; set; }
    /// <summary>
    /// When the notice went out by mail (the e-mail digest, <see cref="NoticeDigest.SendNoticeDigest"/>, or a mail the
    /// feature sent with it): set in the same SaveChanges as the mail's job, so a notice is mailed once or not yet.
    /// </summary>
    public DateTime? MailedAt { get; set; }
}

internal sealed class InAppNoticeConfiguration : IEntityTypeConfiguration<InAppNotice>
{
    public void Configure(EntityTypeBuilder<InAppNotice> notice)
    {
        notice.ToTable("InAppNotices");
        notice.Property(n => n.Title).HasMaxLength(InAppNotice.MaxTitle);
        notice.Property(n => n.Link).HasMaxLength(InAppNotice.MaxLink);
        notice.HasIndex(n => new { n.EventId, n.UserId }).IsUnique();
        notice.HasIndex(n => new { n.UserId, n.At });
        notice.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>How other features put notices into people's inboxes.</summary>
public sealed class InAppNotices(AppDb db)
{
    /// <summary>Of <paramref name="userIds"/>, those who already have the notice of <paramref name="eventId"/>.</summary>
    public async Task<HashSet<Guid>> NotifiedAsync(Guid eventId, IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
        (await db.Set<InAppNotice>().Where(n => n.EventId == eventId && userIds.Contains(n.UserId)).Select(n => n.UserId).ToListAsync(ct)).ToHashSet();

    /// <summary>
    /// Adds the notice to the caller's unit of work (stored by its SaveChanges, with whatever else belongs to it).
    /// <paramref name="mailedAt"/>: set by a feature that mails the person about the event itself, in the same unit of
    /// work, so the e-mail digest does not tell it a second time.
    /// </summary>
    public void Add(Guid eventId, Guid userId, string title, string link, DateTime at, DateTime? mailedAt = null)
    {
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal))
            throw new ArgumentException("A notice links to a path of this site.", nameof(link));
        db.Add(new InAppNotice { EventId = eventId, UserId = userId, Title = Truncate(title), Link = link, At = at, MailedAt = mailedAt });
    }

    /// <summary>
    /// Adds the notice, or brings back the person's notice of the same event as new (unread, with the new title and
    /// time, not yet mailed): for events that recur, such as a task assigned to someone a second time.
    /// </summary>
    public async Task RenewAsync(Guid eventId, Guid userId, string title, string link, DateTime at, CancellationToken ct)
    {
        if (await db.Set<InAppNotice>().SingleOrDefaultAsync(n => n.EventId == eventId && n.UserId == userId, ct) is not { } notice)
        {
            Add(eventId, userId, title, link, at);
            return;
        }
        notice.Title = Truncate(title);
        notice.At = at;
        notice.ReadAt = null;
        notice.MailedAt = null;
    }

    /// <summary>Deletes the notices of events that are gone (a deleted post): a notice must not lead to nothing.</summary>
    public Task<int> RemoveAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken ct) =>
        db.Set<InAppNotice>().Where(n => eventIds.Contains(n.EventId)).ExecuteDeleteAsync(ct);

    private static string Truncate(string title) => title.Length <= InAppNotice.MaxTitle ? title : title[..(InAppNotice.MaxTitle - 1)] + "…";
}
