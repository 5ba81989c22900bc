using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Jobs;
using Rathausplatz.Features.Delivery.Email;

namespace Rathausplatz.Features.Reports.Desk;

/// <summary>Why a desk action was refused for a report; the page turns each into a message.</summary>
public enum DeskProblem
{
    NotFound,
    /// <summary>Rejecting needs a reason the reporter can read.</summary>
    ReasonRequired,
    /// <summary>Forwarding needs the authority it went to.</summary>
    RecipientRequired,
    TextRequired,
    TextTooLong,
    /// <summary>The assignee is not a member of the report's department.</summary>
    NotAMember,
    /// <summary>The report already has that status or assignee: nothing to record.</summary>
    Unchanged,
    /// <summary>The department to move to does not exist (in this organisation).</summary>
    UnknownDepartment,
}

/// <summary>What a (bulk) action did: how many reports changed, and which were refused and why.</summary>
public sealed record DeskResult(int Changed, IReadOnlyList<(string PublicId, DeskProblem Problem)> Refused)
{
    public static DeskResult Refuse(DeskProblem problem) => new(0, [("", problem)]);
}

/// <summary>
/// The back office's changes to reports: status, assignment, notes, photo review. Each is an entry of
/// the report's history with author and time (the audit trail); public ones are mailed to a reporter
/// with a verified address, in the same transaction (the jobs table), once per entry.
/// </summary>
public sealed class WorkOnReport(AppDb db, TimeProvider time, ReportDesk desk, ReportDeskMails mails, JobQueue jobs,
    IOptions<ReportDeskOptions> options)
{
    public async Task<DeskResult> SetStatusAsync(DeskUser actor, IReadOnlyCollection<Guid> reportIds, ReportStatus status, string? text,
        MailSender sender, CancellationToken ct)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (text?.Length > ReportUpdate.MaxText)
            return DeskResult.Refuse(DeskProblem.TextTooLong);
        if (status == ReportStatus.Rejected && text is null)
            return DeskResult.Refuse(DeskProblem.ReasonRequired);
        if (status == ReportStatus.Forwarded && text is null)
            return DeskResult.Refuse(DeskProblem.RecipientRequired);

        var reports = await LoadAsync(actor, reportIds, ct);
        var refused = new List<(string, DeskProblem)>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var report in reports)
        {
            if (report.Status == status)
            {
                refused.Add((report.PublicId, DeskProblem.Unchanged));
                continue;
            }
            var update = Record(report, actor, now, ReportUpdateKind.StatusChange, text, isPublic: true, status);
            report.Status = status;
            report.UpdatedAt = now;
            report.FirstResponseAt ??= now;
            report.ClosedAt = status.IsOpen() ? null : now;
            if (status == ReportStatus.Done && report.ReporterEmailVerified)
                ScheduleFollowUp(report, update, sender, now);
            mails.QueueUpdate(report, update, sender);
        }
        await db.SaveChangesAsync(ct);
        return new(reports.Count - refused.Count, Missing(reportIds, reports, refused));
    }

    public async Task<DeskResult> AssignAsync(DeskUser actor, IReadOnlyCollection<Guid> reportIds, Guid? assigneeId, CancellationToken ct)
    {
        var reports = await LoadAsync(actor, reportIds, ct);
        string? name = null;
        var memberOf = new HashSet<Guid>();
        if (assigneeId is { } userId)
        {
            name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            memberOf = (await db.Set<DepartmentMember>().Where(m => m.UserId == userId).Select(m => m.DepartmentId).ToListAsync(ct)).ToHashSet();
        }
        var refused = new List<(string, DeskProblem)>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var report in reports)
        {
            if (report.AssigneeId == assigneeId)
                refused.Add((report.PublicId, DeskProblem.Unchanged));
            else if (assigneeId is not null && (name is null || report.DepartmentId is not { } department || !memberOf.Contains(department)))
                refused.Add((report.PublicId, DeskProblem.NotAMember));
            else
            {
                report.AssigneeId = assigneeId;
                Record(report, actor, now, ReportUpdateKind.Assignment, name, isPublic: false);
            }
        }
        await db.SaveChangesAsync(ct);
        return new(reports.Count - refused.Count, Missing(reportIds, reports, refused));
    }

    /// <summary>
    /// Moves reports to another department, whose queue then shows them. The assignee stays only if they
    /// are a member there too. Anyone who sees a report may move it (its department's staff, admins);
    /// the receiving department is any of the organisation's.
    /// </summary>
    public async Task<DeskResult> MoveAsync(DeskUser actor, IReadOnlyCollection<Guid> reportIds, Guid departmentId, CancellationToken ct)
    {
        // The query filter keeps other organisations' departments out: they are unknown here.
        var target = await db.Set<Department>().AsNoTracking().Where(d => d.Id == departmentId).Select(d => new { d.Id, d.Name }).SingleOrDefaultAsync(ct);
        if (target is null)
            return DeskResult.Refuse(DeskProblem.UnknownDepartment);
        var reports = await LoadAsync(actor, reportIds, ct);
        var assignees = reports.Where(r => r.AssigneeId is not null).Select(r => r.AssigneeId!.Value).Distinct().ToList();
        var staying = (await db.Set<DepartmentMember>().Where(m => m.DepartmentId == target.Id && assignees.Contains(m.UserId))
            .Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
        var fromIds = reports.Where(r => r.DepartmentId is not null).Select(r => r.DepartmentId!.Value).Distinct().ToList();
        var names = await db.Set<Department>().Where(d => fromIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var refused = new List<(string, DeskProblem)>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var report in reports)
        {
            if (report.DepartmentId == target.Id)
            {
                refused.Add((report.PublicId, DeskProblem.Unchanged));
                continue;
            }
            var from = report.DepartmentId is { } old ? names.GetValueOrDefault(old, "") : "";
            Record(report, actor, now, ReportUpdateKind.Move, from + "\n" + target.Name, isPublic: false);
            report.DepartmentId = target.Id;
            // Open311 shows the department (agency_responsible): a public change.
            report.UpdatedAt = now;
            if (report.AssigneeId is { } assignee && !staying.Contains(assignee))
            {
                report.AssigneeId = null;
                Record(report, actor, now, ReportUpdateKind.Assignment, null, isPublic: false);
            }
        }
        await db.SaveChangesAsync(ct);
        return new(reports.Count - refused.Count, Missing(reportIds, reports, refused));
    }

    /// <summary>A public update (mailed to the reporter) or an internal note (staff only).</summary>
    public async Task<DeskProblem?> AddNoteAsync(DeskUser actor, Guid reportId, string? text, bool isPublic, MailSender sender,
        CancellationToken ct)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
            return DeskProblem.TextRequired;
        if (text.Length > ReportUpdate.MaxText)
            return DeskProblem.TextTooLong;
        if ((await LoadAsync(actor, [reportId], ct)) is not [var report])
            return DeskProblem.NotFound;
        var now = time.GetUtcNow().UtcDateTime;
        var update = Record(report, actor, now, isPublic ? ReportUpdateKind.PublicNote : ReportUpdateKind.InternalNote, text, isPublic);
        if (isPublic)
        {
            report.UpdatedAt = now;
            report.FirstResponseAt ??= now;
            mails.QueueUpdate(report, update, sender);
        }
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Releases a photo for the public page, or withholds it again (faces, number plates).</summary>
    public async Task<DeskProblem?> ReviewPhotoAsync(DeskUser actor, Guid reportId, Guid photoId, bool release, CancellationToken ct)
    {
        if ((await LoadAsync(actor, [reportId], ct)) is not [var report])
            return DeskProblem.NotFound;
        var photo = await db.Set<ReportPhoto>().SingleOrDefaultAsync(p => p.Id == photoId && p.ReportId == reportId, ct);
        if (photo is null)
            return DeskProblem.NotFound;
        if (photo.Released == release)
            return DeskProblem.Unchanged;
        var now = time.GetUtcNow().UtcDateTime;
        photo.ReleasedAt = release ? now : null;
        photo.ReleasedById = release ? actor.Id : null;
        // The text names the photo by its number as the page shows it; the words are chosen when shown.
        Record(report, actor, now, ReportUpdateKind.PhotoReview, $"{photo.Position + 1}:{(release ? "released" : "withheld")}", isPublic: false);
        if (release)
            report.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<List<Report>> LoadAsync(DeskUser actor, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().Take(500).ToList();
        return await desk.Visible(actor).Where(r => wanted.Contains(r.Id)).ToListAsync(ct);
    }

    private ReportUpdate Record(Report report, DeskUser actor, DateTime now, ReportUpdateKind kind, string? text, bool isPublic,
        ReportStatus? status = null)
    {
        var update = new ReportUpdate { ReportId = report.Id, At = now, Kind = kind, Status = status, Text = text, AuthorId = actor.Id, Public = isPublic };
        db.Add(update);
        return update;
    }

    private void ScheduleFollowUp(Report report, ReportUpdate done, MailSender sender, DateTime now)
    {
        var weeks = options.Value.FollowUpWeeks;
        if (weeks <= 0)
            return;
        jobs.Add(AskIfFixed.JobKind, new AskIfFixed.Payload(report.Id, done.Id, sender.OrganizationName, sender.BaseUrl),
            $"report-follow-up:{done.Id:N}", JobPriority.Normal, now.AddDays(7 * weeks));
    }

    private static List<(string, DeskProblem)> Missing(IReadOnlyCollection<Guid> ids, List<Report> found, List<(string, DeskProblem)> refused)
    {
        var seen = found.Select(r => r.Id).ToHashSet();
        refused.AddRange(ids.Distinct().Where(id => !seen.Contains(id)).Select(_ => ("", DeskProblem.NotFound)));
        return refused;
    }
}

/// <summary>Settings of the back office (<c>Reports:Desk</c> in the configuration).</summary>
public sealed class ReportDeskOptions
{
    public const string Section = "Reports:Desk";

    /// <summary>Weeks after "done" until the reporter is asked whether it is really fixed; 0: never asked.</summary>
    public int FollowUpWeeks { get; set; } = 4;
}
