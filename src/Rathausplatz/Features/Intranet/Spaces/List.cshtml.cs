using Rathausplatz.Data;

namespace Rathausplatz.Features.Intranet.Spaces;

/// <summary>The spaces the caller may see: their own first, then those open to staff.</summary>
[Authorize(Policy = IntranetSetup.Policy)]
public sealed class ListModel(AppDb db, SpaceAccess access) : PageModel
{
    public sealed record SpaceRow(Guid Id, string Title, SpaceKind Kind, JoinPolicy Policy, SpaceRole? Role, int Members);

    public List<SpaceRow> Mine { get; private set; } = [];
    public List<SpaceRow> Others { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = SpaceAccess.Caller.Of(User)!;
        CanCreate = caller.Staff;
        var rows = await access.Visible(caller).OrderBy(s => s.Title)
            .Select(s => new SpaceRow(s.Id, s.Title, s.Kind, s.JoinPolicy,
                db.Set<SpaceMember>().Where(m => m.SpaceId == s.Id && m.UserId == caller.UserId).Select(m => (SpaceRole?)m.Role).FirstOrDefault(),
                db.Set<SpaceMember>().Count(m => m.SpaceId == s.Id)))
            .ToListAsync(ct);
        Mine = rows.Where(r => r.Role is not null).ToList();
        Others = rows.Where(r => r.Role is null).ToList();
    }
}
