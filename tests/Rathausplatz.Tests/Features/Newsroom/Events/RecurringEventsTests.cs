using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Newsroom.Events;
using Rathausplatz.Tests.Support;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Newsroom.Events;

/// <summary>Repeating events from the form to lists, JSON-LD and calendars (read by ical.js).</summary>
public abstract class RecurringEventsTests(RathausplatzApp app)
{
    [Fact]
    public async Task AnEditorMakesAnEventRepeatThroughTheFormAndSeesTheChoicesAgain()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var client = await app.CreateSignedInClientAsync(editor);
        var start = new DateTime(app.Now.Year + 1, 3, 2, 18, 0, 0);

        var form = (await client.GetPageAsync("/newsroom/new/veranstaltung")).Form();
        using var saved = await form.Set("Input.Title", "Bürgersprechstunde").Set("Input.EventStart", $"{start:yyyy-MM-ddTHH:mm}")
            .Set("Input.RepeatFrequency", "Weekly").Set("Input.RepeatInterval", "2").Check("Input.RepeatWeekdays", "Tuesday", "Thursday")
            .Set("Input.RepeatCount", "6").Set("Input.RepeatExceptions", $"{start.AddDays(14):dd.MM.yyyy}").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1]);
        await using (var scope = app.InOrganization(org))
        {
            var post = await scope.Db.Set<Post>().SingleAsync(p => p.Id == id);
            Assert.Equal("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=6", post.Recurrence);
            Assert.Equal($"{start.AddDays(14):yyyy-MM-dd}", post.RecurrenceExceptions);
        }
        var edit = await client.GetPageAsync($"/newsroom/{id}/edit");
        Assert.Equal("Weekly", edit.QuerySelector("#Input_RepeatFrequency option[selected]")!.GetAttribute("value"));
        Assert.Equal(["Tuesday", "Thursday"], edit.QuerySelectorAll("input[name='Input.RepeatWeekdays'][checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal("6", edit.QuerySelector("#Input_RepeatCount")!.GetAttribute("value"));
        Assert.Equal($"{start.AddDays(14):dd.MM.yyyy}", edit.QuerySelector("#Input_RepeatExceptions")!.GetAttribute("value"));
    }

    [Fact]
    public async Task BothAnUntilAndACountAreRefused()
    {
        var org = await app.CreateOrganizationAsync();
        var client = await app.CreateSignedInClientAsync(await app.CreateEditorAsync(org));

        var form = (await client.GetPageAsync("/newsroom/new/veranstaltung")).Form();
        using var refused = await form.Set("Input.Title", "Doppelt begrenzt").Set("Input.EventStart", $"{app.Now.Year + 1}-05-01T10:00")
            .Set("Input.RepeatFrequency", "Daily").Set("Input.RepeatCount", "3").Set("Input.RepeatUntil", $"{app.Now.Year + 1}-05-10")
            .Set("Input.RepeatExceptions", "irgendwann").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await HtmlPages.ParseAsync(refused.RequestMessage!.RequestUri!, await refused.Content.ReadAsStringAsync());
        var summary = page.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("nicht beides", summary);
        Assert.Contains("24.12.2026", summary);
    }

    [Fact]
    public async Task IcalJsExpandsTheSameOccurrencesAcrossSummerTimeWithCountAndExceptionDates()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var year = app.Now.Year + 1;
        var lastSundayOfMarch = Enumerable.Range(25, 7).Select(d => new DateTime(year, 3, d)).Single(d => d.DayOfWeek == DayOfWeek.Sunday);
        var start = lastSundayOfMarch.AddDays(-12).AddHours(19); // a Tuesday, 19:00, two weeks before the change
        var (id, slug) = await app.PublishedPostAsync(editor, PostType.Event, f =>
            (f.EventStart, f.EventEnd, f.RepeatFrequency, f.RepeatWeekdays, f.RepeatCount, f.RepeatExceptions) =
            (start, start.AddHours(2), RepeatFrequency.Weekly, [DayOfWeek.Tuesday, DayOfWeek.Friday], 8, $"{start.AddDays(7):dd.MM.yyyy}"));

        var ics = await app.CreateClient(org).GetStringAsync($"/aktuelles/{slug}/kalender.ics");
        var calendar = await ThirdPartyParsers.ParseCalendarAsync(ics);

        var parsed = calendar.GetProperty("events")[0];
        Assert.Contains("FREQ=WEEKLY", parsed.GetProperty("rrule").GetString());
        var theirs = parsed.GetProperty("occurrences").EnumerateArray().Select(o => o.GetString()!).ToList();
        Post post;
        await using (var scope = app.InOrganization(org))
            post = await scope.Db.Set<Post>().AsNoTracking().SingleAsync(p => p.Id == id);
        var ours = EventRecurrence.Occurrences(post, DateTime.MinValue).Select(o => o.Start.ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(7, ours.Count); // eight by COUNT, one of them cancelled
        Assert.Equal(ours, theirs);
        Assert.All(theirs, t => Assert.Equal(19, TownTime.ToLocal(DateTime.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal))!.Value.Hour));
        Assert.Contains(theirs, t => t.EndsWith("T18:00:00.000Z")); // winter time
        Assert.Contains(theirs, t => t.EndsWith("T17:00:00.000Z")); // summer time
    }

    [Fact]
    public async Task ListsShowTheNextOccurrenceAndDropTheEventAfterItsLast()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var start = TownTime.ToLocal(app.Now.AddHours(1))!.Value;
        start = start.AddSeconds(-start.Second).AddMilliseconds(-start.Millisecond);
        var (id, slug) = await app.PublishedPostAsync(editor, PostType.Event, f =>
            (f.EventStart, f.EventEnd, f.RepeatFrequency, f.RepeatCount) = (start, start.AddHours(1), RepeatFrequency.Daily, 3));
        var anonymous = app.CreateClient(org);
        Assert.Equal(TownTime.ToUtc(start), (await PostAsync(org, id)).NextOccurrenceStart);

        app.AdvanceTime(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await app.RunJobsUntilIdleAsync();

        var post = await PostAsync(org, id);
        Assert.Equal(TownTime.ToUtc(start.AddDays(1)), post.NextOccurrenceStart);
        var home = await anonymous.GetPageAsync("/");
        Assert.Contains(start.AddDays(1).ToString("g", CultureInfo.GetCultureInfo("de-DE")), home.QuerySelector("#events-heading")!.ParentElement!.TextContent);
        var detail = await anonymous.GetPageAsync($"/aktuelles/{slug}");
        Assert.Contains("\"startDate\":\"" + TownTime.ToUtc(start.AddDays(1))!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), detail.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Contains("\"eventSchedule\"", detail.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Contains(slug, await anonymous.GetStringAsync("/feeds/kalender.ics"));

        app.AdvanceTime(TimeSpan.FromDays(2));
        await app.RunJobsUntilIdleAsync();

        Assert.DoesNotContain(slug, await anonymous.GetStringAsync("/feeds/kalender.ics"));
        Assert.DoesNotContain("Titel " + slug, (await anonymous.GetPageAsync("/")).QuerySelector("#events-heading")!.ParentElement!.TextContent);
    }

    private async Task<Post> PostAsync(TestOrganization org, Guid id)
    {
        await using var scope = app.InOrganization(org);
        return await scope.Db.Set<Post>().AsNoTracking().SingleAsync(p => p.Id == id);
    }
}

public sealed class SqliteRecurringEventsTests(SqliteApp app) : RecurringEventsTests(app), IClassFixture<SqliteApp>;
public sealed class PostgresRecurringEventsTests(PostgresApp app) : RecurringEventsTests(app), IClassFixture<PostgresApp>;
