using System.Globalization;
using System.Text.Json;
using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom.Editing;

namespace Rathausplatz.Features.Newsroom.Revisions;

public sealed record RestoreResult(SaveOutcome Outcome, bool RevisionFound = true);

/// <summary>
/// Brings back the fields of an older version by saving them again through <see cref="SavePost"/>:
/// the same checks and workflow rules as an edit (under four-eyes review a live post is refused), and
/// the same trail: a new revision, and an audit entry naming the version restored.
/// </summary>
public sealed class RestoreRevision(AppDb db, SavePost savePost)
{
    public async Task<RestoreResult> RunAsync(Guid postId, Guid revisionId, Actor actor, CancellationToken ct)
    {
        var revision = await db.Set<PostRevision>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId && r.PostId == postId, ct);
        if (revision is null || JsonSerializer.Deserialize<PostForm>(revision.Snapshot) is not { } form)
            return new(SaveOutcome.NotFound, RevisionFound: false);
        // The version's local time, the way the history lists it: the audit is read by people.
        var from = TownTime.ToLocal(revision.CreatedAt)!.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var saved = await savePost.UpdateAsync(postId, form, actor, ct, PostAction.Restored, $"{from} ({revision.AuthorName})");
        return new(saved.Outcome);
    }
}
