using System.Net;
using System.Text.RegularExpressions;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Reports;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Reports.Desk;

/// <summary>
/// Four weeks after "done" the reporter is asked "Ist der Mangel wirklich behoben?": "no" reopens the
/// report, "yes" closes the question; each link works once.
/// </summary>
public abstract partial class FollowUpTests(RathausplatzApp app)
{
    [Fact]
    public async Task ANoReopensTheReportAndPutsItBackInTheQueue()
    {
        var (organization, staff, reportId, publicId, email) = await DoneReportAsync();

        app.AdvanceTime(TimeSpan.FromDays(27));
        await app.RunJobsUntilIdleAsync();
        var tooEarly = app.Mail.MessagesTo(email).Count(m => m.Subject!.StartsWith("Ist der Mangel wirklich behoben?"));
        app.AdvanceTime(TimeSpan.FromDays(1));
        await app.RunJobsUntilIdleAsync();
        var question = Assert.Single(app.Mail.MessagesTo(email), m => m.Subject!.StartsWith("Ist der Mangel wirklich behoben?"));
        var (yes, no) = Links(question.TextBody!);
        var reporter = app.CreateClient(organization);
        var page = await reporter.GetPageAsync(no.PathAndQuery);
        var stillDone = await app.FindReportAsync(organization, reportId);
        using var answered = await page.FormWithButton("Nein, nicht behoben").SubmitAsync(reporter);
        var thanks = await answered.ReadPageAsync();
        using var again = await page.FormWithButton("Nein, nicht behoben").SubmitAsync(reporter);
        var yesAfterwards = await reporter.GetPageAsync(yes.PathAndQuery);

        Assert.Equal(0, tooEarly);
        Assert.Equal(ReportStatus.Done, stillDone.Status);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Wir bearbeiten die Meldung erneut", thanks.MainText());
        Assert.Contains("schon beantwortet", (await again.ReadPageAsync()).MainText());
        Assert.Contains("schon beantwortet", yesAfterwards.MainText());
        var report = await app.FindReportAsync(organization, reportId);
        Assert.Equal(ReportStatus.InProgress, report.Status);
        Assert.Null(report.ClosedAt);
        var history = await app.ReportHistoryAsync(organization, reportId);
        Assert.Equal(ReportUpdateKind.FollowUpAnswer, history[^2].Kind);
        Assert.Equal((ReportUpdateKind.StatusChange, ReportStatus.InProgress), (history[^1].Kind, history[^1].Status));
        var queue = await (await app.CreateSignedInClientAsync(staff)).GetPageAsync("/meldungen/bearbeitung");
        Assert.Contains(publicId, queue.MainText());
    }

    [Fact]
    public async Task AYesClosesTheQuestionAndLeavesTheReportDone()
    {
        var (organization, _, reportId, _, email) = await DoneReportAsync();
        app.AdvanceTime(TimeSpan.FromDays(28));
        await app.RunJobsUntilIdleAsync();
        var question = Assert.Single(app.Mail.MessagesTo(email), m => m.Subject!.StartsWith("Ist der Mangel wirklich behoben?"));
        var (yes, _) = Links(question.TextBody!);
        var reporter = app.CreateClient(organization);

        var page = await reporter.GetPageAsync(yes.PathAndQuery);
        using var answered = await page.FormWithButton("Ja, behoben").SubmitAsync(reporter);
        using var forged = await reporter.GetAsync("/meldungen/rueckfrage/" + new string('x', 80));

        Assert.Contains("Schön, dass der Mangel behoben ist.", (await answered.ReadPageAsync()).MainText());
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var report = await app.FindReportAsync(organization, reportId);
        Assert.Equal(ReportStatus.Done, report.Status);
        Assert.NotNull(report.FollowUpAnsweredAt);
    }

    [Fact]
    public async Task AReportReopenedBeforeTheQuestionIsNotAsked()
    {
        var (organization, staff, _, publicId, email) = await DoneReportAsync();
        var client = await app.CreateSignedInClientAsync(staff);
        var page = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");
        using var reopened = await page.FormWithButton("Status setzen").Set("StatusChange.Status", "in-bearbeitung").SubmitAsync(client);

        app.AdvanceTime(TimeSpan.FromDays(29));
        await app.RunJobsUntilIdleAsync();

        Assert.DoesNotContain(app.Mail.MessagesTo(email), m => m.Subject!.StartsWith("Ist der Mangel wirklich behoben?"));
    }

    private async Task<(TestOrganization, TestUser, Guid, string, string)> DoneReportAsync()
    {
        var email = $"{Unique.Name("melder")}@example.org";
        var organization = await app.CreateOrganizationAsync();
        var staff = await app.CreateUserWithTwoFactorAsync(organization, Roles.Staff);
        var (department, _) = await app.CreateDepartmentAsync(organization, null, staff);
        var (_, code) = await app.CreateReportCategoryAsync(organization, department);
        var (id, publicId) = await app.SubmitReportAsync(organization, code, email);
        var client = await app.CreateSignedInClientAsync(staff);
        var page = await client.GetPageAsync($"/meldungen/bearbeitung/{publicId}");
        using var done = await page.FormWithButton("Status setzen").Set("StatusChange.Status", "erledigt").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await app.RunJobsUntilIdleAsync();
        return (organization, staff, id, publicId, email);
    }

    private static (Uri Yes, Uri No) Links(string body)
    {
        var links = LinkPattern().Matches(body).Select(m => new Uri(m.Value)).Where(u => u.AbsolutePath.StartsWith("/meldungen/rueckfrage/")).ToList();
        Assert.Equal(2, links.Count);
        return (links[0], links[1]);
    }

    [GeneratedRegex(@"https://\S+")]
    private static partial Regex LinkPattern();
}

public sealed class SqliteFollowUpTests(SqliteApp app) : FollowUpTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFollowUpTests(PostgresApp app) : FollowUpTests(app), IClassFixture<PostgresApp>;
