using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Rathausplatz.Data;
using Rathausplatz.Features.Newsroom.Editing;

namespace Rathausplatz.Features.Newsroom.Previews;

public enum CreatePreviewOutcome { Created, NotPreviewable, NotFound }

public sealed record CreatePreviewResult(CreatePreviewOutcome Outcome, string? Token = null, DateTime? ExpiresAt = null);

public enum PreviewLookup { Found, Unknown, Expired }

/// <summary>Creates, finds and revokes preview links. The token is 256 random bits: nothing to guess, nothing to sign.</summary>
public sealed class PreviewLinks(AppDb db, TimeProvider time)
{
    public const int DefaultDays = 7;
    public const int MaxDays = 30;

    public async Task<CreatePreviewResult> CreateAsync(Guid postId, int days, Actor actor, CancellationToken ct)
    {
        var status = await db.Set<Post>().Where(p => p.Id == postId).Select(p => (PostStatus?)p.Status).SingleOrDefaultAsync(ct);
        if (status is null)
            return new(CreatePreviewOutcome.NotFound);
        // A published post has its public address; an unpublished one was taken down on purpose.
        if (status is not (PostStatus.Draft or PostStatus.InReview or PostStatus.Scheduled))
            return new(CreatePreviewOutcome.NotPreviewable);
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var link = new PreviewLink
        {
            PostId = postId, TokenHash = Hash(token), CreatedById = actor.Id, CreatedByName = actor.Name,
            CreatedAt = now, ExpiresAt = now.AddDays(Math.Clamp(days, 1, MaxDays)),
        };
        db.Add(link);
        await db.SaveChangesAsync(ct);
        return new(CreatePreviewOutcome.Created, token, link.ExpiresAt);
    }

    /// <summary>The post behind a token of this organisation (the query filter), if the link still holds.</summary>
    public async Task<(PreviewLookup Result, Guid PostId)> FindAsync(string token, CancellationToken ct)
    {
        if (token.Length is < 20 or > 100)
            return (PreviewLookup.Unknown, default);
        var hash = Hash(token);
        var link = await db.Set<PreviewLink>().AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null)
            return (PreviewLookup.Unknown, default);
        var now = time.GetUtcNow().UtcDateTime;
        return link.RevokedAt is not null || link.ExpiresAt <= now ? (PreviewLookup.Expired, link.PostId) : (PreviewLookup.Found, link.PostId);
    }

    public async Task<bool> RevokeAsync(Guid postId, Guid linkId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Set<PreviewLink>().Where(l => l.Id == linkId && l.PostId == postId && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now), ct) > 0;
    }

    /// <summary>Links that still work, for the post's back-office page.</summary>
    public Task<List<PreviewLink>> ActiveAsync(Guid postId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Set<PreviewLink>().AsNoTracking().Where(l => l.PostId == postId && l.RevokedAt == null && l.ExpiresAt > now)
            .OrderBy(l => l.ExpiresAt).ToListAsync(ct);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
