using Rathausplatz.Data;
using Rathausplatz.Features.Delivery.InApp;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Stream;

/// <summary>
/// In-app notices of the stream: a new mention (event id: the mention's row) and a new must-read (event id: the post)
/// reach the person's inbox at /benachrichtigungen, titled in their language. Added to the caller's unit of work, so
/// they are stored with the post or the mark, or not at all. Must-read notices go to the space's members in the same
/// request: spaces have tens to a few hundred members; a space of thousands would want a job like NotifyExperts.
/// </summary>
public sealed class StreamNotices(AppDb db, InAppNotices notices, IStringLocalizer<SharedResource> text, TimeProvider time)
{
    public async Task MentionedAsync(SpaceAccess.View space, Guid postId, IReadOnlyCollection<StreamMention> mentions, CancellationToken ct)
    {
        if (mentions.Count == 0)
            return;
        var people = await LanguagesAsync(mentions.Select(m => m.UserId).ToList(), ct);
        var author = await db.Users.Where(u => u.Id == space.Caller.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var mention in mentions)
            notices.Add(mention.Id, mention.UserId,
                Localization.InLanguage(people[mention.UserId], () => text["{0} hat Sie in „{1}“ erwähnt", author, space.Space.Title].Value),
                $"/intranet/raeume/{space.Space.Id}/beitraege/{postId}", now);
    }

    public async Task MustReadAsync(SpaceAccess.View space, Guid postId, CancellationToken ct)
    {
        var members = await db.Set<SpaceMember>().Where(m => m.SpaceId == space.Space.Id && m.UserId != space.Caller.UserId).Select(m => m.UserId).ToListAsync(ct);
        var told = await notices.NotifiedAsync(postId, members, ct);
        var people = await LanguagesAsync(members.Where(m => !told.Contains(m)).ToList(), ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (userId, language) in people)
            notices.Add(postId, userId, Localization.InLanguage(language, () => text["Pflichtlektüre in „{0}“", space.Space.Title].Value),
                $"/intranet/raeume/{space.Space.Id}/beitraege/{postId}", now);
    }

    private async Task<Dictionary<Guid, string>> LanguagesAsync(List<Guid> userIds, CancellationToken ct) =>
        await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.PreferredLanguage, ct);
}
