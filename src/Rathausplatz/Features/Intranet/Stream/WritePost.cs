using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Intranet.Documents;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Stream;

public enum StreamProblem { NotAllowed, BodyMissing, BodyTooLong, NotFound, TooManyFiles, FileRefused }

/// <summary>
/// A member writes a post in a space's stream, or a comment on one. Tags and mentions of the post are stored
/// beside it; only members of the space can be mentioned (others could not read it anyway).
/// </summary>
public sealed class WritePost(AppDb db, StreamNotices notices, TimeProvider time, IOptions<DocumentOptions> documents)
{
    /// <summary>A refused post names the problem; a refused file also says which file and why (as a document upload would).</summary>
    public sealed record Result(Guid? Id, StreamProblem? Problem, DocumentProblem? FileProblem = null, string? FileName = null);

    public Task<Result> PostAsync(SpaceAccess.View space, string? body, CancellationToken ct) => PostAsync(space, body, [], ct);

    /// <summary>
    /// A post with up to <see cref="StreamAttachment.MaxPerPost"/> files. Every file is read and checked before
    /// anything is saved: one refused file refuses the post, and nothing of it is stored.
    /// </summary>
    public async Task<Result> PostAsync(SpaceAccess.View space, string? body, IReadOnlyList<UploadedFile.Upload> files, CancellationToken ct)
    {
        var text = body?.Trim() ?? "";
        if (Refused(space, text, StreamPost.MaxBody) is { } problem)
            return new Result(null, problem);
        if (files.Count > StreamAttachment.MaxPerPost)
            return new Result(null, StreamProblem.TooManyFiles);
        var read = new List<UploadedFile>();
        foreach (var upload in files)
        {
            var (file, refused) = await UploadedFile.ReadAsync(upload, documents.Value.MaxBytes, ct);
            if (file is null)
                return new Result(null, StreamProblem.FileRefused, refused, upload.FileName);
            read.Add(file);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var post = new StreamPost { SpaceId = space.Space.Id, AuthorId = space.Caller.UserId, Body = text, CreatedAt = now };
        db.Add(post);
        for (var i = 0; i < read.Count; i++)
            db.Add(new StreamAttachment
            {
                PostId = post.Id,
                Position = i,
                FileName = read[i].FileName,
                ContentType = read[i].ContentType,
                Length = read[i].Length,
                Hash = read[i].Hash,
                Bytes = read[i].Bytes,
                Preview = read[i].Preview,
            });
        await ResolveAsync(space, post.Id, text, [], now, ct);
        await db.SaveChangesAsync(ct);
        return new Result(post.Id, null);
    }

    public async Task<Result> CommentAsync(SpaceAccess.View space, Guid postId, string? body, CancellationToken ct)
    {
        var text = body?.Trim() ?? "";
        if (Refused(space, text, StreamComment.MaxBody) is { } problem)
            return new Result(null, problem);
        if (!await db.Set<StreamPost>().AnyAsync(p => p.Id == postId && p.SpaceId == space.Space.Id, ct))
            return new Result(null, StreamProblem.NotFound);
        var comment = new StreamComment { PostId = postId, AuthorId = space.Caller.UserId, Body = text, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        return new Result(comment.Id, null);
    }

    /// <summary>
    /// Adds the tags and mentions of <paramref name="text"/> to the unit of work; <paramref name="alreadyMentioned"/> keep
    /// their rows (an edit). Returns the newly mentioned members.
    /// </summary>
    internal async Task<List<StreamMention>> ResolveAsync(SpaceAccess.View space, Guid postId, string text, IReadOnlyCollection<Guid> alreadyMentioned,
        DateTime now, CancellationToken ct)
    {
        foreach (var tag in StreamText.Tags(text))
            db.Add(new StreamTag { SpaceId = space.Space.Id, PostId = postId, Tag = tag, CreatedAt = now });
        var added = new List<StreamMention>();
        foreach (var userId in await MentionedMembersAsync(space.Space.Id, text, ct))
            if (userId != space.Caller.UserId && !alreadyMentioned.Contains(userId))
            {
                var mention = new StreamMention { SpaceId = space.Space.Id, PostId = postId, UserId = userId, CreatedAt = now };
                db.Add(mention);
                added.Add(mention);
            }
        await notices.MentionedAsync(space, postId, added, ct);
        return added;
    }

    internal static StreamProblem? Refused(SpaceAccess.View space, string text, int max) =>
        !space.CanContribute ? StreamProblem.NotAllowed
        : text.Length == 0 ? StreamProblem.BodyMissing
        : text.Length > max ? StreamProblem.BodyTooLong
        : null;

    internal async Task<List<Guid>> MentionedMembersAsync(Guid spaceId, string text, CancellationToken ct)
    {
        var handles = StreamText.Mentions(text);
        if (handles.Count == 0)
            return [];
        var members = await MemberHandlesAsync(db, spaceId, ct);
        return members.Where(m => handles.Contains(m.Handle, StringComparer.OrdinalIgnoreCase)).Select(m => m.UserId).ToList();
    }

    /// <summary>Every member of the space with the handle they are mentioned by.</summary>
    public static async Task<List<(Guid UserId, string Handle)>> MemberHandlesAsync(AppDb db, Guid spaceId, CancellationToken ct) =>
        (await (from m in db.Set<SpaceMember>()
                join u in db.Users on m.UserId equals u.Id
                where m.SpaceId == spaceId
                select new { u.Id, u.DisplayName }).ToListAsync(ct))
        .Select(u => (u.Id, StreamText.HandleOf(u.DisplayName))).ToList();
}
