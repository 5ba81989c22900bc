using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Reports.Desk;

/// <summary>
/// One report for the back office: everything the reporter sent (not their address), photos to
/// release or withhold, the whole history, and the forms to assign, set the status and write.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailModel(AppDb db, ReportDesk desk, WorkOnReport work, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record Entry(DateTime At, ReportUpdateKind Kind, ReportStatus? Status, string? Text, string? Author, bool Public);

    public sealed record Photo(Guid Id, int Number, bool Released, Guid? PreviewVariantId);

    public sealed class StatusInput
    {
        public string? Status { get; set; }
        public string? Text { get; set; }
    }

    public sealed class NoteInput
    {
        public string? Text { get; set; }
        public bool Public { get; set; }
    }

    public Report Report { get; private set; } = null!;
    public string Category { get; private set; } = "";
    public string? District { get; private set; }
    public string? Department { get; private set; }
    public string? Assignee { get; private set; }
    public bool Overdue { get; private set; }
    public List<Entry> History { get; private set; } = [];
    public List<Photo> Photos { get; private set; } = [];
    public List<ReportDesk.Person> Assignees { get; private set; } = [];
    public List<Department> Departments { get; private set; } = [];
    public StatusInput StatusChange { get; private set; } = new();
    public NoteInput Note { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string publicId, CancellationToken ct) =>
        await LoadAsync(await desk.UserAsync(User, ct), publicId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(string publicId, Guid? assigneeId, CancellationToken ct)
    {
        var actor = await desk.UserAsync(User, ct);
        if (!await LoadAsync(actor, publicId, ct))
            return NotFound();
        var result = await work.AssignAsync(actor, [Report.Id], assigneeId, ct);
        if (result.Changed == 1)
            return Done(text["Die Zuweisung ist gespeichert."]);
        if (result.Refused is [(_, DeskProblem.Unchanged)])
            return Done(text["Die Meldung ist dieser Person schon zugewiesen."]);
        ModelState.AddModelError("assigneeId", DeskMessages.Of(result.Refused[0].Problem, text));
        return this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostMoveAsync(string publicId, Guid? departmentId, CancellationToken ct)
    {
        var actor = await desk.UserAsync(User, ct);
        if (!await LoadAsync(actor, publicId, ct))
            return NotFound();
        if (departmentId is not { } target)
        {
            DeskMessages.NoDepartment(ModelState, "departmentId", text);
            return this.PageWithErrors();
        }
        var result = await work.MoveAsync(actor, [Report.Id], target, ct);
        if (result.Refused is [(_, DeskProblem.Unchanged)])
            return Done(text["Die Meldung ist schon bei dieser Abteilung."]);
        if (result.Changed != 1)
        {
            ModelState.AddModelError("departmentId", DeskMessages.Of(result.Refused[0].Problem, text));
            return this.PageWithErrors();
        }
        var moved = text["Die Meldung ist an „{0}“ abgegeben.", Departments.First(d => d.Id == target).Name].Value;
        // Staff of the old department no longer see the report: back to their queue.
        if (await desk.Visible(actor).AnyAsync(r => r.Id == Report.Id, ct))
            return Done(moved);
        this.Flash(moved);
        return Redirect("/meldungen/bearbeitung");
    }

    public async Task<IActionResult> OnPostStatusAsync(string publicId, [Bind(Prefix = nameof(StatusChange))] StatusInput input, CancellationToken ct)
    {
        var actor = await desk.UserAsync(User, ct);
        if (!await LoadAsync(actor, publicId, ct))
            return NotFound();
        StatusChange = input;
        if (ReportTexts.StatusFromSlug(input.Status) is not { } status)
        {
            ModelState.AddModelError("StatusChange.Status", text["Bitte wählen Sie einen Status."]);
            return this.PageWithErrors();
        }
        var result = await work.SetStatusAsync(actor, [Report.Id], status, input.Text, MailSender.Of(HttpContext), ct);
        if (result.Changed == 1)
            return Done(text["Der Status ist gespeichert."]);
        if (result.Refused is [(_, DeskProblem.Unchanged)])
            return Done(text["Die Meldung hat diesen Status schon."]);
        ModelState.AddModelError(result.Refused[0].Problem == DeskProblem.NotFound ? "" : "StatusChange.Text", DeskMessages.Of(result.Refused[0].Problem, text));
        return this.PageWithErrors();
    }

    public async Task<IActionResult> OnPostNoteAsync(string publicId, [Bind(Prefix = nameof(Note))] NoteInput input, CancellationToken ct)
    {
        var actor = await desk.UserAsync(User, ct);
        if (!await LoadAsync(actor, publicId, ct))
            return NotFound();
        Note = input;
        if (await work.AddNoteAsync(actor, Report.Id, input.Text, input.Public, MailSender.Of(HttpContext), ct) is { } problem)
        {
            ModelState.AddModelError("Note.Text", DeskMessages.Of(problem, text));
            return this.PageWithErrors();
        }
        return Done(input.Public ? text["Die Mitteilung ist veröffentlicht."] : text["Die Notiz ist gespeichert."]);
    }

    public async Task<IActionResult> OnPostPhotoAsync(string publicId, Guid photoId, bool release, CancellationToken ct)
    {
        var actor = await desk.UserAsync(User, ct);
        if (!await LoadAsync(actor, publicId, ct))
            return NotFound();
        var problem = await work.ReviewPhotoAsync(actor, Report.Id, photoId, release, ct);
        if (problem == DeskProblem.NotFound)
            return NotFound();
        return Done(release ? text["Das Foto ist freigegeben."] : text["Das Foto ist zurückgehalten."]);
    }

    private RedirectResult Done(string message)
    {
        this.Flash(message);
        return Redirect($"/meldungen/bearbeitung/{Report.PublicId}");
    }

    private async Task<bool> LoadAsync(DeskUser actor, string publicId, CancellationToken ct)
    {
        var id = ReportIds.Normalize(publicId);
        var report = await desk.Visible(actor).AsNoTracking().SingleOrDefaultAsync(r => r.PublicId == id, ct);
        if (report is null)
            return false;
        Report = report;
        Category = await db.Set<ReportCategory>().Where(c => c.Id == report.CategoryId).Select(c => c.Name).SingleAsync(ct);
        District = await db.Set<District>().Where(d => d.Id == report.DistrictId).Select(d => d.Name).SingleOrDefaultAsync(ct);
        Department = await db.Set<Department>().Where(d => d.Id == report.DepartmentId).Select(d => d.Name).SingleOrDefaultAsync(ct);
        Assignee = await db.Users.Where(u => u.Id == report.AssigneeId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        Overdue = report.Status.IsOpen() && report.ExpectedAt < time.GetUtcNow().UtcDateTime;
        History = await db.Set<ReportUpdate>().AsNoTracking().Where(u => u.ReportId == report.Id).OrderBy(u => u.At).ThenBy(u => u.Id)
            .Select(u => new Entry(u.At, u.Kind, u.Status, u.Text, db.Users.Where(x => x.Id == u.AuthorId).Select(x => x.DisplayName).FirstOrDefault(), u.Public))
            .ToListAsync(ct);
        var photos = await db.Set<ReportPhoto>().AsNoTracking().Where(p => p.ReportId == report.Id).OrderBy(p => p.Position)
            .Select(p => new { p.Id, p.Position, p.ReleasedAt, Variants = p.Variants.Select(v => new { v.Id, v.Width }).ToList() })
            .ToListAsync(ct);
        // The smallest variant at least 480 px wide (or the largest there is) is enough to judge a photo.
        Photos = photos.Select(p => new Photo(p.Id, p.Position + 1, p.ReleasedAt is not null,
            (p.Variants.Where(v => v.Width >= 480).OrderBy(v => v.Width).FirstOrDefault() ?? p.Variants.OrderByDescending(v => v.Width).FirstOrDefault())?.Id)).ToList();
        Assignees = report.DepartmentId is { } department ? await desk.MembersAsync([department], ct) : [];
        Departments = await desk.AllDepartmentsAsync(ct);
        return true;
    }

    /// <summary>The words of a move entry ("Tiefbauamt\nGrünflächenamt": from, to).</summary>
    public string MoveText(string? stored) => stored?.Split('\n') is [var from, var to]
        ? text["von {0} an {1}", from == "" ? text["keiner Abteilung"] : from, to]
        : stored ?? "";

    /// <summary>The words of a photo review entry ("2:released").</summary>
    public string PhotoReviewText(string? stored) => stored?.Split(':') is [var number, var what]
        ? text[what == "released" ? "Foto {0} freigegeben" : "Foto {0} zurückgehalten", number]
        : stored ?? "";
}
