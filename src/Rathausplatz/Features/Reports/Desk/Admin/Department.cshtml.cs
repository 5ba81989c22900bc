using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports.Desk.Admin;

/// <summary>One department: its name and mailbox, and its members (staff of this organisation).</summary>
[Authorize(Policy = Policies.OrganizationAdmin)]
public sealed class DepartmentModel(AppDb db, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record Person(Guid Id, string Name, string? Email);

    public Department Department { get; private set; } = null!;
    public List<Person> Members { get; private set; } = [];
    public List<Person> Candidates { get; private set; } = [];
    public DepartmentInput Input { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        Input = new DepartmentInput { Name = Department.Name, ContactEmail = Department.ContactEmail };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug, [Bind(Prefix = nameof(Input))] DepartmentInput input, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        Input = input;
        var name = input.Name?.Trim();
        if (ModelState.IsValid && await db.Set<Department>().AnyAsync(d => d.Id != Department.Id && d.Name == name, ct))
            ModelState.AddModelError("Input.Name", text["Diesen Namen gibt es schon."]);
        if (!ModelState.IsValid)
            return this.PageWithErrors();
        // The slug stays: it is in bookmarks and filters.
        // Through the change tracker: the name is Open311's agency_responsible, and the save evicts cached answers.
        var department = await db.Set<Department>().SingleAsync(d => d.Id == Department.Id, ct);
        department.Name = name!;
        department.ContactEmail = DepartmentInput.Email(input.ContactEmail);
        await db.SaveChangesAsync(ct);
        return Done(text["Die Abteilung ist gespeichert."]);
    }

    public async Task<IActionResult> OnPostAddMemberAsync(string slug, Guid userId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        if (!Candidates.Any(c => c.Id == userId))
        {
            ModelState.AddModelError("userId", text["Bitte wählen Sie eine Person mit einer Rolle der Mitarbeit."]);
            return this.PageWithErrors();
        }
        db.Add(new DepartmentMember { DepartmentId = Department.Id, UserId = userId, AddedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return Done(text["{0} gehört jetzt zur Abteilung.", Candidates.Single(c => c.Id == userId).Name]);
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(string slug, Guid userId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        await db.Set<DepartmentMember>().Where(m => m.DepartmentId == Department.Id && m.UserId == userId).ExecuteDeleteAsync(ct);
        return Done(text["Die Person gehört nicht mehr zur Abteilung."]);
    }

    private RedirectResult Done(string message)
    {
        this.Flash(message);
        return Redirect($"/admin/abteilungen/{Department.Slug}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var department = await db.Set<Department>().AsNoTracking().SingleOrDefaultAsync(d => d.Slug == slug, ct);
        if (department is null)
            return false;
        Department = department;
        var byName = StringComparer.CurrentCultureIgnoreCase;
        Members = (await db.Set<DepartmentMember>().Where(m => m.DepartmentId == department.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new Person(u.Id, u.DisplayName, u.Email)).ToListAsync(ct))
            .OrderBy(p => p.Name, byName).ToList();
        // Staff of any kind can work reports; citizens and guests cannot.
        var staffRoles = Roles.RequiringTwoFactor;
        var memberIds = Members.Select(m => m.Id).ToList();
        Candidates = (await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .Where(x => staffRoles.Contains(x.Name!) && !memberIds.Contains(x.UserId))
                .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new Person(u.Id, u.DisplayName, u.Email))
                .Distinct().ToListAsync(ct))
            .OrderBy(p => p.Name, byName).ToList();
        return true;
    }
}
