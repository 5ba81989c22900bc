using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;

namespace Rathausplatz.Tests.Support;

public sealed record TestSpace(Guid Id, string Title, TestOrganization Organization)
{
    public string Path => $"/intranet/raeume/{Id}";
    public string MembersPath => $"{Path}/mitglieder";
    public string PostPath(Guid postId) => $"{Path}/beitraege/{postId}";
    public string TasksPath => $"{Path}/aufgaben";
    public string TaskPath(Guid taskId) => $"{TasksPath}/{taskId}";
    public string DocumentsPath => $"{Path}/dokumente";
    public string DocumentPath(Guid documentId) => $"{DocumentsPath}/{documentId}";
    public string FilePath(Guid documentId, int number) => $"{DocumentPath(documentId)}/versionen/{number}";
}

public abstract partial class RathausplatzApp
{
    /// <summary>A space made with the use case behind "Raum anlegen"; <paramref name="owner"/> becomes its owner.</summary>
    public async Task<TestSpace> CreateSpaceAsync(TestUser owner, JoinPolicy policy = JoinPolicy.Open, string? title = null,
        SpaceKind kind = SpaceKind.CommunityOfPractice)
    {
        await using var scope = InOrganization(owner.Organization);
        var result = await scope.Get<CreateSpace>().RunAsync(
            new CreateSpaceInput(owner.Id, title ?? Unique.Name("Raum"), "Worum es geht.", kind, policy), CancellationToken.None);
        var space = result.Space ?? throw new InvalidOperationException($"The space was refused: {string.Join(", ", result.Problems)}");
        return new TestSpace(space.Id, space.Title, owner.Organization);
    }

    /// <summary>Puts <paramref name="user"/> into the space, as an owner's decision would.</summary>
    public async Task AddToSpaceAsync(TestSpace space, TestUser user, SpaceRole role)
    {
        await using var scope = InOrganization(space.Organization);
        scope.Db.Add(new SpaceMember { SpaceId = space.Id, UserId = user.Id, Role = role, JoinedAt = Now });
        await scope.Db.SaveChangesAsync();
    }

    /// <summary>A stream post written straight into the table (for paging and matrices), at <paramref name="at"/> or now.</summary>
    public async Task<Guid> AddStreamPostAsync(TestSpace space, TestUser author, string body, DateTime? at = null)
    {
        await using var scope = InOrganization(space.Organization);
        var post = new StreamPost { SpaceId = space.Id, AuthorId = author.Id, Body = body, CreatedAt = at ?? Now };
        scope.Db.Add(post);
        await scope.Db.SaveChangesAsync();
        return post.Id;
    }

    /// <summary>A comment written straight into the table, on a post of the space.</summary>
    public async Task<Guid> AddStreamCommentAsync(TestSpace space, Guid postId, TestUser author, string body)
    {
        await using var scope = InOrganization(space.Organization);
        var comment = new StreamComment { PostId = postId, AuthorId = author.Id, Body = body, CreatedAt = Now };
        scope.Db.Add(comment);
        await scope.Db.SaveChangesAsync();
        return comment.Id;
    }

    /// <summary>Marks a post as must-read, as the space's leadership would.</summary>
    public async Task MarkMustReadAsync(TestSpace space, Guid postId)
    {
        await using var scope = InOrganization(space.Organization);
        await scope.Db.Set<StreamPost>().Where(p => p.Id == postId).ExecuteUpdateAsync(p => p.SetProperty(x => x.MustReadSince, Now));
    }

    /// <summary>What is left of a post: its row, comments, reactions, tags, mentions and read confirmations, counted.</summary>
    public async Task<(int Posts, int Comments, int Reactions, int Tags, int Mentions, int Confirmations)> StreamRowsOfAsync(TestSpace space, Guid postId)
    {
        await using var scope = InOrganization(space.Organization);
        var db = scope.Db;
        return (await db.Set<StreamPost>().CountAsync(p => p.Id == postId), await db.Set<StreamComment>().CountAsync(c => c.PostId == postId),
            await db.Set<StreamReaction>().CountAsync(r => r.PostId == postId), await db.Set<StreamTag>().CountAsync(t => t.PostId == postId),
            await db.Set<StreamMention>().CountAsync(m => m.PostId == postId), await db.Set<StreamReadConfirmation>().CountAsync(r => r.PostId == postId));
    }

    public async Task<List<StreamModerationEntry>> StreamModerationLogAsync(TestSpace space)
    {
        await using var scope = InOrganization(space.Organization);
        return await scope.Db.Set<StreamModerationEntry>().AsNoTracking().Where(e => e.SpaceId == space.Id).OrderBy(e => e.At).ToListAsync();
    }

    public async Task<List<StreamReadConfirmation>> ReadConfirmationsAsync(TestSpace space, Guid postId)
    {
        await using var scope = InOrganization(space.Organization);
        return await scope.Db.Set<StreamReadConfirmation>().AsNoTracking().Where(r => r.PostId == postId).ToListAsync();
    }

    /// <summary>The person's role in the space as stored, or null when they do not belong to it.</summary>
    public async Task<SpaceRole?> SpaceRoleAsync(TestSpace space, TestUser user)
    {
        await using var scope = InOrganization(space.Organization);
        return await scope.Db.Set<SpaceMember>().Where(m => m.SpaceId == space.Id && m.UserId == user.Id).Select(m => (SpaceRole?)m.Role).SingleOrDefaultAsync();
    }

    /// <summary>Every post of the space as stored, with its tags and the ids of the people it mentions.</summary>
    public async Task<List<(StreamPost Post, List<string> Tags, List<Guid> Mentioned)>> StreamPostsAsync(TestSpace space)
    {
        await using var scope = InOrganization(space.Organization);
        var posts = await scope.Db.Set<StreamPost>().AsNoTracking().Where(p => p.SpaceId == space.Id).OrderBy(p => p.CreatedAt).ToListAsync();
        var tags = await scope.Db.Set<StreamTag>().AsNoTracking().Where(t => t.SpaceId == space.Id).ToListAsync();
        var mentions = await scope.Db.Set<StreamMention>().AsNoTracking().Where(m => m.SpaceId == space.Id).ToListAsync();
        return posts.Select(p => (p, tags.Where(t => t.PostId == p.Id).Select(t => t.Tag).Order().ToList(),
            mentions.Where(m => m.PostId == p.Id).Select(m => m.UserId).ToList())).ToList();
    }
}
