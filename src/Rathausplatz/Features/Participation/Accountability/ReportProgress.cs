using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Budgets;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.Accountability;

public enum ProgressProblem { NotFound, NotAccepted, PercentOutOfRange, BodyMissing, BodyTooLong }

/// <summary>What an update is about: a budget project or a proposal.</summary>
public sealed record ProgressSubject(Guid? ProjectId, Guid? ProposalId)
{
    public static ProgressSubject Project(Guid id) => new(id, null);
    public static ProgressSubject Proposal(Guid id) => new(null, id);
}

/// <summary>
/// Accountability: an editor sets the status and percentage of a budget project or an accepted proposal and tells
/// the public what happened, as a dated update on its page. Both change together, so the page never shows a status
/// without its note; the participants' notices are queued in the same transaction.
/// </summary>
public sealed class ReportProgress(AppDb db, TimeProvider time, NotifyParticipants notify)
{
    public async Task<ProgressProblem?> RunAsync(Guid editorId, ProgressSubject subject, ProjectProgress progress, int percentDone, string? body, CancellationToken ct)
    {
        ITracksProgress? tracked = subject.ProjectId is { } projectId
            ? await db.Set<BudgetProject>().SingleOrDefaultAsync(p => p.Id == projectId, ct)
            : await db.Set<Proposal>().SingleOrDefaultAsync(p => p.Id == subject.ProposalId, ct);
        if (tracked is null || !Enum.IsDefined(progress))
            return ProgressProblem.NotFound;
        // Only what the town has taken on carries progress; an open or rejected proposal has nothing to report.
        if (tracked is Proposal { Status: not (ProposalStatus.Accepted or ProposalStatus.Implemented) })
            return ProgressProblem.NotAccepted;
        if (percentDone is < 0 or > 100)
            return ProgressProblem.PercentOutOfRange;
        var text = (body ?? "").Trim();
        if (text.Length == 0)
            return ProgressProblem.BodyMissing;
        if (text.Length > ProgressUpdate.MaxBody)
            return ProgressProblem.BodyTooLong;
        var now = time.GetUtcNow().UtcDateTime;
        tracked.Progress = progress;
        tracked.PercentDone = progress == ProjectProgress.Completed ? 100 : percentDone;
        if (tracked is BudgetProject project)
            project.UpdatedAt = now;
        var update = new ProgressUpdate
        {
            ProjectId = subject.ProjectId, ProposalId = subject.ProjectId is null ? tracked.Id : null, AuthorId = editorId,
            Body = text, Progress = progress, PercentDone = tracked.PercentDone, At = now,
        };
        db.Add(update);
        notify.Queue(new NotifyParticipants.Payload(update.Id, NoticeReason.Progress, update.ProjectId, update.ProposalId, now));
        await db.SaveChangesAsync(ct);
        return null;
    }
}
