using System.Net;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Reports;
using Rathausplatz.Features.Reports.Desk;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Reports.Desk;

/// <summary>
/// /meldungen/bearbeitung: the queue per department, the report page with its history, statuses with
/// their rules, notes, photos, bulk actions and the reporter's update mails.
/// </summary>
public abstract class ReportDeskTests(RathausplatzApp app)
{
    // A real 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task StaffSeeTheQueueOfTheirDepartmentsAndAdminsSeeAll()
    {
        var organization = await app.CreateOrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var admin = await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin);
        var (roads, _) = await app.CreateDepartmentAsync(organization, "Tiefbauamt", staff);
        var (parks, _) = await app.CreateDepartmentAsync(organization, "Grünflächenamt");
        var (_, roadCode) = await app.CreateReportCategoryAsync(organization, roads);
        var (_, parkCode) = await app.CreateReportCategoryAsync(organization, parks);
        var (_, mine) = await app.SubmitReportAsync(organization, roadCode);
        var (_, theirs) = await app.SubmitReportAsync(organization, parkCode);

        var staffClient = await app.CreateSignedInClientAsync(staff);
        var queue = await staffClient.GetPageAsync("/meldungen/bearbeitung");
        using var other = await staffClient.GetAsync($"/meldungen/bearbeitung/{theirs}");
        var adminQueue = await (await app.CreateSignedInClientAsync(admin)).GetPageAsync("/meldungen/bearbeitung");

        Assert.Contains(mine, queue.MainText());
        Assert.DoesNotContain(theirs, queue.MainText());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Contains(mine, adminQueue.MainText());
        Assert.Contains(theirs, adminQueue.MainText());
    }

    [Fact]
    public async Task CitizensAnonymousPeopleAndOtherOrganisationsAreKeptOut()
    {
        var organization = await app.CreateOrganizationAsync();
        var elsewhere = await app.CreateOrganizationAsync();
        var (department, _) = await app.CreateDepartmentAsync(organization);
        var (_, code) = await app.CreateReportCategoryAsync(organization, department);
        var (_, publicId) = await app.SubmitReportAsync(organization, code);
        var citizen = await app.CreateSignedInClientAsync(await app.CreateUserAsync(organization, Roles.Citizen));
        var foreignAdmin = await app.CreateUserWithTwoFactorAsync(elsewhere, Roles.OrganizationAdmin);
        var anonymous = app.CreateClient(organization);

        foreach (var path in new[] { "/meldungen/bearbeitung", $"/meldungen/bearbeitung/{publicId}", "/meldungen/bearbeitung/kennzahlen",
                     "/admin/abteilungen", "/admin/meldekategorien" })
        {
            using var asCitizen = await citizen.GetAsync(path);
            using var asAnonymous = await anonymous.GetAsync(path);
            AssertForbidden(asCitizen);
            Assert.Equal(HttpStatusCode.Redirect, asAnonymous.StatusCode);
            Assert.StartsWith("/accounts/signin", asAnonymous.RedirectTarget());
        }
        using var figuresAsCitizen = await citizen.GetAsync("/api/v1/reports/figures");
        using var figuresAnonymous = await anonymous.GetAsync("/api/v1/reports/figures");
        Assert.Equal(HttpStatusCode.Forbidden, figuresAsCitizen.StatusCode);
        Assert.True(figuresAnonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"{figuresAnonymous.StatusCode}");

        // An admin of another town, at their own host: this town's report does not exist there.
        using var fromElsewhere = await (await app.CreateSignedInClientAsync(foreignAdmin)).GetAsync($"/meldungen/bearbeitung/{publicId}");
        Assert.Equal(HttpStatusCode.NotFound, fromElsewhere.StatusCode);
        // Their cookie presented at this town's host does not make them staff here.
        using var foreignCookie = await (await app.CreateSignedInClientAsync(foreignAdmin, at: organization)).GetAsync($"/meldungen/bearbeitung/{publicId}");
        Assert.NotEqual(HttpStatusCode.OK, foreignCookie.StatusCode);
    }

    [Fact]
    public async Task RejectingWithoutAReasonIsRefusedWithAMessage()
    {
        var (organization, staff, reportId, publicId) = await ReportWithStaffAsync();
        var client = await app.CreateSignedInClientAsync(staff);
        var page = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");

        using var refused = await page.FormWithButton("Status setzen").Set("StatusChange.Status", "abgelehnt").SubmitAsync(client);
        var shown = await refused.ReadPageAsync();
        using var forwardRefused = await page.FormWithButton("Status setzen").Set("StatusChange.Status", "weitergeleitet").SubmitAsync(client);
        using var accepted = await page.FormWithButton("Status setzen").Set("StatusChange.Status", "abgelehnt")
            .Set("StatusChange.Text", "Die Straße gehört dem Land; bitte wenden Sie sich an die Straßenmeisterei.").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Bitte geben Sie einen Grund für die Ablehnung an.", shown.ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, forwardRefused.StatusCode);
        Assert.Contains("Bitte geben Sie an, an welche Stelle die Meldung weitergeleitet wurde.", (await forwardRefused.ReadPageAsync()).ErrorMessages());
        Assert.Equal($"/meldungen/bearbeitung/{publicId}", accepted.RedirectTarget());
        var report = await app.FindReportAsync(organization, reportId);
        Assert.Equal(ReportStatus.Rejected, report.Status);
        Assert.Equal(app.Now, report.ClosedAt);
    }

    [Fact]
    public async Task EveryChangeIsInTheHistoryWithAuthorAndTime()
    {
        var (organization, staff, reportId, publicId) = await ReportWithStaffAsync();
        var client = await app.CreateSignedInClientAsync(staff);
        var submittedAt = app.Now;

        app.AdvanceTime(TimeSpan.FromHours(1));
        var page = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");
        using var assigned = await page.FormWithButton("Zuweisen").Set("assigneeId", staff.Id.ToString()).SubmitAsync(client);
        using var note = await page.FormWithButton("Eintrag speichern").Set("Note.Text", "Bauhof fragt nach Material.").SubmitAsync(client);
        var afterInternal = await app.FindReportAsync(organization, reportId);
        app.AdvanceTime(TimeSpan.FromHours(2));
        using var progress = await page.FormWithButton("Status setzen").Set("StatusChange.Status", "in-bearbeitung").SubmitAsync(client);
        var respondedAt = app.Now;
        app.AdvanceTime(TimeSpan.FromHours(5));
        using var done = await page.FormWithButton("Status setzen").Set("StatusChange.Status", "erledigt")
            .Set("StatusChange.Text", "Das Schlagloch ist verfüllt.").SubmitAsync(client);

        var report = await app.FindReportAsync(organization, reportId);
        var history = await app.ReportHistoryAsync(organization, reportId);
        var shown = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");
        Assert.Null(afterInternal.FirstResponseAt);
        Assert.Equal(staff.Id, report.AssigneeId);
        Assert.Equal(respondedAt, report.FirstResponseAt);
        Assert.Equal(app.Now, report.ClosedAt);
        Assert.Equal(ReportStatus.Done, report.Status);
        Assert.Equal([ReportUpdateKind.StatusChange, ReportUpdateKind.Assignment, ReportUpdateKind.InternalNote, ReportUpdateKind.StatusChange, ReportUpdateKind.StatusChange],
            history.Select(h => h.Kind));
        Assert.Equal(submittedAt, history[0].At);
        Assert.All(history.Skip(1), h => Assert.Equal(staff.Id, h.AuthorId));
        Assert.False(history[2].Public);
        Assert.Equal("Das Schlagloch ist verfüllt.", history[4].Text);
        Assert.Contains("Bauhof fragt nach Material.", shown.QuerySelector(".desk-history")!.TextContent);
        Assert.Contains(staff.DisplayName, shown.QuerySelector(".desk-history")!.TextContent);
    }

    [Fact]
    public async Task TheReporterGetsAMailForEveryPublicUpdateWithTheLinkToTheReport()
    {
        var email = $"{Unique.Name("melder")}@example.org";
        var englishEmail = $"{Unique.Name("reporter")}@example.org";
        var (organization, staff, _, publicId) = await ReportWithStaffAsync(email);
        var (_, code) = await CategoryOfAsync(organization, staff);
        var (_, englishId) = await app.SubmitReportAsync(organization, code, englishEmail, language: "en");
        var client = await app.CreateSignedInClientAsync(staff);
        var page = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");

        using var internalNote = await page.FormWithButton("Eintrag speichern").Set("Note.Text", "Nur für uns.").SubmitAsync(client);
        using var publicNote = await page.FormWithButton("Eintrag speichern").Set("Note.Text", "Wir sehen uns das morgen an.")
            .Set("Note.Public", "true").SubmitAsync(client);
        using var status = await page.FormWithButton("Status setzen").Set("StatusChange.Status", "in-bearbeitung").SubmitAsync(client);
        var english = await client.GetPageAsync($"/meldungen/bearbeitung/{englishId}");
        using var englishStatus = await english.FormWithButton("Status setzen").Set("StatusChange.Status", "weitergeleitet")
            .Set("StatusChange.Text", "Landesstraßenbauamt").SubmitAsync(client);
        await app.RunJobsUntilIdleAsync();

        var mails = app.Mail.MessagesTo(email);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Contains($"https://{organization.Host}/meldungen/{publicId}", m.TextBody!));
        Assert.Contains(mails, m => m.TextBody!.Contains("Wir sehen uns das morgen an."));
        Assert.Contains(mails, m => m.TextBody!.Contains("Neuer Status: In Bearbeitung"));
        Assert.DoesNotContain(mails, m => m.TextBody!.Contains("Nur für uns."));
        var englishMail = Assert.Single(app.Mail.MessagesTo(englishEmail));
        Assert.StartsWith($"News about your report {englishId}", englishMail.Subject);
        Assert.Contains("New status: Forwarded", englishMail.TextBody!);
        Assert.Contains("Landesstraßenbauamt", englishMail.TextBody!);
    }

    [Fact]
    public async Task ABulkActionAssignsAndSetsTheStatusOfTheTickedReports()
    {
        var email = $"{Unique.Name("melder")}@example.org";
        var (organization, staff, first, firstId) = await ReportWithStaffAsync(email);
        var (_, code) = await CategoryOfAsync(organization, staff);
        var (second, secondId) = await app.SubmitReportAsync(organization, code);
        var (untouched, _) = await app.SubmitReportAsync(organization, code);
        var client = await app.CreateSignedInClientAsync(staff);

        var queue = await client.GetPageAsync("/meldungen/bearbeitung");
        using var assigned = await queue.FormWithButton("Zuweisen").Check("Bulk.Selected", first.ToString(), second.ToString())
            .Set("Bulk.AssigneeId", staff.Id.ToString()).SubmitAsync(client, "button[value=assign]");
        queue = await client.GetPageAsync("/meldungen/bearbeitung");
        using var refused = await queue.FormWithButton("Zuweisen").Check("Bulk.Selected", first.ToString(), second.ToString())
            .Set("Bulk.Status", "abgelehnt").SubmitAsync(client, "button[value=status]");
        using var progressed = await queue.FormWithButton("Zuweisen").Check("Bulk.Selected", first.ToString(), second.ToString())
            .Set("Bulk.Status", "in-bearbeitung").Set("Bulk.Text", "Wir kümmern uns.").SubmitAsync(client, "button[value=status]");
        await app.RunJobsUntilIdleAsync();
        var after = await client.GetPageAsync("/meldungen/bearbeitung?status=in-bearbeitung");

        Assert.Equal("/meldungen/bearbeitung", assigned.RedirectTarget());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Bitte geben Sie einen Grund für die Ablehnung an.", (await refused.ReadPageAsync()).ErrorMessages());
        Assert.Equal("/meldungen/bearbeitung", progressed.RedirectTarget());
        foreach (var id in new[] { first, second })
        {
            var report = await app.FindReportAsync(organization, id);
            Assert.Equal(staff.Id, report.AssigneeId);
            Assert.Equal(ReportStatus.InProgress, report.Status);
        }
        var other = await app.FindReportAsync(organization, untouched);
        Assert.Null(other.AssigneeId);
        Assert.Equal(ReportStatus.Received, other.Status);
        Assert.Contains(firstId, after.MainText());
        Assert.Contains(secondId, after.MainText());
        var mail = Assert.Single(app.Mail.MessagesTo(email));
        Assert.Contains("Wir kümmern uns.", mail.TextBody!);
    }

    [Fact]
    public async Task OnlyMembersOfTheDepartmentCanBeAssigned()
    {
        var (organization, staff, reportId, publicId) = await ReportWithStaffAsync();
        var outsider = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        await app.CreateDepartmentAsync(organization, null, outsider);
        var client = await app.CreateSignedInClientAsync(staff);
        var page = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");

        using var refused = await page.FormWithButton("Zuweisen").Tamper("assigneeId", outsider.Id.ToString()).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Diese Person gehört nicht zur zuständigen Abteilung.", (await refused.ReadPageAsync()).ErrorMessages());
        Assert.Null((await app.FindReportAsync(organization, reportId)).AssigneeId);
    }

    [Fact]
    public async Task StaffReleaseAndWithholdPhotos()
    {
        var organization = await app.CreateOrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var (department, _) = await app.CreateDepartmentAsync(organization, null, staff);
        var (_, code) = await app.CreateReportCategoryAsync(organization, department);
        var (reportId, publicId) = await app.SubmitReportAsync(organization, code, photos: [Png]);
        var client = await app.CreateSignedInClientAsync(staff);

        var page = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");
        var image = page.QuerySelector("img.desk-photo")!.GetAttribute("src")!;
        using var photo = await client.GetAsync(image);
        using var photoForCitizen = await (await app.CreateSignedInClientAsync(await app.CreateUserAsync(organization, Roles.Citizen))).GetAsync(image);
        using var released = await page.FormWithButton("Freigeben: Foto 1").SubmitAsync(client);
        await using (var scope = app.InOrganization(organization))
            Assert.NotNull((await scope.Db.Set<ReportPhoto>().SingleAsync(p => p.ReportId == reportId)).ReleasedAt);
        page = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");
        using var withheld = await page.FormWithButton("Zurückhalten: Foto 1").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.StartsWith("image/", photo.Content.Headers.ContentType!.MediaType);
        AssertForbidden(photoForCitizen);
        await using (var scope = app.InOrganization(organization))
            Assert.Null((await scope.Db.Set<ReportPhoto>().SingleAsync(p => p.ReportId == reportId)).ReleasedAt);
        var history = await app.ReportHistoryAsync(organization, reportId);
        Assert.Equal(2, history.Count(h => h.Kind == ReportUpdateKind.PhotoReview && h.AuthorId == staff.Id));
    }

    [Fact]
    public async Task TheQueueFiltersOverdueReportsAndShowsTheSoonestDueFirst()
    {
        var organization = await app.CreateOrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var (department, _) = await app.CreateDepartmentAsync(organization, null, staff);
        var (_, slow) = await app.CreateReportCategoryAsync(organization, department, dueDays: 30);
        var (_, fast) = await app.CreateReportCategoryAsync(organization, department, dueDays: 2);
        var (_, later) = await app.SubmitReportAsync(organization, slow);
        var (_, sooner) = await app.SubmitReportAsync(organization, fast);
        app.AdvanceTime(TimeSpan.FromDays(3));
        var client = await app.CreateSignedInClientAsync(staff);

        var all = await client.GetPageAsync("/meldungen/bearbeitung");
        var overdue = await client.GetPageAsync("/meldungen/bearbeitung?ueberfaellig=true");

        var order = all.QuerySelectorAll("tbody th a").Select(a => a.TextContent).ToList();
        Assert.Equal([sooner, later], order);
        Assert.Contains(sooner, overdue.MainText());
        Assert.DoesNotContain(later, overdue.MainText());
        Assert.Contains("überfällig", overdue.QuerySelector("tbody")!.TextContent);
    }

    [Fact]
    public async Task StaffMoveAReportToAnotherDepartmentWhoseQueueThenShowsIt()
    {
        var (organization, staff, reportId, publicId) = await ReportWithStaffAsync();
        var gardener = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var (parks, _) = await app.CreateDepartmentAsync(organization, "Grünflächenamt", gardener);
        var client = await app.CreateSignedInClientAsync(staff);
        var page = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");
        using (await page.FormWithButton("Zuweisen").Set("assigneeId", staff.Id.ToString()).SubmitAsync(client)) { }
        app.AdvanceTime(TimeSpan.FromMinutes(5));

        page = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");
        using var moved = await page.FormWithButton("Abgeben").Set("departmentId", parks.ToString()).SubmitAsync(client);
        var oldQueue = await client.GetPageAsync("/meldungen/bearbeitung");
        var gardenerClient = await app.CreateSignedInClientAsync(gardener);
        var newQueue = await gardenerClient.GetPageAsync("/meldungen/bearbeitung");
        var detail = await gardenerClient.GetPageAsync($"/meldungen/bearbeitung/{publicId}");

        // The old department no longer sees it: back to its queue, with the message.
        Assert.Equal("/meldungen/bearbeitung", moved.RedirectTarget());
        Assert.Contains("Die Meldung ist an „Grünflächenamt“ abgegeben.", oldQueue.MainText());
        Assert.DoesNotContain(publicId, oldQueue.QuerySelector("main table")?.TextContent ?? "");
        Assert.Contains(publicId, newQueue.MainText());
        var report = await app.FindReportAsync(organization, reportId);
        Assert.Equal(parks, report.DepartmentId);
        Assert.Null(report.AssigneeId);
        Assert.Equal(app.Now, report.UpdatedAt);
        var history = await app.ReportHistoryAsync(organization, reportId);
        var move = Assert.Single(history, h => h.Kind == ReportUpdateKind.Move);
        Assert.Equal(staff.Id, move.AuthorId);
        Assert.False(move.Public);
        Assert.Equal("Tiefbauamt\nGrünflächenamt", move.Text);
        // The assignee is no member of the new department: the assignment is taken back, on the record.
        Assert.Contains(history, h => h.Kind == ReportUpdateKind.Assignment && h.Text is null && h.AuthorId == staff.Id && h.At == app.Now);
        Assert.Contains("von Tiefbauamt an Grünflächenamt", detail.QuerySelector(".desk-history")!.TextContent);
        Assert.Contains("Grünflächenamt", detail.MainText());
        // The reporter's page shows nothing of it.
        Assert.DoesNotContain("Tiefbauamt", (await app.CreateClient(organization).GetPageAsync($"/meldungen/{publicId}")).MainText());
    }

    [Fact]
    public async Task ABulkMoveKeepsAnAssigneeWhoIsAMemberThereToo()
    {
        var organization = await app.CreateOrganizationAsync();
        var admin = await app.CreateUserWithTwoFactorAsync(organization, Roles.OrganizationAdmin);
        var both = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var (roads, _) = await app.CreateDepartmentAsync(organization, "Tiefbauamt", both);
        var (parks, parksSlug) = await app.CreateDepartmentAsync(organization, "Grünflächenamt", both);
        var (_, code) = await app.CreateReportCategoryAsync(organization, roads);
        var (first, _) = await app.SubmitReportAsync(organization, code);
        var (second, _) = await app.SubmitReportAsync(organization, code);
        var (untouched, _) = await app.SubmitReportAsync(organization, code);
        var client = await app.CreateSignedInClientAsync(admin);
        var queue = await client.GetPageAsync("/meldungen/bearbeitung");
        using (await queue.FormWithButton("Zuweisen").Check("Bulk.Selected", first.ToString()).Set("Bulk.AssigneeId", both.Id.ToString())
            .SubmitAsync(client, "button[value=assign]")) { }

        queue = await client.GetPageAsync("/meldungen/bearbeitung");
        using var moved = await queue.FormWithButton("Abgeben").Check("Bulk.Selected", first.ToString(), second.ToString())
            .Set("Bulk.DepartmentId", parks.ToString()).SubmitAsync(client, "button[value=move]");
        var parksQueue = await client.GetPageAsync($"/meldungen/bearbeitung?abteilung={parksSlug}");

        Assert.Equal("/meldungen/bearbeitung", moved.RedirectTarget());
        var kept = await app.FindReportAsync(organization, first);
        Assert.Equal(parks, kept.DepartmentId);
        Assert.Equal(both.Id, kept.AssigneeId);
        Assert.Equal(parks, (await app.FindReportAsync(organization, second)).DepartmentId);
        Assert.Equal(roads, (await app.FindReportAsync(organization, untouched)).DepartmentId);
        Assert.DoesNotContain(await app.ReportHistoryAsync(organization, first), h => h.Kind == ReportUpdateKind.Assignment && h.Text is null);
        Assert.Equal(2, parksQueue.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task AMoveToAnUnknownOrForeignDepartmentIsRefusedInTheUsersLanguage()
    {
        var (organization, staff, reportId, publicId) = await ReportWithStaffAsync();
        var elsewhere = await app.CreateOrganizationAsync();
        var (foreign, _) = await app.CreateDepartmentAsync(elsewhere, "Fremdes Amt");
        var client = await app.CreateSignedInClientAsync(staff);
        var page = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");
        var queue = await client.GetPageAsync("/meldungen/bearbeitung");

        using var unknown = await page.FormWithButton("Abgeben").Tamper("departmentId", Guid.CreateVersion7().ToString()).SubmitAsync(client);
        using var foreignOne = await page.FormWithButton("Abgeben").Tamper("departmentId", foreign.ToString()).SubmitAsync(client);
        using var garbage = await page.FormWithButton("Abgeben").Tamper("departmentId", "tiefbau").SubmitAsync(client);
        using var bulk = await queue.FormWithButton("Abgeben").Check("Bulk.Selected", reportId.ToString()).Tamper("Bulk.DepartmentId", foreign.ToString())
            .SubmitAsync(client, "button[value=move]");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        page = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");
        using var english = await page.FormWithButton("Hand over").Tamper("departmentId", foreign.ToString()).SubmitAsync(client);

        foreach (var response in new[] { unknown, foreignOne, bulk })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Diese Abteilung gibt es nicht.", (await response.ReadPageAsync()).ErrorMessages());
        }
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("Diese Abteilung gibt es nicht.", (await garbage.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Contains("This department does not exist.", (await english.ReadPageAsync()).ErrorMessages());
        var report = await app.FindReportAsync(organization, reportId);
        Assert.NotEqual(foreign, report.DepartmentId);
        Assert.DoesNotContain(await app.ReportHistoryAsync(organization, reportId), h => h.Kind == ReportUpdateKind.Move);
    }

    [Fact]
    public async Task OnlyStaffWhoSeeAReportMayMoveItAndOnlyWithTheFormsToken()
    {
        var (organization, staff, reportId, publicId) = await ReportWithStaffAsync();
        var outsider = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var (parks, _) = await app.CreateDepartmentAsync(organization, "Grünflächenamt", outsider);
        var (_, parksCode) = await app.CreateReportCategoryAsync(organization, parks);
        var (ownId, ownPublicId) = await app.SubmitReportAsync(organization, parksCode);
        var outsiderClient = await app.CreateSignedInClientAsync(outsider);
        var ownPage = await outsiderClient.GetPageAsync($"/meldungen/bearbeitung/{ownPublicId}");
        var ownQueue = await outsiderClient.GetPageAsync("/meldungen/bearbeitung");

        // Someone else's report, through the page with a valid token of their own: it does not exist for them.
        using var detail = await outsiderClient.PostHandMadeAsync(ownPage, $"/meldungen/bearbeitung/{publicId}?handler=Move",
            ("departmentId", parks.ToString()));
        using var bulk = await ownQueue.FormWithButton("Abgeben").Tamper("Bulk.Selected", reportId.ToString())
            .Set("Bulk.DepartmentId", parks.ToString()).SubmitAsync(outsiderClient, "button[value=move]");
        var staffClient = await app.CreateSignedInClientAsync(staff);
        var page = await staffClient.GetPageAsync($"/meldungen/bearbeitung/{publicId}");
        using var forged = await page.FormWithButton("Abgeben").Set("departmentId", parks.ToString())
            .Tamper("__RequestVerificationToken", "forged").SubmitAsync(staffClient);

        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bulk.StatusCode);
        Assert.Contains("Meldung nicht gefunden.", (await bulk.ReadPageAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotEqual(parks, (await app.FindReportAsync(organization, reportId)).DepartmentId);
        Assert.Equal(parks, (await app.FindReportAsync(organization, ownId)).DepartmentId);
    }

    [Fact]
    public async Task TheQueueIsPagedAndThePageLinksKeepTheFilters()
    {
        var organization = await app.CreateOrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var (department, _) = await app.CreateDepartmentAsync(organization, null, staff);
        var (_, code) = await app.CreateReportCategoryAsync(organization, department);
        var (_, other) = await app.CreateReportCategoryAsync(organization, department);
        var expected = new List<string>();
        for (var i = 0; i < QueueModel.PageSize + 3; i++)
            expected.Add((await app.SubmitReportAsync(organization, code)).PublicId);
        var (_, filteredOut) = await app.SubmitReportAsync(organization, other);
        var client = await app.CreateSignedInClientAsync(staff);

        var first = await client.GetPageAsync($"/meldungen/bearbeitung?kategorie={code}");
        var next = first.QuerySelector("nav.pager a")!;
        var second = await client.GetPageAsync(next.GetAttribute("href")!);
        var back = second.QuerySelectorAll("nav.pager a").Single();
        var belowOne = await client.GetPageAsync($"/meldungen/bearbeitung?kategorie={code}&seite=0");
        var beyond = await client.GetPageAsync($"/meldungen/bearbeitung?kategorie={code}&seite=9");
        using var notANumber = await client.GetAsync($"/meldungen/bearbeitung?kategorie={code}&seite=zwei");

        static List<string> Ids(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("tbody th a").Select(a => a.TextContent).ToList();
        Assert.Equal(QueueModel.PageSize, Ids(first).Count);
        Assert.Equal("Nächste Seite", next.TextContent);
        Assert.Equal($"/meldungen/bearbeitung?kategorie={code}&seite=2", next.GetAttribute("href"));
        Assert.Equal(3, Ids(second).Count);
        Assert.Equal(expected.Order(), Ids(first).Concat(Ids(second)).Order());
        Assert.DoesNotContain(filteredOut, Ids(first).Concat(Ids(second)));
        Assert.Equal("Vorherige Seite", back.TextContent);
        Assert.Equal($"/meldungen/bearbeitung?kategorie={code}", back.GetAttribute("href"));
        Assert.Contains($"{QueueModel.PageSize + 3} Meldungen – Seite 1 von 2", string.Join(' ', first.QuerySelector("main [role=status]")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(Ids(first), Ids(belowOne));
        Assert.Empty(Ids(beyond));
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Contains("Die Seitenzahl muss eine ganze Zahl sein.", (await notANumber.ReadPageAsync()).ErrorMessages());
        // A bulk action on the second page comes back to it.
        using var assigned = await second.FormWithButton("Zuweisen").Check("Bulk.Selected", second.QuerySelector("tbody input[type=checkbox]")!.GetAttribute("value")!)
            .Set("Bulk.AssigneeId", staff.Id.ToString()).SubmitAsync(client, "button[value=assign]");
        Assert.Equal($"/meldungen/bearbeitung?kategorie={code}&seite=2", assigned.RedirectTarget());
    }

    [Fact]
    public async Task TheQueueAndTheReportPageNeedNoQueryPerRow()
    {
        var organization = await app.CreateOrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var (department, _) = await app.CreateDepartmentAsync(organization, null, staff);
        var (_, few) = await app.CreateReportCategoryAsync(organization, department);
        var (_, many) = await app.CreateReportCategoryAsync(organization, department);
        await app.AddDistrictAsync(organization, "Altstadt");
        var (_, lonely) = await app.SubmitReportAsync(organization, few);
        var busy = new List<Guid>();
        for (var i = 0; i < 8; i++)
            busy.Add((await app.SubmitReportAsync(organization, many)).Id);
        var client = await app.CreateSignedInClientAsync(staff);
        var queue = await client.GetPageAsync($"/meldungen/bearbeitung?kategorie={many}");
        using (await queue.FormWithButton("Zuweisen").Check("Bulk.Selected", [.. busy.Select(b => b.ToString())]).Set("Bulk.AssigneeId", staff.Id.ToString())
            .SubmitAsync(client, "button[value=assign]")) { }
        var busyId = (await app.FindReportAsync(organization, busy[0])).PublicId;
        var page = await client.GetPageAsync($"/meldungen/bearbeitung/{busyId}");
        for (var i = 0; i < 5; i++)
            using (await page.FormWithButton("Eintrag speichern").Set("Note.Text", $"Notiz {i}").SubmitAsync(client)) { }

        var queries = new Dictionary<string, int>();
        foreach (var path in new[] { $"/meldungen/bearbeitung?kategorie={few}", $"/meldungen/bearbeitung?kategorie={many}",
                     $"/meldungen/bearbeitung/{lonely}", $"/meldungen/bearbeitung/{busyId}" })
        {
            using var recording = app.Logs.Record();
            await client.GetPageAsync(path);
            queries[path] = recording.Entries.Count(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command"
                && e.Message.StartsWith("Executed DbCommand", StringComparison.Ordinal) && e.Message.Contains("RequestPath:" + path.Split('?')[0] + " "));
        }

        Assert.True(queries.Values.All(q => q > 0), string.Join(", ", queries));
        Assert.Equal(queries[$"/meldungen/bearbeitung?kategorie={few}"], queries[$"/meldungen/bearbeitung?kategorie={many}"]);
        Assert.Equal(queries[$"/meldungen/bearbeitung/{lonely}"], queries[$"/meldungen/bearbeitung/{busyId}"]);
    }

    /// <summary>Pages send a signed-in person without the role to the 403 page; endpoints answer 403.</summary>
    private static void AssertForbidden(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/error/403") == true,
            $"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode} {response.Headers.Location}");

    private async Task<(TestOrganization Organization, TestUser Staff, Guid ReportId, string PublicId)> ReportWithStaffAsync(string? email = null)
    {
        var organization = await app.CreateOrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var (department, _) = await app.CreateDepartmentAsync(organization, "Tiefbauamt", staff);
        var (_, code) = await app.CreateReportCategoryAsync(organization, department);
        var (id, publicId) = await app.SubmitReportAsync(organization, code, email);
        return (organization, staff, id, publicId);
    }

    private async Task<(Guid Id, string Code)> CategoryOfAsync(TestOrganization organization, TestUser member)
    {
        await using var scope = app.InOrganization(organization);
        var department = await scope.Db.Set<Rathausplatz.Features.Organizations.DepartmentMember>().Where(m => m.UserId == member.Id).Select(m => m.DepartmentId).FirstAsync();
        return await scope.Db.Set<ReportCategory>().Where(c => c.DepartmentId == department).Select(c => new ValueTuple<Guid, string>(c.Id, c.Code)).FirstAsync();
    }
}

public sealed class SqliteReportDeskTests(SqliteApp app) : ReportDeskTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReportDeskTests(PostgresApp app) : ReportDeskTests(app), IClassFixture<PostgresApp>;
