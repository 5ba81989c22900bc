using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Tasks;
using Rathausplatz.Tests.Support;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// Tasks of a project space: members (a guest too) write, change and move them on the board without script; only
/// members can be assignees; a change over someone else's is refused; the filters "mine" and "overdue".
/// </summary>
public abstract class TaskTests(RathausplatzApp app)
{
    private sealed record Project(TestSpace Space, TestUser Owner, TestUser Member, TestUser Guest);

    private async Task<Project> ProjectAsync()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var space = await app.CreateSpaceAsync(owner, JoinPolicy.InvitationOnly, kind: SpaceKind.Project);
        var member = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var guest = await app.CreateUserAsync(org, Roles.Guest);
        await app.AddToSpaceAsync(space, member, SpaceRole.Member);
        await app.AddToSpaceAsync(space, guest, SpaceRole.Guest);
        return new Project(space, owner, member, guest);
    }

    private static Guid TaskIdOf(HttpResponseMessage created) => Guid.Parse(created.RedirectTarget().Split('/')[^1]);

    [Fact]
    public async Task AGuestWritesATaskAMemberChangesItAndMovesItOnTheBoard()
    {
        var p = await ProjectAsync();
        var guest = await app.CreateSignedInClientAsync(p.Guest);
        var member = await app.CreateSignedInClientAsync(p.Member);

        using var created = await (await guest.GetPageAsync(p.Space.TasksPath + "/neu")).Form("main form")
            .Set("Input.Title", "Setzlinge bestellen").Set("Input.Description", "**40 Stück**")
            .Set("Input.AssigneeId", p.Member.Id.ToString()).Set("Input.DueOn", "2026-12-24").SubmitAsync(guest);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var taskId = TaskIdOf(created);
        var stored = await app.TaskAsync(p.Space, taskId);
        Assert.Equal(("Setzlinge bestellen", p.Member.Id, new DateOnly(2026, 12, 24), TaskState.Open, 0),
            (stored.Title, stored.AssigneeId, stored.DueOn!.Value, stored.State, stored.Version));

        var shown = await member.GetPageAsync(p.Space.TaskPath(taskId));
        Assert.Equal("40 Stück", shown.QuerySelector(".prose strong")!.TextContent);
        using var edited = await shown.Form("main form").Set("Input.Title", "Setzlinge bestellen (Linden)").SubmitAsync(member);
        Assert.Equal(p.Space.TaskPath(taskId), edited.RedirectTarget());
        Assert.Equal(("Setzlinge bestellen (Linden)", 1), ((await app.TaskAsync(p.Space, taskId)).Title, (await app.TaskAsync(p.Space, taskId)).Version));

        // The board without script: the card's own form, the button of the target column.
        var board = await member.GetPageAsync(p.Space.TasksPath + "/board");
        Assert.Contains("Setzlinge bestellen (Linden)", board.QuerySelector("section[aria-labelledby=spalte-Open]")!.TextContent);
        using var moved = await board.Form($"#aufgabe-{taskId} form").SubmitAsync(member, "button[value=InProgress]");
        Assert.Equal($"{p.Space.TasksPath}/board#aufgabe-{taskId}", moved.RedirectTarget());
        board = await member.GetPageAsync(p.Space.TasksPath + "/board");
        Assert.Contains("Die Aufgabe steht jetzt unter „In Arbeit“.", board.MainText());
        Assert.NotNull(board.QuerySelector($"section[aria-labelledby=spalte-InProgress] #aufgabe-{taskId}"));
        Assert.Equal(TaskState.InProgress, (await app.TaskAsync(p.Space, taskId)).State);
    }

    [Fact]
    public async Task TheAssigneeIsToldInTheirInboxOnceAndAgainWhenAssignedAnew()
    {
        var p = await ProjectAsync();
        var guest = await app.CreateSignedInClientAsync(p.Guest);
        var member = await app.CreateSignedInClientAsync(p.Member);

        using var created = await (await guest.GetPageAsync(p.Space.TasksPath + "/neu")).Form("main form")
            .Set("Input.Title", "Bühne aufbauen").Set("Input.AssigneeId", p.Member.Id.ToString()).SubmitAsync(guest);
        var taskId = TaskIdOf(created);
        var notice = Assert.Single(await app.NoticesAsync(p.Member));
        Assert.Equal(($"{p.Guest.DisplayName} hat Ihnen die Aufgabe „Bühne aufbauen“ in „{p.Space.Title}“ zugewiesen", p.Space.TaskPath(taskId)),
            (notice.Title, notice.Link));
        // The inbox leads to the task, and opening it there marks it read.
        var inbox = await member.GetPageAsync("/benachrichtigungen");
        var link = inbox.QuerySelectorAll("main a").Single(a => a.TextContent.Contains("Bühne aufbauen")).GetAttribute("href")!;
        Assert.Equal(p.Space.TaskPath(taskId), (await member.GetAsync(link)).RedirectTarget());
        Assert.NotNull(Assert.Single(await app.NoticesAsync(p.Member)).ReadAt);

        // Changing something else tells nobody again; taking a task oneself tells nobody at all.
        using var edited = await (await member.GetPageAsync(p.Space.TaskPath(taskId))).Form("main form").Set("Input.Title", "Bühne aufbauen (Saal 2)").SubmitAsync(member);
        using var toGuest = await (await member.GetPageAsync(p.Space.TaskPath(taskId))).Form("main form").Set("Input.AssigneeId", p.Guest.Id.ToString()).SubmitAsync(member);
        using var taken = await (await member.GetPageAsync(p.Space.TaskPath(taskId))).Form("main form").Set("Input.AssigneeId", p.Member.Id.ToString()).SubmitAsync(member);
        Assert.Single(await app.NoticesAsync(p.Member));
        Assert.Single(await app.NoticesAsync(p.Guest));
        Assert.Empty(await app.NoticesAsync(p.Owner));

        // Assigned to the member again by someone else: the same notice comes back unread, with the new title.
        using var back = await (await guest.GetPageAsync(p.Space.TaskPath(taskId))).Form("main form").Set("Input.AssigneeId", p.Guest.Id.ToString()).SubmitAsync(guest);
        using var again = await (await guest.GetPageAsync(p.Space.TaskPath(taskId))).Form("main form").Set("Input.AssigneeId", p.Member.Id.ToString()).SubmitAsync(guest);
        notice = Assert.Single(await app.NoticesAsync(p.Member));
        Assert.Null(notice.ReadAt);
        Assert.Contains("„Bühne aufbauen (Saal 2)“", notice.Title);

        // A deleted task takes its notices along.
        using var deleted = await (await guest.GetPageAsync(p.Space.TaskPath(taskId))).Form("form[action*='handler=Delete']").SubmitAsync(guest);
        Assert.Empty(await app.NoticesAsync(p.Member));
    }

    [Fact]
    public async Task ItsCreatorOrAnOwnerDeletesATaskOtherMembersDoNot()
    {
        var p = await ProjectAsync();
        var guest = await app.CreateSignedInClientAsync(p.Guest);
        var member = await app.CreateSignedInClientAsync(p.Member);
        var owner = await app.CreateSignedInClientAsync(p.Owner);
        using var first = await (await guest.GetPageAsync(p.Space.TasksPath + "/neu")).Form("main form").Set("Input.Title", "Plakate drucken").SubmitAsync(guest);
        using var second = await (await member.GetPageAsync(p.Space.TasksPath + "/neu")).Form("main form").Set("Input.Title", "Saal buchen").SubmitAsync(member);
        var (guestsTask, membersTask) = (TaskIdOf(first), TaskIdOf(second));

        var seenByMember = await member.GetPageAsync(p.Space.TaskPath(guestsTask));
        Assert.Null(seenByMember.QuerySelector("form[action*='handler=Delete']"));
        using var refused = await member.PostHandMadeAsync(seenByMember, p.Space.TaskPath(guestsTask) + "?handler=Delete");
        Assert.Equal("/error/403", refused.RedirectTarget().Split('?')[0]);

        Assert.Contains("Plakate drucken", (await owner.GetPageAsync("/intranet/suche?q=plakate")).MainText());
        using var byCreator = await (await guest.GetPageAsync(p.Space.TaskPath(guestsTask))).Form("form[action*='handler=Delete']").SubmitAsync(guest);
        Assert.Equal(p.Space.TasksPath, byCreator.RedirectTarget());
        using var byOwner = await (await owner.GetPageAsync(p.Space.TaskPath(membersTask))).Form("form[action*='handler=Delete']").SubmitAsync(owner);
        Assert.Equal(p.Space.TasksPath, byOwner.RedirectTarget());
        foreach (var gone in new[] { guestsTask, membersTask })
        {
            using var missing = await owner.GetAsync(p.Space.TaskPath(gone));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        Assert.DoesNotContain("Plakate drucken", (await owner.GetPageAsync("/intranet/suche?q=plakate")).MainText());
    }

    [Fact]
    public async Task OnlyMembersOfTheSpaceCanBeAssignees()
    {
        var p = await ProjectAsync();
        var outsider = await app.CreateUserWithTwoFactorAsync(p.Space.Organization, Roles.Staff);
        var client = await app.CreateSignedInClientAsync(p.Owner);

        var form = await client.GetPageAsync(p.Space.TasksPath + "/neu");
        Assert.Equal(["", .. new[] { p.Owner, p.Member, p.Guest }.OrderBy(u => u.DisplayName).Select(u => u.Id.ToString())],
            form.QuerySelectorAll("select[name='Input.AssigneeId'] option").Select(o => o.GetAttribute("value")));
        using var refused = await form.Form("main form").Set("Input.Title", "Heimlich zuweisen").Tamper("Input.AssigneeId", outsider.Id.ToString()).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["Zuständig sein kann nur ein Mitglied dieses Raums."], (await refused.ReadPageAsync()).ErrorMessages());

        using var untitled = await (await client.GetPageAsync(p.Space.TasksPath + "/neu")).Form("main form").Set("Input.Title", " ").SubmitAsync(client);
        Assert.Equal(["Bitte geben Sie einen Titel an."], (await untitled.ReadPageAsync()).ErrorMessages());

        var taskId = await app.AddTaskAsync(p.Space, p.Owner, "Plan abstimmen", p.Member);
        using var edited = await (await client.GetPageAsync(p.Space.TaskPath(taskId))).Form("main form")
            .Tamper("Input.AssigneeId", outsider.Id.ToString()).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, edited.StatusCode);
        Assert.Equal(p.Member.Id, (await app.TaskAsync(p.Space, taskId)).AssigneeId);
    }

    [Fact]
    public async Task AChangeOverSomeoneElsesChangeIsRefusedAndShowsTheNewState()
    {
        var p = await ProjectAsync();
        var taskId = await app.AddTaskAsync(p.Space, p.Owner, "Plan abstimmen");
        var owner = await app.CreateSignedInClientAsync(p.Owner);
        var guest = await app.CreateSignedInClientAsync(p.Guest);
        var ownersForm = await owner.GetPageAsync(p.Space.TaskPath(taskId));
        var guestsForm = await guest.GetPageAsync(p.Space.TaskPath(taskId));
        var guestsBoard = await guest.GetPageAsync(p.Space.TasksPath + "/board");

        using var first = await ownersForm.Form("main form").Set("Input.Title", "Plan mit dem Verein abstimmen").SubmitAsync(owner);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await guestsForm.Form("main form").Set("Input.Title", "Plan verschieben").SubmitAsync(guest);
        using var staleMove = await guestsBoard.Form($"#aufgabe-{taskId} form").SubmitAsync(guest, "button[value=Done]");

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var again = await second.ReadPageAsync();
        Assert.Equal(["Jemand hat die Aufgabe inzwischen geändert. Hier sehen Sie den neuen Stand; bitte tragen Sie Ihre Änderung noch einmal ein."], again.ErrorMessages());
        Assert.Equal("Plan mit dem Verein abstimmen", again.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal("1", again.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.BadRequest, staleMove.StatusCode);
        var stored = await app.TaskAsync(p.Space, taskId);
        Assert.Equal(("Plan mit dem Verein abstimmen", TaskState.Open, 1), (stored.Title, stored.State, stored.Version));

        // Based on the new state, the guest's change goes through.
        using var retried = await again.Form("main form").Set("Input.Title", "Plan verschieben").SubmitAsync(guest);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.Equal("Plan verschieben", (await app.TaskAsync(p.Space, taskId)).Title);
    }

    [Fact]
    public async Task FiltersShowMyTasksAndOverdueOnes()
    {
        var p = await ProjectAsync();
        var today = DateOnly.FromDateTime(TownTime.ToLocal(app.Now)!.Value);
        await app.AddTaskAsync(p.Space, p.Owner, "Meine überfällige", p.Member, today.AddDays(-1));
        await app.AddTaskAsync(p.Space, p.Owner, "Meine erledigte", p.Member, today.AddDays(-3), TaskState.Done);
        await app.AddTaskAsync(p.Space, p.Owner, "Meine heutige", p.Member, today);
        await app.AddTaskAsync(p.Space, p.Owner, "Fremde überfällige", p.Guest, today.AddDays(-2));
        await app.AddTaskAsync(p.Space, p.Owner, "Ohne Termin");
        var client = await app.CreateSignedInClientAsync(p.Member);

        async Task<string[]> TitlesAsync(string query) =>
            (await client.GetPageAsync(p.Space.TasksPath + query)).QuerySelectorAll(".task-card__title").Select(h => h.TextContent.Trim()).ToArray();

        Assert.Equal(["Meine erledigte", "Fremde überfällige", "Meine überfällige", "Meine heutige", "Ohne Termin"], await TitlesAsync(""));
        Assert.Equal(["Meine erledigte", "Meine überfällige", "Meine heutige"], await TitlesAsync("?filter=meine"));
        Assert.Equal(["Fremde überfällige", "Meine überfällige"], await TitlesAsync("?filter=ueberfaellig"));
    }

    [Fact]
    public async Task SpacesOtherThanProjectsHaveNoTasks()
    {
        var org = await app.CreateOrganizationAsync();
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var community = await app.CreateSpaceAsync(owner);
        var client = await app.CreateSignedInClientAsync(owner);

        foreach (var path in new[] { community.TasksPath, community.TasksPath + "/board", community.TasksPath + "/neu" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Empty((await client.GetPageAsync(community.Path)).QuerySelectorAll($"a[href='{community.TasksPath}']"));
    }
}

public sealed class SqliteTaskTests(SqliteApp app) : TaskTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTaskTests(PostgresApp app) : TaskTests(app), IClassFixture<PostgresApp>;
