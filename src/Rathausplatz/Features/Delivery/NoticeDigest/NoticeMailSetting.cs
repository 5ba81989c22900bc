using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Delivery.NoticeDigest;

/// <summary>How often a person gets their unread in-app notices by mail ("Hinweise per E-Mail").</summary>
public enum NoticeMail { Daily = 0, Weekly = 1, Never = 2 }

/// <summary>
/// A person's choice of <see cref="NoticeMail"/>. Only a person who changed it has a row: no row means
/// <see cref="NoticeMail.Daily"/>, the default for every account, those that existed before the digest included
/// (staff expect their notices in the mailbox). Deleting the account deletes the row.
/// </summary>
public sealed class NoticeMailSetting : ITenantOwned
{
    public const NoticeMail Default = NoticeMail.Daily;

    public Guid UserId { get; set; }
    public Guid OrganizationId { get; set; }
    public NoticeMail Mail { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class NoticeMailSettingConfiguration : IEntityTypeConfiguration<NoticeMailSetting>
{
    public void Configure(EntityTypeBuilder<NoticeMailSetting> setting)
    {
        setting.ToTable("NoticeMailSettings");
        setting.HasKey(s => s.UserId);
        setting.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Reads and changes the signed-in person's <see cref="NoticeMail"/> (always their own: found by their user id).</summary>
public sealed class NoticeMailSettings(AppDb db, TimeProvider time)
{
    public async Task<NoticeMail> OfAsync(Guid userId, CancellationToken ct) =>
        await db.Set<NoticeMailSetting>().Where(s => s.UserId == userId).Select(s => (NoticeMail?)s.Mail).SingleOrDefaultAsync(ct)
            ?? NoticeMailSetting.Default;

    public async Task SaveAsync(Guid userId, NoticeMail mail, CancellationToken ct)
    {
        var setting = await db.Set<NoticeMailSetting>().SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (setting is null)
            db.Add(setting = new NoticeMailSetting { UserId = userId });
        setting.Mail = mail;
        setting.UpdatedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Saved at the same moment in another tab: the first row stands, this choice goes onto it.
            db.ChangeTracker.Clear();
            await db.Set<NoticeMailSetting>().Where(s => s.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Mail, mail).SetProperty(x => x.UpdatedAt, time.GetUtcNow().UtcDateTime), ct);
        }
    }
}
