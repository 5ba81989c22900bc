using System.Security.Claims;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports.Desk;

/// <summary>A staff member at the desk: organisation admins see every report, others those of their departments.</summary>
public sealed record DeskUser(Guid Id, bool IsAdmin, IReadOnlyList<Guid> DepartmentIds)
{
    public static bool IsAdminPrincipal(ClaimsPrincipal principal) =>
        principal.IsInRole(Roles.OrganizationAdmin) || principal.IsInRole(Roles.PlatformAdmin);
}

/// <summary>Who works where: the reports a staff member may see and the people a report may be given to.</summary>
public sealed class ReportDesk(AppDb db)
{
    public sealed record Person(Guid Id, string Name);

    public async Task<DeskUser> UserAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var id = Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user."));
        var departments = await db.Set<DepartmentMember>().Where(m => m.UserId == id).Select(m => m.DepartmentId).ToListAsync(ct);
        return new DeskUser(id, DeskUser.IsAdminPrincipal(principal), departments);
    }

    /// <summary>
    /// The reports this person works on. Unrouted reports (no department) only reach admins, whose
    /// queue is where they get a department.
    /// </summary>
    public IQueryable<Report> Visible(DeskUser user)
    {
        var reports = db.Set<Report>();
        if (user.IsAdmin)
            return reports;
        var ids = user.DepartmentIds.ToList();
        return reports.Where(r => r.DepartmentId != null && ids.Contains(r.DepartmentId.Value));
    }

    /// <summary>The members of these departments, by name: whom a report can be assigned to.</summary>
    public async Task<List<Person>> MembersAsync(IEnumerable<Guid> departmentIds, CancellationToken ct)
    {
        var ids = departmentIds.Distinct().ToList();
        var people = await db.Set<DepartmentMember>().Where(m => ids.Contains(m.DepartmentId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new Person(u.Id, u.DisplayName))
            .Distinct().ToListAsync(ct);
        return people.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Every department of the organisation, by name: where a report can be moved to.</summary>
    public async Task<List<Department>> AllDepartmentsAsync(CancellationToken ct) =>
        (await db.Set<Department>().AsNoTracking().ToListAsync(ct)).OrderBy(d => d.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

    /// <summary>Departments this person sees, for filters and lists.</summary>
    public async Task<List<Department>> DepartmentsAsync(DeskUser user, CancellationToken ct)
    {
        var departments = db.Set<Department>().AsNoTracking();
        if (!user.IsAdmin)
        {
            var ids = user.DepartmentIds.ToList();
            departments = departments.Where(d => ids.Contains(d.Id));
        }
        return (await departments.ToListAsync(ct)).OrderBy(d => d.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}

/// <summary>How history entries are called on screen and in mails (statuses: <see cref="ReportTexts"/>); values are localizer keys.</summary>
public static class DeskTexts
{
    public static string Kind(ReportUpdateKind kind) => kind switch
    {
        ReportUpdateKind.StatusChange => Texts.Key("Status"),
        ReportUpdateKind.PublicNote => Texts.Key("Öffentliche Mitteilung"),
        ReportUpdateKind.InternalNote => Texts.Key("Interne Notiz"),
        ReportUpdateKind.Assignment => Texts.Key("Zuweisung"),
        ReportUpdateKind.PhotoReview => Texts.Key("Foto geprüft"),
        ReportUpdateKind.Move => Texts.Key("Abteilung gewechselt"),
        _ => Texts.Key("Rückfrage beantwortet"),
    };
}
