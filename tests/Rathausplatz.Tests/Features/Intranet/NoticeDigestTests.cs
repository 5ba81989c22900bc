using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Delivery.NoticeDigest;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;
using Rathausplatz.Jobs;
using Rathausplatz.Tests.Support;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Intranet;

/// <summary>
/// "Hinweise per E-Mail": unread in-app notices (here: mentions in the stream) reach the person's mailbox once, in one
/// mail at the digest hour (07:00 in the town's time by default), daily unless they chose weekly or never; read
/// notices and notices already mailed stay out.
/// </summary>
public abstract class NoticeDigestTests(RathausplatzApp app)
{
    private const string DigestSubject = "Ihre Hinweise aus dem Intranet";

    /// <summary>The next 07:00 in Berlin after the app's clock, worked out here independently of the app.</summary>
    private DateTime NextSevenOClock()
    {
        var local = TownTime.ToLocal(app.Now)!.Value;
        var at = local.Date.AddHours(7);
        if (at <= local)
            at = at.AddDays(1);
        return TownTime.ToUtc(at)!.Value;
    }

    private async Task ArriveAtAsync(DateTime moment)
    {
        app.AdvanceTime(moment - app.Now);
        await app.RunJobsUntilIdleAsync();
    }

    private List<MimeMessage> DigestsTo(TestUser user) =>
        app.Mail.MessagesTo(user.Email).Where(m => m.Subject is { } subject && (subject.StartsWith(DigestSubject, StringComparison.Ordinal)
            || subject.StartsWith("Your notices from the intranet", StringComparison.Ordinal))).ToList();

    private static string Handle(TestUser user) => "@" + StreamText.HandleOf(user.DisplayName);

    private sealed record Team(TestSpace Space, TestUser Author, HttpClient AuthorClient);

    private async Task<Team> TeamAsync(params TestUser[] members)
    {
        var org = members[0].Organization;
        var owner = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var space = await app.CreateSpaceAsync(owner);
        var author = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        await app.AddToSpaceAsync(space, author, SpaceRole.Member);
        foreach (var member in members)
            await app.AddToSpaceAsync(space, member, SpaceRole.Member);
        return new Team(space, author, await app.CreateSignedInClientAsync(author));
    }

    /// <summary>Posts in the stream through its form, mentioning <paramref name="mentioned"/>: each gets a notice.</summary>
    private static async Task MentionAsync(Team team, params TestUser[] mentioned)
    {
        var page = await team.AuthorClient.GetPageAsync(team.Space.Path);
        using var posted = await page.Form("form[action*='handler=Post']")
            .Set("Body", $"Bitte ansehen, {string.Join(" und ", mentioned.Select(Handle))}.").SubmitAsync(team.AuthorClient);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
    }

    private async Task<HttpResponseMessage> ChooseAsync(HttpClient client, string mail)
    {
        var page = await client.GetPageAsync("/benachrichtigungen");
        return await page.Form("form[action*='handler=Mail']").Check("mail", mail).SubmitAsync(client);
    }

    /// <summary>Runs the digest job of <paramref name="moment"/> once more, as a retry or a second node would.</summary>
    private async Task RunDigestAgainAsync(TestOrganization org, DateTime moment)
    {
        var job = (await app.JobsAsync(j => j.Kind == SendNoticeDigest.JobKind && j.OrganizationId == org.Id))
            .Single(j => j.Payload.Contains(moment.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await using var scope = app.InOrganization(org);
        await scope.Get<IServiceProvider>().GetRequiredKeyedService<IJobHandler>(SendNoticeDigest.JobKind).RunAsync(job, CancellationToken.None);
        await app.RunJobsUntilIdleAsync();
    }

    [Fact]
    public async Task AMentionIsMailedOnceInTheNextDailyDigestWithALinkThatOpensIt()
    {
        var org = await app.CreateOrganizationAsync();
        var colleague = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var team = await TeamAsync(colleague);
        await MentionAsync(team, colleague);
        await app.RunJobsUntilIdleAsync();
        var notice = Assert.Single(await app.NoticesAsync(colleague));
        var moment = NextSevenOClock();

        await ArriveAtAsync(moment.AddMinutes(-1));
        Assert.Empty(DigestsTo(colleague));
        await ArriveAtAsync(moment);

        var mail = Assert.Single(DigestsTo(colleague));
        Assert.Equal($"{DigestSubject} (1)", mail.Subject);
        var title = $"{team.Author.DisplayName} hat Sie in „{team.Space.Title}“ erwähnt";
        var link = $"https://{org.Host}/benachrichtigungen/{notice.Id}";
        Assert.Contains(title, mail.TextBody);
        Assert.Contains(link, mail.TextBody);
        Assert.Contains($"https://{org.Host}/benachrichtigungen#hinweise-per-e-mail", mail.TextBody);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(title), mail.HtmlBody);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody);
        Assert.NotNull(Assert.Single(await app.NoticesAsync(colleague)).MailedAt);

        // The same moment's job once more (a retry, a second node) after a new mention: no second mail for this moment
        // (the mail's key refuses it), and the new notice is not lost but waits for the next morning's digest.
        await MentionAsync(team, colleague);
        await RunDigestAgainAsync(org, moment);
        Assert.Single(DigestsTo(colleague));
        var later = (await app.NoticesAsync(colleague)).Single(n => n.Id != notice.Id);
        Assert.Null(later.MailedAt);
        await ArriveAtAsync(moment.AddDays(1));
        Assert.Equal(2, DigestsTo(colleague).Count);
        Assert.Contains($"/benachrichtigungen/{later.Id}", DigestsTo(colleague)[1].TextBody);
        await ArriveAtAsync(moment.AddDays(2));
        Assert.Equal(2, DigestsTo(colleague).Count);

        // The link opens the post and marks the notice read.
        var client = await app.CreateSignedInClientAsync(colleague);
        using var opened = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.StartsWith(team.Space.Path + "/beitraege/", opened.RedirectTarget());
        Assert.NotNull((await app.NoticesAsync(colleague)).Single(n => n.Id == notice.Id).ReadAt);
    }

    [Fact]
    public async Task AReadNoticeIsNotMailedAndTheNextDigestCarriesOnlyTheNewOnesInThePersonsLanguage()
    {
        var org = await app.CreateOrganizationAsync();
        var colleague = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        await using (var scope = app.InOrganization(org))
            await scope.Db.Users.Where(u => u.Id == colleague.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, "en"));
        var team = await TeamAsync(colleague);
        var client = await app.CreateSignedInClientAsync(colleague);
        await MentionAsync(team, colleague);
        var read = Assert.Single(await app.NoticesAsync(colleague));
        using (await client.GetAsync($"/benachrichtigungen/{read.Id}"))
            Assert.NotNull(Assert.Single(await app.NoticesAsync(colleague)).ReadAt);
        await MentionAsync(team, colleague);
        var unread = (await app.NoticesAsync(colleague)).Single(n => n.Id != read.Id);
        var moment = NextSevenOClock();

        await ArriveAtAsync(moment);
        var first = Assert.Single(DigestsTo(colleague));
        Assert.Equal("Your notices from the intranet (1)", first.Subject);
        Assert.Contains($"{team.Author.DisplayName} mentioned you in “{team.Space.Title}”", first.TextBody);
        Assert.Contains($"/benachrichtigungen/{unread.Id}", first.TextBody);
        Assert.DoesNotContain($"/benachrichtigungen/{read.Id}", first.TextBody);

        // Two new mentions during the day: the next morning's digest lists those two and not the one mailed before.
        await MentionAsync(team, colleague);
        await MentionAsync(team, colleague);
        var fresh = (await app.NoticesAsync(colleague)).Where(n => n.Id != read.Id && n.Id != unread.Id).Select(n => n.Id).ToList();
        await ArriveAtAsync(moment.AddDays(1));
        var digests = DigestsTo(colleague);
        Assert.Equal(2, digests.Count);
        var second = digests.Single(m => m != first);
        Assert.Equal("Your notices from the intranet (2)", second.Subject);
        Assert.All(fresh, id => Assert.Contains($"/benachrichtigungen/{id}", second.TextBody));
        Assert.DoesNotContain($"/benachrichtigungen/{unread.Id}", second.TextBody);
    }

    [Fact]
    public async Task WeeklyWaitsForTheWeeklyDayNeverAndUnconfirmedAddressesGetNothing()
    {
        var org = await app.CreateOrganizationAsync();
        var daily = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var weekly = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var never = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var unconfirmed = await app.CreateUserWithTwoFactorAsync(org, Roles.Staff);
        var team = await TeamAsync(daily, weekly, never, unconfirmed);

        // The setting, through the form on the notifications page; daily is what everybody has at first.
        var weeklyClient = await app.CreateSignedInClientAsync(weekly);
        var neverClient = await app.CreateSignedInClientAsync(never);
        var shown = await weeklyClient.GetPageAsync("/benachrichtigungen");
        Assert.Equal("Daily", shown.QuerySelector("input[name=mail][checked]")?.GetAttribute("value"));
        using (var chosen = await ChooseAsync(weeklyClient, "Weekly"))
            Assert.Equal("/benachrichtigungen", chosen.RedirectTarget());
        using (await ChooseAsync(neverClient, "Never")) { }
        Assert.Equal("Weekly", (await weeklyClient.GetPageAsync("/benachrichtigungen")).QuerySelector("input[name=mail][checked]")?.GetAttribute("value"));
        Assert.Equal("Never", (await neverClient.GetPageAsync("/benachrichtigungen")).QuerySelector("input[name=mail][checked]")?.GetAttribute("value"));
        // A value the form does not offer is refused, and the setting stays.
        foreach (var forged in new[] { "Sometimes", "3", "" })
        {
            var page = await weeklyClient.GetPageAsync("/benachrichtigungen");
            using var refused = await page.Form("form[action*='handler=Mail']").Tamper("mail", forged).SubmitAsync(weeklyClient);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        Assert.Equal("Weekly", (await weeklyClient.GetPageAsync("/benachrichtigungen")).QuerySelector("input[name=mail][checked]")?.GetAttribute("value"));
        await using (var scope = app.InOrganization(org))
            await scope.Db.Users.Where(u => u.Id == unconfirmed.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, false));

        await MentionAsync(team, daily, weekly, never, unconfirmed);
        // Every daily moment up to and including the weekly one (Monday by default).
        var moment = NextSevenOClock();
        while (true)
        {
            await ArriveAtAsync(moment);
            var weeklyDay = TownTime.ToLocal(moment)!.Value.DayOfWeek == DayOfWeek.Monday;
            Assert.Single(DigestsTo(daily));
            Assert.Equal(weeklyDay ? 1 : 0, DigestsTo(weekly).Count);
            if (weeklyDay)
                break;
            moment = NextSevenOClock();
        }
        Assert.Empty(DigestsTo(never));
        Assert.Empty(DigestsTo(unconfirmed));
        Assert.All(await app.NoticesAsync(never), n => Assert.Null(n.MailedAt));
    }
}

public sealed class SqliteNoticeDigestTests(SqliteApp app) : NoticeDigestTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresNoticeDigestTests(PostgresApp app) : NoticeDigestTests(app), IClassFixture<PostgresApp>;
