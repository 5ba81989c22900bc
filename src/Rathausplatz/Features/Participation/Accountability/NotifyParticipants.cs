using System.Text.Json;
using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Features.Delivery.InApp;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.Budgets;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Participation.Accountability;

/// <summary>Why the participants hear from the town.</summary>
public enum NoticeReason { StatusChanged, Answered, Progress }

/// <summary>
/// Tells the participants of a proposal (author, supporters, commenters) or of a budget project (the voters whose
/// ballot chose it) what came of it: an in-app notice each, and a mail to those with a confirmed address.
/// One job per event (its id is the job's idempotency key); the fan-out goes in batches, each its own transaction,
/// and per person the notice's unique key (event, person) and the mail job's key say whether it is done already,
/// so a retry after a crash or a second node running the same job tells nobody twice.
/// </summary>
public sealed class NotifyParticipants(AppDb db, JobQueue queue, InAppNotices notices, Mailer mailer, NoticeTexts texts,
    ILogger<NotifyParticipants> log) : IJobHandler
{
    public const string JobKind = "participation-notices";
    internal const int BatchSize = 200;

    /// <summary><paramref name="At"/>: when it happened, the notice's time (the job may run later).</summary>
    public sealed record Payload(Guid EventId, NoticeReason Reason, Guid? ProjectId, Guid? ProposalId, DateTime At);

    /// <summary>Adds the job to the caller's unit of work, so it is stored with the change it tells of, or not at all.</summary>
    public void Queue(Payload payload) => queue.Add(JobKind, payload, $"{JobKind}:{payload.EventId:N}");

    public async Task RunAsync(Job job, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.Payload) ?? throw new PermanentJobFailure("Empty notice payload.");
        if (await SubjectAsync(payload, ct) is not { } subject)
            return; // Deleted meanwhile: nothing to tell.
        var site = await db.Set<Organization>().AsNoTracking().Where(o => o.Id == job.OrganizationId)
            .Select(o => new { o.Name, Host = o.Hosts.OrderBy(h => h.Id).Select(h => h.HostName).FirstOrDefault() }).SingleAsync(ct);
        var told = 0;
        // The ids alone (16 bytes a person) fit in memory even for a big town; the work on them goes in batches.
        var everyone = await Participants(payload).Distinct().ToListAsync(ct);
        foreach (var ids in everyone.Chunk(BatchSize))
        {
            var batch = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.PreferredLanguage }).ToListAsync(ct);
            var done = await notices.NotifiedAsync(payload.EventId, ids, ct);
            foreach (var person in batch.Where(b => !done.Contains(b.Id)))
            {
                var text = texts.For(subject, payload.Reason, person.PreferredLanguage);
                notices.Add(payload.EventId, person.Id, text.Title, subject.Path, payload.At);
                // The mail job is stored with the notice: both or neither, so the notice marks the mail as done too.
                if (person.EmailConfirmed && person.Email is { } email)
                    mailer.Queue(texts.Mail(text, subject, email, new MailSender(site.Name, $"https://{site.Host}")),
                        $"participation-mail:{payload.EventId:N}:{person.Id:N}");
                told++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        // Counts only: who took part stays out of the logs.
        log.LogInformation("Participation event {EventId} ({Reason}): {Count} participants notified", payload.EventId, payload.Reason, told);
    }

    private async Task<NoticeSubject?> SubjectAsync(Payload payload, CancellationToken ct)
    {
        if (payload.ProjectId is { } projectId)
            return await (from p in db.Set<BudgetProject>().AsNoTracking()
                          join pr in db.Set<ParticipationProcess>() on p.ProcessId equals pr.Id
                          where p.Id == projectId
                          select new NoticeSubject(p.Title, $"/beteiligung/{pr.Slug}/haushalt/projekte/{p.Id}", null, null, p.Progress, p.PercentDone))
                .SingleOrDefaultAsync(ct);
        return await (from p in db.Set<Proposal>().AsNoTracking()
                      join pr in db.Set<ParticipationProcess>() on p.ProcessId equals pr.Id
                      where p.Id == payload.ProposalId && p.HiddenAt == null
                      select new NoticeSubject(p.Title, $"/beteiligung/{pr.Slug}/vorschlaege/{p.Id}", p.Status, p.StatusReason, p.Progress, p.PercentDone))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Everyone who took part: for a proposal its author, supporters and commenters; for a project its voters.</summary>
    private IQueryable<Guid> Participants(Payload payload)
    {
        if (payload.ProjectId is { } projectId)
            return from s in db.Set<BallotSelection>()
                   join b in db.Set<BudgetBallot>() on s.BallotId equals b.Id
                   where s.ProjectId == projectId
                   select b.UserId;
        var proposalId = payload.ProposalId;
        return db.Set<Proposal>().Where(p => p.Id == proposalId && p.AuthorId != null).Select(p => p.AuthorId!.Value)
            .Concat(db.Set<ProposalSupport>().Where(s => s.ProposalId == proposalId).Select(s => s.UserId))
            .Concat(db.Set<ProposalComment>().Where(c => c.ProposalId == proposalId && c.AuthorId != null).Select(c => c.AuthorId!.Value));
    }
}
