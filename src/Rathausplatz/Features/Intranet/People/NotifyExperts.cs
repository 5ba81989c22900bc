using System.Text.Json;
using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.InApp;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>
/// Tells every colleague who has one of a question's skills (not the asker) about it: an in-app notice each. One job
/// per question (its id is the idempotency key and the notices' event id); the fan-out goes in batches, each its own
/// transaction, and the notice's unique key (event, person) says who is told already, so a retry tells nobody twice.
/// </summary>
public sealed class NotifyExperts(AppDb db, JobQueue queue, InAppNotices notices, IStringLocalizer<SharedResource> text,
    ILogger<NotifyExperts> log) : IJobHandler
{
    public const string JobKind = "intranet-expert-question";
    internal const int BatchSize = 200;

    public sealed record Payload(Guid QuestionId);

    /// <summary>Adds the job to the caller's unit of work, so it is stored with the question, or not at all.</summary>
    public void Queue(Guid questionId) => queue.Add(JobKind, new Payload(questionId), $"{JobKind}:{questionId:N}");

    public async Task RunAsync(Job job, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.Payload) ?? throw new PermanentJobFailure("Empty question payload.");
        var question = await db.Set<ExpertQuestion>().AsNoTracking().Where(q => q.Id == payload.QuestionId)
            .Select(q => new { q.Id, q.Title, q.AskerId, q.CreatedAt }).SingleOrDefaultAsync(ct);
        if (question is null)
            return; // Deleted meanwhile: nothing to tell.
        var skills = db.Set<ExpertQuestionSkill>().Where(s => s.QuestionId == question.Id).Select(s => s.Skill);
        var experts = await db.Set<ProfileSkill>()
            .Where(s => skills.Contains(s.Name) && s.UserId != question.AskerId
                && db.UserRoles.Any(ur => ur.UserId == s.UserId && db.Roles.Any(r => r.Id == ur.RoleId && SpaceAccess.StaffRoles.Contains(r.Name!))))
            .Select(s => s.UserId).Distinct().ToListAsync(ct);
        var told = 0;
        foreach (var ids in experts.Chunk(BatchSize))
        {
            var languages = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.PreferredLanguage }).ToListAsync(ct);
            var done = await notices.NotifiedAsync(question.Id, ids, ct);
            foreach (var person in languages.Where(p => !done.Contains(p.Id)))
            {
                var title = Localization.InLanguage(person.PreferredLanguage, () => text["Frage an die Expert:innen: {0}", question.Title].Value);
                notices.Add(question.Id, person.Id, title, $"/intranet/personen/fragen/{question.Id}", question.CreatedAt);
                told++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        // Counts only: who knows what stays out of the logs.
        log.LogInformation("Expert question {QuestionId}: {Count} colleagues notified", question.Id, told);
    }
}
