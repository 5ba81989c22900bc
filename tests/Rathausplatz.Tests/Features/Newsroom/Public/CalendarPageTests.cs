using System.Globalization;
using System.Net;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Newsroom.Events;
using Rathausplatz.Tests.Support;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Newsroom.Public;

/// <summary>/veranstaltungen: a month of events, repeating and multi-day ones on each of their days.</summary>
public abstract class CalendarPageTests(RathausplatzApp app)
{
    [Fact]
    public async Task AMonthShowsEachEventOnTheDaysItTakesPlace()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var year = app.Now.Year + 1;
        var (_, single) = await app.PublishedPostAsync(editor, PostType.Event, f => (f.EventStart, f.EventEnd) = (new DateTime(year, 6, 10, 18, 0, 0), new DateTime(year, 6, 10, 20, 0, 0)));
        var (_, fair) = await app.PublishedPostAsync(editor, PostType.Event, f => (f.EventStart, f.EventEnd, f.EventAllDay) = (new DateTime(year, 6, 20), new DateTime(year, 6, 22), true));
        var (_, night) = await app.PublishedPostAsync(editor, PostType.Event, f => (f.EventStart, f.EventEnd) = (new DateTime(year, 6, 30, 22, 0, 0), new DateTime(year, 7, 1, 2, 0, 0)));
        var firstWednesday = Enumerable.Range(20, 7).Select(d => new DateTime(year, 5, d, 19, 0, 0)).Single(d => d.DayOfWeek == DayOfWeek.Wednesday);
        var (_, weekly) = await app.PublishedPostAsync(editor, PostType.Event, f =>
            (f.EventStart, f.RepeatFrequency, f.RepeatCount, f.RepeatExceptions) = (firstWednesday, RepeatFrequency.Weekly, 10, $"{firstWednesday.AddDays(21):dd.MM.yyyy}"));
        var (_, july) = await app.PublishedPostAsync(editor, PostType.Event, f => f.EventStart = new DateTime(year, 7, 15, 10, 0, 0));
        var (_, draft) = await app.DraftPostAsync(editor, PostType.Event, f => f.EventStart = new DateTime(year, 6, 11, 10, 0, 0));

        var page = await app.CreateClient(org).GetPageAsync($"/veranstaltungen?monat={year}-06");

        var days = page.QuerySelectorAll("td[data-date]").ToDictionary(
            td => DateOnly.ParseExact(td.GetAttribute("data-date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            td => td.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToList());
        Assert.Equal(30, days.Count);
        List<DateOnly> DaysOf(string slug) => days.Where(d => d.Value.Contains(slug)).Select(d => d.Key).Order().ToList();
        Assert.Equal([new DateOnly(year, 6, 10)], DaysOf(single));
        Assert.Equal([new DateOnly(year, 6, 20), new(year, 6, 21), new(year, 6, 22)], DaysOf(fair));
        Assert.Equal([new DateOnly(year, 6, 30)], DaysOf(night));
        var expected = Enumerable.Range(0, 10).Select(w => DateOnly.FromDateTime(firstWednesday.AddDays(7 * w)))
            .Where(d => d.Month == 6 && d != DateOnly.FromDateTime(firstWednesday.AddDays(21))).ToList();
        Assert.Equal(expected, DaysOf(weekly));
        Assert.Empty(DaysOf(july));
        Assert.Empty(DaysOf(draft));
        // The phone list holds the same days.
        Assert.Equal(days.Where(d => d.Value.Count > 0).Select(d => d.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Order(),
            page.QuerySelectorAll(".calendar-list li[data-date]").Select(li => li.GetAttribute("data-date")!).Order());
        var july1 = await app.CreateClient(org).GetPageAsync(page.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Contains(night, july1.QuerySelector($"td[data-date='{year}-07-01']")!.InnerHtml);
    }

    [Fact]
    public async Task TheCalendarFiltersByTopicAndMarksToday()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var topic = await app.AddTopicAsync(org, "Sport");
        var today = TownTime.ToLocal(app.Now)!.Value.Date;
        var (_, sport) = await app.PublishedPostAsync(editor, PostType.Event, f => (f.EventStart, f.EventAllDay, f.TopicIds) = (today, true, [topic.Id]));
        var (_, other) = await app.PublishedPostAsync(editor, PostType.Event, f => (f.EventStart, f.EventAllDay) = (today, true));

        var page = await app.CreateClient(org).GetPageAsync($"/veranstaltungen?thema={topic.Slug}");

        var marked = page.QuerySelector("td[aria-current=date]")!;
        Assert.Equal($"{today:yyyy-MM-dd}", marked.GetAttribute("data-date"));
        Assert.Contains("heute", marked.TextContent);
        Assert.Contains(sport, marked.InnerHtml);
        Assert.DoesNotContain(other, page.QuerySelector("main")!.InnerHtml);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("Dezember")]
    [InlineData("2026-1")]
    public async Task AMonthThatIsNoMonthIsRefusedWithAMessage(string month)
    {
        var org = await app.CreateOrganizationAsync();

        using var response = await app.CreateClient(org).GetAsync($"/veranstaltungen?monat={Uri.EscapeDataString(month)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlPages.ParseAsync(response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
        Assert.Contains("ist kein Monat", page.QuerySelector("#error-summary")!.TextContent);
    }

    [Fact]
    public async Task AktuellesAndTheHomePageLinkTheCalendar()
    {
        var org = await app.CreateOrganizationAsync();
        var client = app.CreateClient(org);

        Assert.Contains((await client.GetPageAsync("/aktuelles")).QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/veranstaltungen");
        Assert.Contains((await client.GetPageAsync("/")).QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/veranstaltungen");
    }

    [Fact]
    public async Task AMonthComesFromTheCacheUntilAnEventChanges()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var year = app.Now.Year + 1;
        await app.PublishedPostAsync(editor, PostType.Event, f => f.EventStart = new DateTime(year, 6, 10, 18, 0, 0));
        var client = app.CreateClient(org);
        var path = $"/veranstaltungen?monat={year}-06";

        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);
        var (_, added) = await app.PublishedPostAsync(editor, PostType.Event, f => f.EventStart = new DateTime(year, 6, 12, 18, 0, 0));
        var third = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Age.HasValue);
        Assert.True(second.Headers.Age.HasValue, "the second request was not served from the cache");
        Assert.False(third.Headers.Age.HasValue, "publishing an event did not evict the month");
        Assert.Contains(added, await third.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteCalendarPageTests(SqliteApp app) : CalendarPageTests(app), IClassFixture<SqliteApp>;
public sealed class PostgresCalendarPageTests(PostgresApp app) : CalendarPageTests(app), IClassFixture<PostgresApp>;
