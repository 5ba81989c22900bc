using System.Text.Json;
using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Delivery.Digests;
using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Features.Delivery.InApp;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Delivery.NoticeDigest;

/// <summary>
/// The notice digest of one organisation and digest moment (<see cref="DigestSchedule"/>, the hour of the
/// subscribers' digests): every person whose <see cref="NoticeMail"/> is due at this moment and who has unread notices
/// not yet mailed gets one mail listing them. The mail's job and the notices' <see cref="InAppNotice.MailedAt"/> are
/// stored by one SaveChanges, so a crash, a retry or a second run for the same moment neither loses nor doubles a
/// notice: a notice is either mailed and marked, or neither; the mail's key (person, moment) refuses a second mail.
/// </summary>
/// <remarks>
/// One job per organisation and moment, daily: the weekly moments are daily moments too (same hour), so the job on
/// the weekly day serves both kinds (as does a job run late, after a weekly moment passed that no job of its own
/// will serve). Each job first stores its successor (the next moment after now, its own key), so the chain goes on
/// even when this run fails for good; <see cref="NoticeDigests"/> starts chains.
/// </remarks>
public sealed class SendNoticeDigest(AppDb db, TenantContext tenant, JobQueue jobs, Mailer mailer, TimeProvider time,
    IOptions<DeliveryOptions> options, IStringLocalizer<SharedResource> text, ILogger<SendNoticeDigest> log) : IJobHandler
{
    public const string JobKind = "intranet-notice-digest";

    public sealed record Payload(DateTime Moment);

    /// <summary>Stores the job of the first digest moment after <paramref name="after"/>; kept single by its key (organisation, moment).</summary>
    public static Task ScheduleAsync(JobQueue jobs, Guid organizationId, DateTime after, DeliveryOptions options, CancellationToken ct)
    {
        var moment = DigestSchedule.NextUtc(DeliveryFrequency.Daily, after, options);
        return jobs.EnqueueAsync(JobKind, new Payload(moment), $"{JobKind}:{organizationId:N}:{moment.Ticks}", JobPriority.Normal, moment, ct);
    }

    /// <summary>The mail's key: one digest per person and moment, whichever run gets there first.</summary>
    public static string MailKey(Guid userId, DateTime moment) => $"intranet-digest:{userId:N}:{moment.Ticks}";

    public async Task RunAsync(Job job, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.Payload) ?? throw new PermanentJobFailure("Empty payload.");
        var organization = tenant.OrganizationId ?? throw new PermanentJobFailure("A notice digest belongs to an organisation.");
        var now = time.GetUtcNow().UtcDateTime;
        var reached = now > payload.Moment ? now : payload.Moment;
        // A job run late (the app was down) schedules the next moment after now, not every moment it missed.
        await ScheduleAsync(jobs, organization, reached, options.Value, ct);

        // Weekly people too when a weekly moment has come by now: this one, or one a late run (the app was down) passed.
        var weekly = DigestSchedule.NextUtc(DeliveryFrequency.Weekly, payload.Moment.AddTicks(-1), options.Value) <= reached;
        var sender = await MailSender.OfAsync(db, organization, ct);

        // Every due notice of everyone due, in one query. A notice read after it is only marked mailed with the rest.
        var due = await (
            from n in db.Set<InAppNotice>().AsNoTracking()
            join u in db.Users on n.UserId equals u.Id
            where n.ReadAt == null && n.MailedAt == null && u.EmailConfirmed && u.Email != null
            let mail = db.Set<NoticeMailSetting>().Where(s => s.UserId == u.Id).Select(s => (NoticeMail?)s.Mail).FirstOrDefault()
            where mail == null || mail == NoticeMail.Daily || (weekly && mail == NoticeMail.Weekly)
            orderby n.UserId, n.At, n.Id
            select new { Notice = n, Email = u.Email!, u.PreferredLanguage }).ToListAsync(ct);

        var mailed = 0;
        foreach (var person in due.GroupBy(d => d.Notice.UserId))
        {
            var notices = person.Select(d => d.Notice).ToList();
            db.AttachRange(notices);
            foreach (var notice in notices)
                notice.MailedAt = now;
            mailer.Queue(NoticeDigestMail.Compose(text, sender, person.First().Email, person.First().PreferredLanguage, notices),
                MailKey(person.Key, payload.Moment));
            try
            {
                await db.SaveChangesAsync(ct);
                mailed++;
            }
            catch (DbUpdateException)
            {
                // This person's digest of this moment is stored already (a second run of the moment got there
                // first): these notices stay unmailed and go with the next digest.
            }
            db.ChangeTracker.Clear();
        }
        // Counts only: who got a digest stays out of the logs.
        log.LogInformation("Notice digest {Moment:o}: {Count} mails queued", payload.Moment, mailed);
    }
}
