using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Reports.Desk;

/// <summary>
/// The back office's queue: the reports of the departments the staff member belongs to (admins: all),
/// filtered, soonest due first, with one form for bulk actions on the ticked ones.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class QueueModel(AppDb db, ReportDesk desk, WorkOnReport work, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string PublicId, string Category, string? District, ReportStatus Status, string? Assignee,
        DateTime RequestedAt, DateTime? ExpectedAt, bool Overdue);

    public sealed record Option(string Value, string Name);

    public sealed class BulkInput
    {
        public List<Guid> Selected { get; set; } = [];
        public string? Action { get; set; }
        public Guid? AssigneeId { get; set; }
        public Guid? DepartmentId { get; set; }
        public string? Status { get; set; }
        public string? Text { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "status")] public string? StatusFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "kategorie")] public string? CategoryFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "stadtteil")] public string? DistrictFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "abteilung")] public string? DepartmentFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "ueberfaellig")] public bool OverdueOnly { get; set; }
    [BindProperty(SupportsGet = true, Name = "seite")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasMore => PageNumber < PageCount;
    public List<Option> Categories { get; private set; } = [];
    public List<Option> Districts { get; private set; } = [];
    public List<Option> Departments { get; private set; } = [];
    /// <summary>Every department of the organisation: where ticked reports can be moved to.</summary>
    public List<Option> MoveTargets { get; private set; } = [];
    public List<ReportDesk.Person> Assignees { get; private set; } = [];
    public BulkInput Bulk { get; private set; } = new();
    public bool IsAdmin { get; private set; }
    public bool HasNoDepartment { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // As the public lists: a page below 1 is the first; a page that is no number (or a filter that does not bind) is a 400 with the message.
        if (ModelState.TryGetValue("seite", out var page) && page.Errors.Count > 0)
        {
            ModelState.Remove("seite");
            ModelState.AddModelError("seite", text["Die Seitenzahl muss eine ganze Zahl sein."]);
        }
        var valid = ModelState.IsValid;
        await LoadAsync(await desk.UserAsync(User, ct), ct);
        return valid ? Page() : this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostBulkAsync([Bind(Prefix = nameof(Bulk))] BulkInput bulk, CancellationToken ct)
    {
        var actor = await desk.UserAsync(User, ct);
        Bulk = bulk;
        DeskResult? result = null;
        if (bulk.Selected.Count == 0)
            ModelState.AddModelError("", text["Bitte wählen Sie mindestens eine Meldung aus."]);
        else if (bulk.Action == "assign")
            result = await work.AssignAsync(actor, bulk.Selected, bulk.AssigneeId, ct);
        else if (bulk.Action == "move")
        {
            if (bulk.DepartmentId is { } target)
                result = await work.MoveAsync(actor, bulk.Selected, target, ct);
            else
                DeskMessages.NoDepartment(ModelState, "Bulk.DepartmentId", text);
        }
        else if (bulk.Action != "status")
            ModelState.AddModelError("", text["Bitte wählen Sie eine Aktion."]);
        else if (ReportTexts.StatusFromSlug(bulk.Status) is not { } status)
            ModelState.AddModelError("Bulk.Status", text["Bitte wählen Sie einen Status."]);
        else
            result = await work.SetStatusAsync(actor, bulk.Selected, status, bulk.Text, MailSender.Of(HttpContext), ct);

        if (result is { Changed: 0, Refused: [(_, var problem), ..] } && problem is not DeskProblem.Unchanged)
            ModelState.AddModelError(problem switch
            {
                DeskProblem.ReasonRequired or DeskProblem.RecipientRequired or DeskProblem.TextTooLong => "Bulk.Text",
                DeskProblem.UnknownDepartment => "Bulk.DepartmentId",
                _ => "",
            }, DeskMessages.Of(problem, text));
        else if (result is not null)
        {
            var message = (result.Changed == 1 ? text["1 Meldung geändert."] : text["{0} Meldungen geändert.", result.Changed]).Value;
            if (result.Refused.Count > 0)
                message += " " + text["{0} unverändert: {1}", result.Refused.Count,
                    string.Join(", ", result.Refused.Select(r => $"{r.PublicId} ({DeskMessages.Of(r.Problem, text)})".TrimStart()))].Value;
            this.Flash(message);
            return Redirect("/meldungen/bearbeitung" + FilterQuery(PageNumber));
        }
        await LoadAsync(actor, ct);
        return this.PageWithErrors();
    }

    /// <summary>The filters (and page) as a query string, so the queue shows the same selection after a bulk action and on the next page.</summary>
    public QueryString FilterQuery(int? page = null)
    {
        var query = new QueryString();
        foreach (var (name, value) in new[] { ("status", StatusFilter), ("kategorie", CategoryFilter), ("stadtteil", DistrictFilter),
                     ("abteilung", DepartmentFilter), ("ueberfaellig", OverdueOnly ? "true" : null),
                     ("seite", page > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null) })
        {
            if (!string.IsNullOrEmpty(value))
                query = query.Add(name, value);
        }
        return query;
    }

    private async Task LoadAsync(DeskUser actor, CancellationToken ct)
    {
        IsAdmin = actor.IsAdmin;
        PageNumber = Math.Max(1, PageNumber);
        HasNoDepartment = !actor.IsAdmin && actor.DepartmentIds.Count == 0;
        var now = time.GetUtcNow().UtcDateTime;
        var departments = await desk.DepartmentsAsync(actor, ct);
        Departments = departments.Select(d => new Option(d.Slug, d.Name)).ToList();
        var byName = StringComparer.CurrentCultureIgnoreCase;
        Categories = (await db.Set<ReportCategory>().AsNoTracking().Select(c => new Option(c.Code, c.Name)).ToListAsync(ct)).OrderBy(o => o.Name, byName).ToList();
        Districts = (await db.Set<District>().AsNoTracking().Select(d => new Option(d.Slug, d.Name)).ToListAsync(ct)).OrderBy(o => o.Name, byName).ToList();
        Assignees = await desk.MembersAsync(departments.Select(d => d.Id), ct);
        MoveTargets = (actor.IsAdmin ? departments : await desk.AllDepartmentsAsync(ct)).Select(d => new Option(d.Id.ToString(), d.Name)).ToList();

        var reports = desk.Visible(actor).AsNoTracking();
        if (StatusFilter == "alle") { }
        else if (ReportTexts.StatusFromSlug(StatusFilter) is { } status)
            reports = reports.Where(r => r.Status == status);
        else
        {
            StatusFilter = null;
            reports = reports.Where(r => r.Status == ReportStatus.Received || r.Status == ReportStatus.InProgress);
        }
        if (!string.IsNullOrEmpty(CategoryFilter))
        {
            var code = CategoryFilter;
            reports = reports.Where(r => db.Set<ReportCategory>().Any(c => c.Id == r.CategoryId && c.Code == code));
        }
        if (!string.IsNullOrEmpty(DistrictFilter))
        {
            var slug = DistrictFilter;
            reports = reports.Where(r => db.Set<District>().Any(d => d.Id == r.DistrictId && d.Slug == slug));
        }
        if (!string.IsNullOrEmpty(DepartmentFilter))
        {
            var slug = DepartmentFilter;
            reports = reports.Where(r => db.Set<Department>().Any(d => d.Id == r.DepartmentId && d.Slug == slug));
        }
        if (OverdueOnly)
            reports = reports.Where(r => r.ExpectedAt < now && (r.Status == ReportStatus.Received || r.Status == ReportStatus.InProgress));

        Total = await reports.CountAsync(ct);
        // Soonest due first; reports without a due date after them, oldest first; the id keeps the pages apart when times are equal.
        var rows = await reports.OrderBy(r => r.ExpectedAt == null).ThenBy(r => r.ExpectedAt).ThenBy(r => r.RequestedAt).ThenBy(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(r => new
            {
                r.Id, r.PublicId, r.Status, r.RequestedAt, r.ExpectedAt,
                Category = db.Set<ReportCategory>().Where(c => c.Id == r.CategoryId).Select(c => c.Name).FirstOrDefault(),
                District = db.Set<District>().Where(d => d.Id == r.DistrictId).Select(d => d.Name).FirstOrDefault(),
                Assignee = db.Users.Where(u => u.Id == r.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
            }).ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.PublicId, r.Category ?? "", r.District, r.Status, r.Assignee, r.RequestedAt, r.ExpectedAt,
            r.Status.IsOpen() && r.ExpectedAt < now)).ToList();
    }
}
