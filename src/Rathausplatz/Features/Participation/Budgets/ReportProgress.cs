using Rathausplatz.Data;

namespace Rathausplatz.Features.Participation.Budgets;

public enum ProgressProblem { NotFound, PercentOutOfRange, BodyMissing, BodyTooLong }

/// <summary>
/// Accountability: an editor sets a project's status and percentage and tells the public what happened, as a
/// dated update on the project's page. Both change together, so the page never shows a status without its note.
/// </summary>
public sealed class ReportProgress(AppDb db, TimeProvider time)
{
    public async Task<ProgressProblem?> RunAsync(Guid editorId, Guid projectId, ProjectProgress progress, int percentDone, string? body, CancellationToken ct)
    {
        var project = await db.Set<BudgetProject>().SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null || !Enum.IsDefined(progress))
            return ProgressProblem.NotFound;
        if (percentDone is < 0 or > 100)
            return ProgressProblem.PercentOutOfRange;
        var text = (body ?? "").Trim();
        if (text.Length == 0)
            return ProgressProblem.BodyMissing;
        if (text.Length > ProjectUpdate.MaxBody)
            return ProgressProblem.BodyTooLong;
        var now = time.GetUtcNow().UtcDateTime;
        project.Progress = progress;
        project.PercentDone = progress == ProjectProgress.Completed ? 100 : percentDone;
        project.UpdatedAt = now;
        db.Add(new ProjectUpdate { ProjectId = project.Id, AuthorId = editorId, Body = text, Progress = progress, PercentDone = project.PercentDone, At = now });
        await db.SaveChangesAsync(ct);
        return null;
    }
}
