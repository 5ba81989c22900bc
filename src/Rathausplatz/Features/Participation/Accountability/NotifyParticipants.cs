using System.Text.Json;
using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Features.Delivery.InApp;
using Rathausplatz.Features.Participation.Budgets;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Debates;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Features.Participation.WithoutAccount;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Participation.Accountability;

/// <summary>Why the participants hear from the town.</summary>
public enum NoticeReason { StatusChanged, Answered, Progress, Reply, DebateUpdated }

/// <summary>
/// Tells the participants of a proposal (author, supporters, commenters) or of a budget project (the voters whose
/// ballot chose it) what came of it: an in-app notice each, and a mail to those with a confirmed address.
/// One job per event (its id is the job's idempotency key); the fan-out goes in batches, each its own transaction,
/// and per person the notice's unique key (event, person) and the mail job's key say whether it is done already,
/// so a retry after a crash or a second node running the same job tells nobody twice.
/// </summary>
public sealed class NotifyParticipants(AppDb db, JobQueue queue, InAppNotices notices, Mailer mailer, NoticeTexts texts,
    GuestLinks guestLinks, ILogger<NotifyParticipants> log) : IJobHandler
{
    public const string JobKind = "participation-notices";
    internal const int BatchSize = 200;

    /// <summary>
    /// <c>At</c>: when it happened, the notice's time (the job may run later). A debate's event (<c>DebateId</c>): its
    /// update, or a reply (<c>CommentId</c>) in it to the comment <c>AnsweredId</c>.
    /// </summary>
    public sealed record Payload(Guid EventId, NoticeReason Reason, Guid? ProjectId, Guid? ProposalId, DateTime At, Guid? DebateId = null,
        Guid? CommentId = null, Guid? AnsweredId = null);

    /// <summary>Adds the job to the caller's unit of work, so it is stored with the change it tells of, or not at all.</summary>
    public void Queue(Payload payload) => queue.Add(JobKind, payload, $"{JobKind}:{payload.EventId:N}");

    public async Task RunAsync(Job job, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.Payload) ?? throw new PermanentJobFailure("Empty notice payload.");
        if (await SubjectAsync(payload, ct) is not { } subject)
            return; // Deleted meanwhile: nothing to tell.
        var sender = await MailSender.OfAsync(db, job.OrganizationId!.Value, ct);
        var told = 0;
        var accountAddresses = new HashSet<string>(StringComparer.Ordinal);
        // The ids alone (16 bytes a person) fit in memory even for a big town; the work on them goes in batches.
        var everyone = await Participants(payload).Distinct().ToListAsync(ct);
        foreach (var ids in everyone.Chunk(BatchSize))
        {
            var batch = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.PreferredLanguage }).ToListAsync(ct);
            var done = await notices.NotifiedAsync(payload.EventId, ids, ct);
            accountAddresses.UnionWith(batch.Where(b => b.Email is not null).Select(b => Audiences.EmailAddresses.Normalize(b.Email!)));
            foreach (var person in batch.Where(b => !done.Contains(b.Id)))
            {
                var text = texts.For(subject, payload.Reason, person.PreferredLanguage);
                var mailed = person.EmailConfirmed && person.Email is not null;
                // Mailed here at once: the notice says so, and the e-mail digest leaves it out.
                notices.Add(payload.EventId, person.Id, text.Title, subject.Path, payload.At, mailed ? payload.At : null);
                // The mail job is stored with the notice: both or neither, so the notice marks the mail as done too.
                if (mailed)
                    mailer.Queue(texts.Mail(text, subject, person.Email!, sender),
                        $"participation-mail:{payload.EventId:N}:{person.Id:N}");
                told++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        if (payload.ProposalId is { } proposalId)
            told += await TellGuestsAsync(payload, proposalId, subject, sender, accountAddresses, ct);
        // Counts only: who took part stays out of the logs.
        log.LogInformation("Participation event {EventId} ({Reason}): {Count} participants notified", payload.EventId, payload.Reason, told);
    }

    /// <summary>
    /// Those who supported the proposal without an account (a confirmed <see cref="GuestParticipant"/>) get the mail only,
    /// in the language they asked for the link in. An address whose account is among the participants was told already
    /// (an account and its own address are one person). The mail job's key (event, row) says who is done.
    /// </summary>
    private async Task<int> TellGuestsAsync(Payload payload, Guid proposalId, NoticeSubject subject, MailSender sender,
        HashSet<string> accountAddresses, CancellationToken ct)
    {
        var told = 0;
        var guests = await db.Set<GuestParticipant>().AsNoTracking()
            .Where(g => g.Action == GuestAction.Support && g.SubjectId == proposalId && g.ConfirmedAt != null && g.NoticesStoppedAt == null)
            .Select(g => new { g.Id, g.Email, g.Language, g.Secret }).ToListAsync(ct);
        foreach (var batch in guests.Where(g => !accountAddresses.Contains(g.Email)).Chunk(BatchSize))
        {
            var keys = batch.Select(g => GuestMailKey(payload.EventId, g.Id)).ToList();
            var done = (await db.Set<Job>().AsNoTracking().Where(j => keys.Contains(j.IdempotencyKey!)).Select(j => j.IdempotencyKey!).ToListAsync(ct)).ToHashSet();
            foreach (var guest in batch.Where(g => !done.Contains(GuestMailKey(payload.EventId, g.Id))))
            {
                var text = texts.For(subject, payload.Reason, guest.Language);
                var token = guestLinks.UnsubscribeTokenFor(guest.Id, guest.Secret);
                mailer.Queue(texts.Mail(text, subject, guest.Email, sender, (GuestLinks.UnsubscribePathOf(token), GuestLinks.OneClickPathOf(token))),
                    GuestMailKey(payload.EventId, guest.Id));
                told++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return told;
    }

    private static string GuestMailKey(Guid eventId, Guid guestId) => $"participation-mail:{eventId:N}:guest:{guestId:N}";

    private async Task<NoticeSubject?> SubjectAsync(Payload payload, CancellationToken ct)
    {
        if (payload.DebateId is { } debateId)
        {
            var debate = await (from d in db.Set<Debate>().AsNoTracking()
                                join pr in db.Set<ParticipationProcess>() on d.ProcessId equals pr.Id
                                where d.Id == debateId
                                select new { d.Id, d.Title, pr.Slug }).SingleOrDefaultAsync(ct);
            var anchor = payload.CommentId is { } c ? $"#kommentar-{c}" : "";
            return debate is null ? null
                : new NoticeSubject(debate.Title, $"/beteiligung/{debate.Slug}/debatten/{debate.Id}{anchor}", null, null, ProjectProgress.Planned, 0);
        }
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
        if (payload.DebateId is { } debateId)
        {
            if (payload.Reason == NoticeReason.Reply)
                // The author of the comment answered, unless they answered themselves.
                return from reply in db.Set<ProposalComment>()
                       from answered in db.Set<ProposalComment>()
                       where reply.Id == payload.CommentId && reply.DebateId == debateId && answered.Id == payload.AnsweredId
                           && answered.DebateId == debateId && answered.AuthorId != null && answered.AuthorId != reply.AuthorId
                       select answered.AuthorId!.Value;
            return db.Set<ProposalComment>().Where(c => c.DebateId == debateId && c.AuthorId != null).Select(c => c.AuthorId!.Value);
        }
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
