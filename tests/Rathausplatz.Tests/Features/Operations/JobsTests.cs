using System.Net;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Jobs;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Operations;

/// <summary>/platform/jobs: platform admins see dead jobs without their payloads (which may hold personal data) and retry them.</summary>
public abstract class JobsTests(RathausplatzApp app)
{
    [Fact]
    public async Task ADeadJobIsListedWithoutItsPayloadAndRetryPutsItBack()
    {
        var client = await SignInAsPlatformAdminAsync();
        var secret = Unique.Name("Geheimnis");
        var id = await app.EnqueueAsync(TestJobs.FailPermanently, new { to = secret + "@example.org", text = secret });
        await app.RunJobsUntilIdleAsync();

        using var response = await client.GetAsync("/platform/jobs");
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.ReadPageAsync();
        var retry = page.QuerySelectorAll("form").Single(f => f.QuerySelector($"input[name=id][value='{id}']") is not null);
        using var retried = await new HtmlForm((AngleSharp.Html.Dom.IHtmlFormElement)retry).SubmitAsync(client);
        var job = await app.JobAsync(id);
        var after = await client.GetPageAsync(retried.RedirectTarget());
        await app.RunJobsUntilIdleAsync(); // it fails for good again, leaving nothing due

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(secret, html);
        Assert.Contains(TestJobs.FailureMessage, page.MainText());
        Assert.Equal("/platform/jobs", retried.RedirectTarget());
        Assert.Equal((JobState.Pending, 0), (job.State, job.Attempts));
        Assert.Contains("Der Auftrag wird erneut ausgeführt.", after.MainText());
    }

    [Fact]
    public async Task RetryingAJobThatIsNotDeadChangesNothing()
    {
        var client = await SignInAsPlatformAdminAsync();
        var id = await app.EnqueueAsync(TestJobs.Record);
        await app.RunJobsUntilIdleAsync();
        var page = await client.GetPageAsync("/platform/jobs");

        using var response = await client.PostHandMadeAsync(page, "/platform/jobs?handler=Retry", ("id", id.ToString()));
        var after = await client.GetPageAsync(response.RedirectTarget());

        Assert.Equal(JobState.Succeeded, (await app.JobAsync(id)).State);
        Assert.Contains("Dieser Auftrag ist nicht (mehr) gescheitert; es gab nichts zu tun.", after.MainText());
    }

    private async Task<HttpClient> SignInAsPlatformAdminAsync()
    {
        var home = await app.CreateOrganizationAsync();
        return await app.SignInAsync(await app.CreateUserWithTwoFactorAsync(home, Roles.PlatformAdmin));
    }
}

public sealed class SqliteJobsTests(SqliteApp app) : JobsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresJobsTests(PostgresApp app) : JobsTests(app), IClassFixture<PostgresApp>;
