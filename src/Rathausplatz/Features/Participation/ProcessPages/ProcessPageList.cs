using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom;

namespace Rathausplatz.Features.Participation.ProcessPages;

/// <summary>What a process shows beside its components: its pages (published ones, or all for editors) and its meetings.</summary>
public sealed class ProcessPageList(AppDb db, TimeProvider time)
{
    public sealed record PageLink(Guid Id, ProcessPageKind Kind, string Title, bool Published);

    /// <summary>A meeting as the newsroom has it: its next (or only) date, place and the post's page.</summary>
    public sealed record Meeting(Guid PostId, string Slug, string Title, DateTime? Start, bool AllDay, string? Place, bool Past);

    public async Task<List<PageLink>> PagesAsync(Guid processId, bool withDrafts, CancellationToken ct) =>
        await db.Set<ProcessPage>().AsNoTracking().Where(p => p.ProcessId == processId && (withDrafts || p.Published))
            .OrderBy(p => p.Kind).ThenBy(p => p.CreatedAt)
            .Select(p => new PageLink(p.Id, p.Kind, p.Title, p.Published)).ToListAsync(ct);

    /// <summary>The process's meetings that are published events, soonest first, past ones last.</summary>
    public async Task<List<Meeting>> MeetingsAsync(Guid processId, string language, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var posts = await db.Set<Post>().AsNoTracking().Include(p => p.Contents)
            .Where(p => p.Type == PostType.Event && p.Status == PostStatus.Published
                && db.Set<ProcessMeeting>().Any(m => m.ProcessId == processId && m.PostId == p.Id))
            .ToListAsync(ct);
        return posts.Select(p =>
            {
                var start = p.NextOccurrenceStart ?? p.EventStart;
                var end = p.NextOccurrenceEnd ?? p.EventEnd ?? start;
                var title = (p.Contents.FirstOrDefault(c => c.Language == language) ?? p.German).Title;
                return new Meeting(p.Id, p.Slug, title, start, p.EventAllDay, p.PlaceName, end < now);
            })
            .OrderBy(m => m.Past).ThenBy(m => m.Past ? -(m.Start?.Ticks ?? 0) : m.Start?.Ticks ?? long.MaxValue).ToList();
    }
}
