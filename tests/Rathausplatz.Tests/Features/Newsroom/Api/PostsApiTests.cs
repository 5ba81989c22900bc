using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Features.Newsroom.Events;
using Rathausplatz.Tests.Support;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Newsroom.Api;

/// <summary>The JSON API as a client sees it: /api/v1/posts, /events, /jobs and one post, over HTTP on each provider.</summary>
public abstract partial class PostsApiTests(RathausplatzApp app)
{
    [Fact]
    public async Task PagingThroughFortyFiveItemsByTwentyGivesThreePagesWithEveryItemOnceEvenWhenOneIsPublishedMeanwhile()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var slugs = new List<string>();
        for (var i = 0; i < 45; i++)
        {
            // Groups of posts share a publication time, so the id has to break the ties.
            if (i % 10 == 0)
                app.AdvanceTime(TimeSpan.FromMinutes(1));
            slugs.Add((await app.PublishedPostAsync(editor, i % 3 == 0 ? PostType.ServiceInformation : PostType.News)).Slug);
        }
        var client = app.CreateClient(org);

        var pages = new List<JsonElement>();
        var links = new List<string?>();
        string? next = "/api/v1/posts?limit=20";
        while (next is not null)
        {
            using var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            pages.Add(page);
            next = page.GetProperty("next").GetString();
            links.Add(response.Headers.TryGetValues("Link", out var link) ? string.Join(",", link) : null);
            if (pages.Count == 1)
            {
                app.AdvanceTime(TimeSpan.FromMinutes(1));
                await app.PublishedPostAsync(editor); // newer than everything: belongs before page 1, shifts nothing
            }
            Assert.True(pages.Count <= 3, "More than three pages.");
        }

        Assert.Equal([20, 20, 5], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        var seen = pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("slug").GetString()!).ToList();
        Assert.Equal(slugs.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        var times = pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("publishedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        var firstNext = pages[0].GetProperty("next").GetString()!;
        Assert.StartsWith($"https://{org.Host}/api/v1/posts?limit=20&cursor=", firstNext);
        Assert.Equal($"<{firstNext}>; rel=\"next\"", links[0]);
        Assert.Null(links[2]);
    }

    [Fact]
    public async Task EventsComeByStartUpcomingByDefaultAndJobsByDeadlineOpenOnesByDefault()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var now = app.Now;
        var (_, past) = await app.PublishedPostAsync(editor, PostType.Event, f => f.EventStart = TownTime.ToLocal(now.AddDays(-2)));
        var (_, inThree) = await app.PublishedPostAsync(editor, PostType.Event, f => f.EventStart = TownTime.ToLocal(now.AddDays(3)));
        var (_, inOne) = await app.PublishedPostAsync(editor, PostType.Event, f => (f.EventStart, f.PlaceName, f.Latitude, f.Longitude) = (TownTime.ToLocal(now.AddDays(1)), "Rathaus", "51.5", "10.25"));
        var (_, inTwo) = await app.PublishedPostAsync(editor, PostType.Event, f => f.EventStart = TownTime.ToLocal(now.AddDays(2)));
        var (_, closed) = await app.PublishedPostAsync(editor, PostType.JobPosting, f => f.ApplicationDeadline = TownTime.ToLocal(now.AddDays(-1)));
        var (_, late) = await app.PublishedPostAsync(editor, PostType.JobPosting, f => (f.ApplicationDeadline, f.JobDepartment, f.PayGrade) = (TownTime.ToLocal(now.AddDays(10)), "Bauamt", "E 9b"));
        var (_, soon) = await app.PublishedPostAsync(editor, PostType.JobPosting, f => f.ApplicationDeadline = TownTime.ToLocal(now.AddDays(5)));
        var client = app.CreateClient(org);

        var events = await GetAsync(client, "/api/v1/events");
        var pastToo = await GetAsync(client, $"/api/v1/events?from={Day(now.AddDays(-3))}");
        var firstTwo = await GetAsync(client, "/api/v1/events?limit=2");
        var lastOne = await GetAsync(client, firstTwo.GetProperty("next").GetString()!);
        var jobs = await GetAsync(client, "/api/v1/jobs");
        var allJobs = await GetAsync(client, $"/api/v1/jobs?from={Day(now.AddDays(-2))}");

        Assert.Equal([inOne, inTwo, inThree], Slugs(events));
        Assert.Equal([past, inOne, inTwo, inThree], Slugs(pastToo));
        Assert.Equal([inOne, inTwo], Slugs(firstTwo));
        Assert.Equal([inThree], Slugs(lastOne));
        Assert.Equal(JsonValueKind.Null, lastOne.GetProperty("next").ValueKind);
        Assert.Equal([soon, late], Slugs(jobs));
        Assert.Equal([closed, soon, late], Slugs(allJobs));

        var item = Items(events).First();
        Assert.Equal("event", item.GetProperty("type").GetString());
        var details = item.GetProperty("event");
        Assert.Matches(OffsetTime(), details.GetProperty("start").GetString());
        Assert.Equal(now.AddDays(1), details.GetProperty("start").GetDateTimeOffset().UtcDateTime);
        Assert.Equal("Rathaus", details.GetProperty("place").GetString());
        Assert.Equal(51.5, details.GetProperty("latitude").GetDouble());
        Assert.Equal(10.25, details.GetProperty("longitude").GetDouble());
        Assert.False(details.GetProperty("allDay").GetBoolean());
        var job = Items(jobs).Last().GetProperty("job");
        Assert.Equal("Bauamt", job.GetProperty("department").GetString());
        Assert.Equal("E 9b", job.GetProperty("payGrade").GetString());
        Assert.Matches(OffsetTime(), job.GetProperty("deadline").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("job").ValueKind);
    }

    [Fact]
    public async Task ARepeatingEventIsUpcomingUntilItsLastOccurrenceAsOnTheSite()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var start = TownTime.ToLocal(app.Now.AddDays(-3))!.Value;
        start = start.AddSeconds(-start.Second).AddMilliseconds(-start.Millisecond);
        var (_, running) = await app.PublishedPostAsync(editor, PostType.Event, f =>
            (f.EventStart, f.EventEnd, f.RepeatFrequency, f.RepeatCount) = (start, start.AddHours(1), RepeatFrequency.Daily, 6));
        var (_, finished) = await app.PublishedPostAsync(editor, PostType.Event, f =>
            (f.EventStart, f.EventEnd, f.RepeatFrequency, f.RepeatCount) = (start, start.AddHours(1), RepeatFrequency.Daily, 2));
        var client = app.CreateClient(org);

        var events = Slugs(await GetAsync(client, "/api/v1/events"));

        Assert.Contains(running, events);
        Assert.DoesNotContain(finished, events);
        // The home page's upcoming events agree.
        Assert.Contains($"/aktuelles/{running}", (await client.GetPageAsync("/")).QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task PostsFilterByTypeTopicDistrictAndPublicationTime()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var topic = await app.AddTopicAsync(org, "Verkehr");
        var district = await app.AddDistrictAsync(org, "Altstadt");
        var start = app.Now;
        var (_, onTopic) = await app.PublishedPostAsync(editor, fill: f => f.TopicIds = [topic.Id]);
        var (_, inDistrict) = await app.PublishedPostAsync(editor, fill: f => f.DistrictIds = [district.Id]);
        app.AdvanceTime(TimeSpan.FromDays(2));
        var (_, job) = await app.PublishedPostAsync(editor, PostType.JobPosting);
        var (_, page) = await app.PublishedPostAsync(editor, PostType.Page);
        var client = app.CreateClient(org);
        var between = Uri.EscapeDataString(Offset(start.AddDays(1)));

        Assert.Equal([job], Slugs(await GetAsync(client, "/api/v1/posts?type=job")));
        Assert.Equal([page], Slugs(await GetAsync(client, "/api/v1/posts?type=page")));
        Assert.Equal([onTopic], Slugs(await GetAsync(client, $"/api/v1/posts?topic={topic.Slug}")));
        Assert.Equal([inDistrict], Slugs(await GetAsync(client, $"/api/v1/posts?district={district.Slug}")));
        Assert.Equal([job], Slugs(await GetAsync(client, $"/api/v1/posts?from={between}")));
        Assert.Equal(new[] { onTopic, inDistrict }.Order(StringComparer.Ordinal), Slugs(await GetAsync(client, $"/api/v1/posts?to={between}")).Order(StringComparer.Ordinal));
        Assert.Equal([job], Slugs(await GetAsync(client, $"/api/v1/posts?from={Day(app.Now)}&to={Day(app.Now)}")));
        var all = Slugs(await GetAsync(client, "/api/v1/posts"));
        Assert.DoesNotContain(page, all);
        Assert.Equal(3, all.Count);
        var tagged = Items(await GetAsync(client, $"/api/v1/posts?topic={topic.Slug}")).Single();
        Assert.Equal(topic.Slug, tagged.GetProperty("topics")[0].GetProperty("slug").GetString());
        Assert.Equal("Verkehr", tagged.GetProperty("topics")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task AClientReadingInALoopIsSlowedDownWithAProblemInItsLanguageWhileOtherTownsStillAnswer()
    {
        var org = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var client = app.CreateClient(org, language: "en-GB,en;q=0.8");

        HttpResponseMessage response;
        var allowed = 0;
        while ((response = await client.GetAsync("/api/v1/posts")).IsSuccessStatusCode && allowed <= 1000)
            allowed++;

        Assert.Equal(300, allowed); // the default: RateLimits:PublicReadsPerMinute
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("60", response.Headers.RetryAfter?.ToString());
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Too many requests. Please wait a minute.", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(other).GetAsync("/api/v1/posts")).StatusCode);
    }

    [Fact]
    public async Task DraftsScheduledWithdrawnAndOtherOrganizationsPostsNeverAppear()
    {
        var org = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, published) = await app.PublishedPostAsync(editor, PostType.Event);
        var (_, draft) = await app.DraftPostAsync(editor, PostType.Event);
        var scheduled = await app.DraftPostAsync(editor, PostType.Event, f => f.PublishAt = TownTime.ToLocal(app.Now.AddDays(1)));
        Assert.Equal(PublishOutcome.Scheduled, await app.PublishAsync(editor, scheduled.Id));
        var withdrawn = await app.PublishedPostAsync(editor, PostType.Event);
        await app.AsEditorAsync(editor, (scope, actor) => scope.Get<UnpublishPost>().RunAsync(withdrawn.Id, actor, CancellationToken.None));
        var (_, foreign) = await app.PublishedPostAsync(await app.CreateEditorAsync(other), PostType.Event);
        var client = app.CreateClient(org);

        foreach (var path in new[] { "/api/v1/posts", "/api/v1/events", "/api/v1/posts?type=event&limit=100" })
            Assert.Equal([published], Slugs(await GetAsync(client, path)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/posts/{published}")).StatusCode);
        foreach (var hidden in new[] { draft, scheduled.Slug, withdrawn.Slug, foreign })
        {
            using var response = await client.GetAsync($"/api/v1/posts/{hidden}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(hidden, await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("/api/v1/posts?limit=0", "limit")]
    [InlineData("/api/v1/posts?limit=1000", "limit")]
    [InlineData("/api/v1/events?limit=zwanzig", "limit")]
    [InlineData("/api/v1/posts?cursor=kaputt", "cursor")]
    [InlineData("/api/v1/jobs?topic=gibt-es-nicht", "topic")]
    [InlineData("/api/v1/events?district=gibt-es-nicht", "district")]
    [InlineData("/api/v1/posts?from=2026-12-01&to=2026-11-01", "from")]
    [InlineData("/api/v1/posts?from=gestern", "from")]
    [InlineData("/api/v1/jobs?to=2026-02-30", "to")]
    [InlineData("/api/v1/posts?type=pressemitteilung", "type")]
    [InlineData("/api/v1/posts?language=fr", "language")]
    [InlineData("/api/v1/posts/irgendwas?language=fr", "language")]
    public async Task BadQueryValuesAnswer400WithProblemDetailsInTheReadersLanguage(string path, string parameter)
    {
        var org = await app.CreateOrganizationAsync();

        var german = await app.CreateClient(org).GetAsync(path);
        var english = await app.CreateClient(org, language: "en-GB,en;q=0.8").GetAsync(path);
        var problem = JsonDocument.Parse(await german.Content.ReadAsStringAsync()).RootElement;
        var englishProblem = JsonDocument.Parse(await english.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, german.StatusCode);
        Assert.Equal("application/problem+json", german.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("Die Anfrage enthält ungültige Werte.", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        Assert.Equal("The request contains invalid values.", englishProblem.GetProperty("title").GetString());
        Assert.NotEqual(problem.GetProperty("errors").GetProperty(parameter)[0].GetString(), englishProblem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task ATamperedOrForeignCursorIsRefused()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        for (var i = 0; i < 3; i++)
            await app.PublishedPostAsync(editor, PostType.Event, f => f.EventStart = TownTime.ToLocal(app.Now.AddDays(i + 1)));
        var client = app.CreateClient(org);
        var next = (await GetAsync(client, "/api/v1/events?limit=1")).GetProperty("next").GetString()!;
        var cursor = Uri.UnescapeDataString(next[(next.IndexOf("cursor=", StringComparison.Ordinal) + 7)..]);
        var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/events?limit=1&cursor={cursor}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/posts?cursor={cursor}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/events?cursor={cursor[..^2]}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/events?cursor={Encode(decoded.Replace('|', ';'))}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/events?cursor={Encode(decoded + "|1")}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/events?cursor={Encode("events|-5|" + Guid.Empty.ToString("N"))}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/events?cursor=%00%01")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/posts")]
    [InlineData("/api/v1/events")]
    [InlineData("/api/v1/posts/{slug}")]
    public async Task ARepeatedRequestIsAnswered304UntilSomethingChanges(string path)
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (id, slug) = await app.PublishedPostAsync(editor, PostType.Event);
        path = path.Replace("{slug}", slug);
        var client = app.CreateClient(org);
        var first = await client.GetAsync(path);
        var etag = first.Headers.ETag!;

        var again = await SendAsync(client, path, etag);
        app.AdvanceTime(TimeSpan.FromMinutes(5));
        await app.AsEditorAsync(editor, async (scope, actor) =>
        {
            var post = await scope.Db.Set<Post>().Include(p => p.Topics).Include(p => p.Districts).SingleAsync(p => p.Id == id);
            var form = post.ToForm();
            form.Title = "Geänderter Titel";
            return await scope.Get<SavePost>().UpdateAsync(id, form, actor, CancellationToken.None);
        });
        var afterEdit = await SendAsync(client, path, etag);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, afterEdit.StatusCode);
        Assert.NotEqual(etag, afterEdit.Headers.ETag);
        Assert.Contains("Geänderter Titel", await afterEdit.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EachItemComesInTheAskedLanguageWhereItHasItAndInGermanOtherwise()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, bilingual) = await app.PublishedPostAsync(editor, fill: f => (f.TitleEnglish, f.SummaryEnglish, f.BodyEnglish, f.TitleEasy, f.BodyEasy) =
            ("Road closed", "In short", "The *text*.", "Straße zu", "Die Straße ist zu."));
        app.AdvanceTime(TimeSpan.FromSeconds(1));
        var (_, german) = await app.PublishedPostAsync(editor);
        var client = app.CreateClient(org, language: "en");

        var english = Items(await GetAsync(client, "/api/v1/posts?language=en")).ToDictionary(i => i.GetProperty("slug").GetString()!);
        var easy = Items(await GetAsync(client, "/api/v1/posts?language=de-x-ls")).ToDictionary(i => i.GetProperty("slug").GetString()!);
        var byDefault = Items(await GetAsync(client, "/api/v1/posts")).ToDictionary(i => i.GetProperty("slug").GetString()!);
        var single = await GetAsync(client, $"/api/v1/posts/{bilingual}?language=EN");

        Assert.Equal(("en", "Road closed", "<p>The <em>text</em>.</p>"), Text(english[bilingual]));
        Assert.Equal(("de", "Titel " + german, "<p>Der <strong>Text</strong>.</p>"), Text(english[german]));
        Assert.Equal(("de-x-ls", "Straße zu", "<p>Die Straße ist zu.</p>"), Text(easy[bilingual]));
        Assert.Equal("de", easy[german].GetProperty("language").GetString());
        Assert.Equal(("de", "Titel " + bilingual, "<p>Der <strong>Text</strong>.</p>"), Text(byDefault[bilingual]));
        Assert.Equal("Road closed", single.GetProperty("title").GetString());
    }

    [Fact]
    public async Task OnePostCarriesTheDocumentedFieldsWithAbsoluteUrlAndOffsets()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var district = await app.AddDistrictAsync(org, "Nordviertel");
        var (id, slug) = await app.PublishedPostAsync(editor, PostType.Alert, f =>
            (f.Severity, f.ValidFrom, f.Body, f.DistrictIds) = (AlertSeverity.Danger, TownTime.ToLocal(app.Now), "<script>alert(1)</script> **Achtung**", [district.Id]));
        var (_, service) = await app.PublishedPostAsync(editor, PostType.ServiceInformation, f => f.ValidUntil = TownTime.ToLocal(app.Now.AddDays(3)));
        var client = app.CreateClient(org);

        var alert = await GetAsync(client, $"/api/v1/posts/{slug}");
        var info = await GetAsync(client, $"/api/v1/posts/{service}");

        Assert.Equal(id, alert.GetProperty("id").GetGuid());
        Assert.Equal("alert", alert.GetProperty("type").GetString());
        Assert.Equal($"https://{org.Host}/aktuelles/{slug}", alert.GetProperty("url").GetString());
        Assert.Equal("Kurz gesagt", alert.GetProperty("summary").GetString());
        Assert.DoesNotContain("<script>", alert.GetProperty("bodyHtml").GetString());
        Assert.Contains("<strong>Achtung</strong>", alert.GetProperty("bodyHtml").GetString());
        Assert.Equal("Nordviertel", alert.GetProperty("districts")[0].GetProperty("name").GetString());
        Assert.Matches(OffsetTime(), alert.GetProperty("publishedAt").GetString());
        Assert.Matches(OffsetTime(), alert.GetProperty("updatedAt").GetString());
        Assert.Equal(app.Now, alert.GetProperty("publishedAt").GetDateTimeOffset().UtcDateTime);
        Assert.Equal("danger", alert.GetProperty("alert").GetProperty("severity").GetString());
        Assert.Matches(OffsetTime(), alert.GetProperty("alert").GetProperty("validFrom").GetString());
        Assert.Matches(OffsetTime(), alert.GetProperty("alert").GetProperty("validUntil").GetString());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("event").ValueKind);
        Assert.Equal("service", info.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, info.GetProperty("service").GetProperty("validFrom").ValueKind);
        Assert.Equal(app.Now.AddDays(3), info.GetProperty("service").GetProperty("validUntil").GetDateTimeOffset().UtcDateTime);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheNewsroomApiAndPassesTwoThirdPartyValidators()
    {
        var org = await app.CreateOrganizationAsync();

        var json = await app.CreateClient(org).GetStringAsync("/openapi/v1.json");
        var verdict = await ThirdPartyParsers.ValidateOpenApiAsync(json);
        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");

        Assert.True(verdict.GetProperty("schemaValid").GetBoolean(), verdict.ToString());
        Assert.True(verdict.GetProperty("parserValid").GetBoolean(), verdict.ToString());
        foreach (var path in new[] { "/api/v1/posts", "/api/v1/events", "/api/v1/jobs", "/api/v1/posts/{slug}" })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            Assert.False(string.IsNullOrEmpty(get.GetProperty("summary").GetString()), path);
            var responses = get.GetProperty("responses");
            foreach (var status in path.EndsWith("{slug}", StringComparison.Ordinal) ? ["200", "304", "400", "404"] : new[] { "200", "304", "400" })
                Assert.True(responses.TryGetProperty(status, out _), $"{path} does not document {status}.");
            Assert.True(responses.GetProperty("200").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _), path);
            foreach (var parameter in get.GetProperty("parameters").EnumerateArray())
                Assert.False(string.IsNullOrEmpty(parameter.TryGetProperty("description", out var d) ? d.GetString() : null), $"{path}: {parameter.GetProperty("name")} has no description.");
        }
        var limit = paths.GetProperty("/api/v1/posts").GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "limit");
        Assert.Equal("integer", limit.GetProperty("schema").GetProperty("type").GetString());
        var latitude = JsonDocument.Parse(json).RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ApiEvent").GetProperty("properties").GetProperty("latitude");
        Assert.DoesNotContain("string", latitude.GetProperty("type").ToString());
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    private static List<string> Slugs(JsonElement page) => Items(page).Select(i => i.GetProperty("slug").GetString()!).ToList();

    private static (string?, string?, string?) Text(JsonElement item) =>
        (item.GetProperty("language").GetString(), item.GetProperty("title").GetString(), item.GetProperty("bodyHtml").GetString()?.Trim());

    private static string Day(DateTime utc) => DateOnly.FromDateTime(TownTime.ToLocal(utc)!.Value).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Offset(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(utc, TimeSpan.Zero), TownTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")]
    private static partial Regex OffsetTime();
}

public sealed class SqlitePostsApiTests(SqliteApp app) : PostsApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPostsApiTests(PostgresApp app) : PostsApiTests(app), IClassFixture<PostgresApp>;
