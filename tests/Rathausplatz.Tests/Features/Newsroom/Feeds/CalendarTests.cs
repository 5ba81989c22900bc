using System.Net;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Tests.Support;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Newsroom.Feeds;

/// <summary>iCalendar of events, read by a third-party parser (npm ical.js) as calendar apps would.</summary>
public abstract class CalendarTests(RathausplatzApp app)
{
    [Fact]
    public async Task TheCalendarHoldsUpcomingPublishedEventsOfTheOwnOrganizationInBerlinTime()
    {
        var a = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(a);
        // 18:30 Berlin summer time is 16:30 UTC: proves the zone, not the server's clock, decides.
        var start = new DateTime(app.Now.Year + 1, 7, 3, 18, 30, 0);
        var (timedId, timed) = await app.PublishedPostAsync(editor, PostType.Event, f =>
            (f.EventStart, f.EventEnd, f.PlaceName, f.Latitude, f.Longitude) = (start, start.AddHours(2), "Rathaus, Ratssaal", "51.3397", "12.3731"));
        var (_, allDay) = await app.PublishedPostAsync(editor, PostType.Event, f =>
            (f.EventStart, f.EventEnd, f.EventAllDay) = (start.Date.AddDays(1), start.Date.AddDays(2), true));
        var (_, past) = await app.PublishedPostAsync(editor, PostType.Event, f => f.EventStart = TownTime.ToLocal(app.Now.AddDays(-2)));
        var (_, draft) = await app.DraftPostAsync(editor, PostType.Event);
        await app.PublishedPostAsync(editor);
        var (_, otherTown) = await app.PublishedPostAsync(await app.CreateEditorAsync(await app.CreateOrganizationAsync()), PostType.Event);

        var response = await app.CreateClient(a).GetAsync("/feeds/kalender.ics");
        var calendar = await ThirdPartyParsers.ParseCalendarAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("Europe/Berlin", calendar.GetProperty("timezones").EnumerateArray().Select(z => z.GetString()));
        var events = calendar.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["Titel " + timed, "Titel " + allDay], events.Select(e => e.GetProperty("summary").GetString()));
        var first = events[0];
        Assert.Equal("Europe/Berlin", first.GetProperty("startTzid").GetString());
        Assert.Equal($"{start:yyyy-MM-dd}T18:30:00", first.GetProperty("start").GetProperty("value").GetString());
        Assert.Equal(new DateTime(start.Year, 7, 3, 16, 30, 0, DateTimeKind.Utc), first.GetProperty("start").GetProperty("utc").GetDateTime().ToUniversalTime());
        Assert.Equal(new DateTime(start.Year, 7, 3, 18, 30, 0, DateTimeKind.Utc), first.GetProperty("end").GetProperty("utc").GetDateTime().ToUniversalTime());
        Assert.Equal("Rathaus, Ratssaal", first.GetProperty("location").GetString());
        Assert.Equal(51.3397, first.GetProperty("geo")[0].GetDouble(), 4);
        Assert.Equal(12.3731, first.GetProperty("geo")[1].GetDouble(), 4);
        Assert.Equal($"https://{a.Host}/aktuelles/{timed}", first.GetProperty("url").GetString());
        Assert.StartsWith(timedId.ToString(), first.GetProperty("uid").GetString());
        var second = events[1];
        Assert.True(second.GetProperty("start").GetProperty("isDate").GetBoolean());
        Assert.Equal($"{start.Date.AddDays(1):yyyy-MM-dd}", second.GetProperty("start").GetProperty("value").GetString());
        Assert.Equal($"{start.Date.AddDays(3):yyyy-MM-dd}", second.GetProperty("end").GetProperty("value").GetString());
        var text = calendar.ToString();
        Assert.DoesNotContain(past, text);
        Assert.DoesNotContain(draft, text);
        Assert.DoesNotContain(otherTown, text);
    }

    [Fact]
    public async Task TheCalendarFiltersByTopicAndDistrict()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var topic = await app.AddTopicAsync(org, "Kultur");
        var district = await app.AddDistrictAsync(org, "Nordstadt");
        var (_, onTopic) = await app.PublishedPostAsync(editor, PostType.Event, f => f.TopicIds = [topic.Id]);
        var (_, inDistrict) = await app.PublishedPostAsync(editor, PostType.Event, f => f.DistrictIds = [district.Id]);
        var client = app.CreateClient(org);

        Assert.Equal(["Titel " + onTopic], await SummariesAsync(client, $"/feeds/kalender.ics?thema={topic.Slug}"));
        Assert.Equal(["Titel " + inDistrict], await SummariesAsync(client, $"/feeds/kalender.ics?stadtteil={district.Slug}"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/feeds/kalender.ics?stadtteil=gibt-es-nicht")).StatusCode);
    }

    [Fact]
    public async Task ASingleEventCanBeAddedToACalendarAndTheUidStaysTheSame()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, slug) = await app.PublishedPostAsync(editor, PostType.Event);
        var (_, news) = await app.PublishedPostAsync(editor);
        var (_, otherTown) = await app.PublishedPostAsync(await app.CreateEditorAsync(await app.CreateOrganizationAsync()), PostType.Event);
        var client = app.CreateClient(org);

        var single = await ThirdPartyParsers.ParseCalendarAsync(await client.GetStringAsync($"/aktuelles/{slug}/kalender.ics"));
        var feed = await ThirdPartyParsers.ParseCalendarAsync(await client.GetStringAsync("/feeds/kalender.ics"));
        var detail = await client.GetPageAsync($"/aktuelles/{slug}");

        var uid = Assert.Single(single.GetProperty("events").EnumerateArray()).GetProperty("uid").GetString();
        Assert.Equal(uid, Assert.Single(feed.GetProperty("events").EnumerateArray()).GetProperty("uid").GetString());
        Assert.NotNull(detail.QuerySelector($"a[href='/aktuelles/{slug}/kalender.ics']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/aktuelles/{news}/kalender.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/aktuelles/{otherTown}/kalender.ics")).StatusCode);
    }

    private static async Task<List<string?>> SummariesAsync(HttpClient client, string path)
    {
        var calendar = await ThirdPartyParsers.ParseCalendarAsync(await client.GetStringAsync(path));
        return calendar.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("summary").GetString()).ToList();
    }
}

public sealed class SqliteCalendarTests(SqliteApp app) : CalendarTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCalendarTests(PostgresApp app) : CalendarTests(app), IClassFixture<PostgresApp>;
