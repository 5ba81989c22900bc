using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Newsroom.Feeds;

/// <summary>RSS and Atom, read by a third-party parser (npm rss-parser) as feed readers would.</summary>
public abstract class FeedsTests(RathausplatzApp app)
{
    [Theory]
    [InlineData("/feeds/rss", "application/rss+xml")]
    [InlineData("/feeds/atom", "application/atom+xml")]
    public async Task FeedsListOnlyPublishedPostsOfTheOwnOrganizationWithAbsoluteLinks(string path, string mediaType)
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        var editorA = await app.CreateEditorAsync(a);
        var (_, publishedA) = await app.PublishedPostAsync(editorA);
        var (_, draftA) = await app.DraftPostAsync(editorA);
        var (_, publishedB) = await app.PublishedPostAsync(await app.CreateEditorAsync(b));

        var response = await app.CreateClient(a).GetAsync(path);
        var feed = await ThirdPartyParsers.ParseFeedAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var item = Assert.Single(Items(feed));
        Assert.Equal("Titel " + publishedA, item.GetProperty("title").GetString());
        Assert.Equal($"https://{a.Host}/aktuelles/{publishedA}", item.GetProperty("link").GetString());
        Assert.Equal(app.Now, item.GetProperty("date").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Contains(a.Name, feed.GetProperty("title").GetString());
        Assert.DoesNotContain(draftA, feed.ToString());
        Assert.DoesNotContain(publishedB, feed.ToString());
    }

    [Fact]
    public async Task FeedsFilterByTopicDistrictAndTypeLikeTheList()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var topic = await app.AddTopicAsync(org, "Verkehr");
        var district = await app.AddDistrictAsync(org, "Altstadt");
        var (_, onTopic) = await app.PublishedPostAsync(editor, fill: f => f.TopicIds = [topic.Id]);
        var (_, inDistrict) = await app.PublishedPostAsync(editor, fill: f => f.DistrictIds = [district.Id]);
        var (_, job) = await app.PublishedPostAsync(editor, PostType.JobPosting);
        var client = app.CreateClient(org);

        Assert.Equal([onTopic], await SlugsAsync(client, $"/feeds/rss?thema={topic.Slug}"));
        Assert.Equal([inDistrict], await SlugsAsync(client, $"/feeds/atom?stadtteil={district.Slug}"));
        Assert.Equal([job], await SlugsAsync(client, "/feeds/rss?typ=stelle"));
        Assert.Equal(new[] { inDistrict, job, onTopic }.Order(StringComparer.Ordinal), (await SlugsAsync(client, "/feeds/atom")).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/feeds/rss?thema=gibt-es-nicht")).StatusCode);
    }

    [Fact]
    public async Task FeedsAreInEnglishWhenAskedAndFallBackToGerman()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, slug) = await app.PublishedPostAsync(editor);

        var feed = await ThirdPartyParsers.ParseFeedAsync(await app.CreateClient(org).GetStringAsync("/feeds/rss?sprache=en"));

        Assert.StartsWith("News – ", feed.GetProperty("title").GetString());
        Assert.Equal("Titel " + slug, Assert.Single(Items(feed)).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/feeds/rss")]
    [InlineData("/feeds/atom")]
    public async Task HostileTitlesStillGiveWellFormedFeeds(string path)
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        const string title = "</title><script>alert(1)</script> Bürger & Rat 🎉 <![CDATA[x]]>";
        await app.PublishedPostAsync(editor, fill: f => (f.Title, f.Summary) = (title, "]]> & <b>fett</b> \u0001"));

        var xml = await app.CreateClient(org).GetStringAsync(path);
        var feed = await ThirdPartyParsers.ParseFeedAsync(xml);

        XDocument.Parse(xml);
        Assert.Equal(title, Assert.Single(Items(feed)).GetProperty("title").GetString());
        Assert.DoesNotContain("<script>", xml);
    }

    [Theory]
    [InlineData("/feeds/rss")]
    [InlineData("/feeds/atom")]
    [InlineData("/feeds/kalender.ics")]
    public async Task ARepeatedRequestIsAnsweredWithNotModifiedUntilSomethingIsPublished(string path)
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        await app.PublishedPostAsync(editor, PostType.Event);
        var client = app.CreateClient(org);
        var first = await client.GetAsync(path);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        var byTag = await SendAsync(client, path, r => r.Headers.IfNoneMatch.Add(etag));
        var byDate = await SendAsync(client, path, r => r.Headers.IfModifiedSince = lastModified);
        app.AdvanceTime(TimeSpan.FromMinutes(5));
        await app.PublishedPostAsync(editor, PostType.Event);
        var afterPublishing = await SendAsync(client, path, r => r.Headers.IfNoneMatch.Add(etag));

        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, byTag.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Empty(await byDate.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, afterPublishing.StatusCode);
        Assert.NotEqual(etag, afterPublishing.Headers.ETag);
        Assert.True(afterPublishing.Content.Headers.LastModified > lastModified);
    }

    [Fact]
    public async Task PagesAnnounceTheFeedsAndTheListLinksTheFeedsOfItsSelection()
    {
        var org = await app.CreateOrganizationAsync();
        var topic = await app.AddTopicAsync(org, "Umwelt");
        var client = app.CreateClient(org);

        var home = await client.GetPageAsync("/");
        var list = await client.GetPageAsync($"/aktuelles?thema={topic.Slug}&typ=nachricht");

        Assert.NotNull(home.QuerySelector("head link[rel=alternate][type='application/rss+xml'][href='/feeds/rss']"));
        Assert.NotNull(home.QuerySelector("head link[rel=alternate][type='application/atom+xml'][href='/feeds/atom']"));
        Assert.NotNull(list.QuerySelector($"main a[href='/feeds/rss?typ=nachricht&thema={topic.Slug}']"));
        Assert.NotNull(list.QuerySelector($"main a[href='/feeds/atom?typ=nachricht&thema={topic.Slug}']"));
        Assert.NotNull(list.QuerySelector($"main a[href='/feeds/kalender.ics?thema={topic.Slug}']"));
    }

    private static IEnumerable<JsonElement> Items(JsonElement feed) => feed.GetProperty("items").EnumerateArray();

    private static async Task<List<string>> SlugsAsync(HttpClient client, string path)
    {
        var feed = await ThirdPartyParsers.ParseFeedAsync(await client.GetStringAsync(path));
        return Items(feed).Select(i => i.GetProperty("link").GetString()!.Split('/').Last()).ToList();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, Action<HttpRequestMessage> conditions)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        conditions(request);
        return await client.SendAsync(request);
    }
}

public sealed class SqliteFeedsTests(SqliteApp app) : FeedsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFeedsTests(PostgresApp app) : FeedsTests(app), IClassFixture<PostgresApp>;
