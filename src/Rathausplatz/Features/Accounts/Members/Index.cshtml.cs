using System.Globalization;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Accounts.Members;

/// <summary>The accounts of this organisation (the user table is tenant-filtered), a page at a time, searchable.</summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class IndexModel(AppDb db, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    /// <summary>What an admin needs to see per member; no password, phone or security data.</summary>
    public sealed record Member(Guid Id, string DisplayName, string? Email, bool TwoFactor, bool LockedOut, IReadOnlyList<string> Roles);

    public List<Member> Members { get; private set; } = [];
    public string? Search { get; private set; }
    public int PageNumber { get; private set; }
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string LinkToPage(int number)
    {
        var page = QueryString.Create("page", number.ToString(CultureInfo.InvariantCulture));
        return "/admin/members" + (Search is null ? page : QueryString.Create("q", Search).Add(page));
    }

    // "page" is Razor Pages' own route value, so the query parameter is bound by name explicitly.
    public async Task OnGetAsync(string? q, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 100)];
        var accounts = db.Users.AsNoTracking();
        if (Search is not null)
        {
            // Normalised e-mail is upper case already. SQLite's upper() only knows ASCII, so the name is
            // also matched as typed: "bürger" finds "Bea Bürger" on both providers.
            var search = Search;
            var upper = search.ToUpperInvariant();
            accounts = accounts.Where(u => u.NormalizedEmail!.Contains(upper)
                || u.DisplayName.Contains(search) || u.DisplayName.ToUpper().Contains(upper));
        }
        Total = await accounts.CountAsync(ct);
        PageNumber = Math.Clamp(pageNumber, 1, PageCount);

        var rows = await accounts.OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.TwoFactorEnabled, u.LockoutEnd })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        // LockoutEnd is compared here, not in SQL: SQLite cannot compare DateTimeOffset values.
        var now = time.GetUtcNow();
        Members = rows.Select(r => new Member(r.Id, r.DisplayName, r.Email, r.TwoFactorEnabled, r.LockoutEnd > now,
            roles[r.Id].OrderBy(role => Array.IndexOf(Roles.All, role)).ToList())).ToList();
    }
}
