using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.ProcessPages;

/// <summary>
/// Editors write, change and remove the pages of a process, and link newsroom events to it as its meetings.
/// Everything is looked up within the process (and the tenant): an id of another process or town is "not found".
/// </summary>
public sealed class ManageProcessPages(AppDb db, TimeProvider time)
{
    public Task<ParticipationProcess?> FindProcessAsync(string slug, CancellationToken ct) =>
        db.Set<ParticipationProcess>().AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, ct);

    public Task<ProcessPage?> FindPageAsync(Guid processId, Guid pageId, CancellationToken ct) =>
        db.Set<ProcessPage>().SingleOrDefaultAsync(p => p.Id == pageId && p.ProcessId == processId, ct);

    /// <summary>Saves a new page (no <paramref name="page"/>) or changes one; null when the kind is not one of ours.</summary>
    public async Task<ProcessPage?> SaveAsync(Guid processId, ProcessPage? page, ProcessPageInput input, CancellationToken ct)
    {
        if (!Enum.IsDefined(input.Kind))
            return null;
        var now = time.GetUtcNow().UtcDateTime;
        if (page is null)
            db.Add(page = new ProcessPage { ProcessId = processId, Title = "", CreatedAt = now });
        page.Kind = input.Kind;
        page.Title = input.Title!.Trim();
        page.Body = input.Body!.Trim();
        page.Published = input.Published;
        page.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return page;
    }

    public async Task RemoveAsync(ProcessPage page, CancellationToken ct)
    {
        db.Remove(page);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The published events an editor can link: those still to come, soonest first.</summary>
    public async Task<List<(Guid Id, string Title, DateTime? Start)>> LinkableEventsAsync(Guid processId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var events = await db.Set<Post>().AsNoTracking().Include(p => p.Contents)
            .Where(p => p.Type == PostType.Event && p.Status == PostStatus.Published && (p.OccursUntil ?? p.EventEnd ?? p.EventStart) >= now
                && !db.Set<ProcessMeeting>().Any(m => m.ProcessId == processId && m.PostId == p.Id))
            .ToListAsync(ct);
        return events.Select(p => (p.Id, p.German.Title, p.NextOccurrenceStart ?? p.EventStart)).OrderBy(e => e.Item3).ToList();
    }

    /// <summary>False when the id is no published event of this town.</summary>
    public async Task<bool> LinkMeetingAsync(Guid processId, Guid postId, CancellationToken ct)
    {
        if (!await db.Set<Post>().AnyAsync(p => p.Id == postId && p.Type == PostType.Event && p.Status == PostStatus.Published, ct))
            return false;
        if (await db.Set<ProcessMeeting>().AnyAsync(m => m.ProcessId == processId && m.PostId == postId, ct))
            return true;
        db.Add(new ProcessMeeting { ProcessId = processId, PostId = postId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Linked by another editor a moment earlier.
        }
        return true;
    }

    public async Task UnlinkMeetingAsync(Guid processId, Guid postId, CancellationToken ct)
    {
        // Tracked, so the save evicts the cached process page.
        if (await db.Set<ProcessMeeting>().SingleOrDefaultAsync(m => m.ProcessId == processId && m.PostId == postId, ct) is { } meeting)
        {
            db.Remove(meeting);
            await db.SaveChangesAsync(ct);
        }
    }
}
