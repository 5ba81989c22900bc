using System.Text.Json;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Newsroom.Editing;

/// <summary>Adds audit rows and revisions to the caller's unit of work, so they are stored with the change or not at all.</summary>
internal static class PostLog
{
    public static void Audit(AppDb db, Post post, PostAction action, Actor? actor, DateTime at, string? comment = null) =>
        db.Add(new PostAuditEntry { PostId = post.Id, Action = action, ActorId = actor?.Id, ActorName = actor?.Name, Comment = comment, At = at });

    public static void Revision(AppDb db, Post post, PostForm form, Actor actor, DateTime at) =>
        db.Add(new PostRevision { PostId = post.Id, AuthorId = actor.Id, AuthorName = actor.Name, CreatedAt = at, Snapshot = JsonSerializer.Serialize(form) });
}
