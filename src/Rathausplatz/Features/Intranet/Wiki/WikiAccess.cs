using System.Security.Claims;
using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>
/// Who may read and edit which wiki. A space's wiki follows <see cref="SpaceAccess"/>: read by those who may read
/// the space (members, guests included, and organisation admins), edited by its members (guests included: they
/// work in the space like everyone else). The organisation's knowledge base is read and edited by all staff;
/// for guests it does not exist (null: 404). Those who manage a wiki (the space's owners, organisation admins; for
/// the knowledge base the admins) may also delete pages that others wrote.
/// </summary>
public sealed class WikiAccess(SpaceAccess spaces)
{
    public const string KnowledgeBasePath = "/intranet/wiki";

    /// <summary>One wiki as one caller sees it. <see cref="Name"/> is the space's title, or null for the knowledge base.</summary>
    public sealed record Wiki(Guid? SpaceId, string Path, string? Name, bool CanRead, bool CanEdit, Guid UserId, bool CanManage = false)
    {
        public string PathOf(string slug) => $"{Path}/{slug}";
        public string? SpacePath => SpaceId is { } id ? $"/intranet/raeume/{id}" : null;
    }

    /// <summary>The wiki of <paramref name="spaceId"/> (the knowledge base when null) as <paramref name="user"/> sees it, or null (answer 404).</summary>
    public async Task<Wiki?> FindAsync(ClaimsPrincipal user, Guid? spaceId, CancellationToken ct)
    {
        if (SpaceAccess.Caller.Of(user) is not { } caller)
            return null;
        if (spaceId is not { } id)
            return caller.Staff ? new Wiki(null, KnowledgeBasePath, null, true, true, caller.UserId, caller.Admin) : null;
        if (await spaces.FindAsync(user, id, ct) is not { } space)
            return null;
        return new Wiki(id, $"/intranet/raeume/{id}/wiki", space.Space.Title, space.CanRead, space.CanContribute, caller.UserId, space.CanManage);
    }
}
