using Rathausplatz.Data;

namespace Rathausplatz.Features.Participation.Accountability;

/// <summary>What the progress section of a project or proposal page shows: status, percent and the updates, newest first.</summary>
public sealed record ProgressView(ProjectProgress Progress, int PercentDone, IReadOnlyList<ProgressView.Entry> Updates)
{
    public sealed record Entry(DateTime At, ProjectProgress Progress, int PercentDone, string Html);
}

public sealed class ProgressHistory(AppDb db, MarkdownRenderer markdown)
{
    public async Task<ProgressView> LoadAsync(ITracksProgress tracked, ProgressSubject subject, CancellationToken ct)
    {
        var updates = db.Set<ProgressUpdate>().AsNoTracking();
        updates = subject.ProjectId is { } projectId ? updates.Where(u => u.ProjectId == projectId) : updates.Where(u => u.ProposalId == subject.ProposalId);
        var rows = await updates.OrderByDescending(u => u.At).ToListAsync(ct);
        return new(tracked.Progress, tracked.PercentDone, rows.Select(u => new ProgressView.Entry(u.At, u.Progress, u.PercentDone, markdown.ToSafeHtml(u.Body))).ToList());
    }
}
