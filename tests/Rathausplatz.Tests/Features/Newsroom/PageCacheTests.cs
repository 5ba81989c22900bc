using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Tests.Support;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Newsroom;

/// <summary>
/// Public pages and feeds come from the output cache for anonymous visitors, never across organisations,
/// languages or sign-ins, and a change shows on the very next request. A cache hit carries <c>Age</c>.
/// </summary>
public abstract class PageCacheTests(RathausplatzApp app)
{
    [Fact]
    public async Task TheSecondAnonymousRequestComesFromTheCache()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, slug) = await app.PublishedPostAsync(editor, PostType.JobPosting);
        var (_, alert) = await app.PublishedPostAsync(editor, PostType.Alert);
        var client = app.CreateClient(org);

        foreach (var path in new[] { "/", "/aktuelles", $"/aktuelles/{slug}", "/jobs", "/veranstaltungen", "/impressum", "/feeds/rss", "/feeds/atom", "/feeds/kalender.ics",
            "/feeds/cap", $"/aktuelles/{alert}/cap.xml", "/sitemap.xml", "/api/v1/posts", "/api/v1/jobs", $"/api/v1/posts/{slug}" })
        {
            var first = await client.GetAsync(path);
            var second = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.False(first.Headers.Age.HasValue, $"{path} came from the cache the first time");
            Assert.True(second.Headers.Age.HasValue, $"{path} was not served from the cache the second time");
            Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task QueriesAreCachedApart()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, news) = await app.PublishedPostAsync(editor);
        var (_, job) = await app.PublishedPostAsync(editor, PostType.JobPosting);
        var client = app.CreateClient(org);
        await client.GetAsync("/aktuelles?typ=nachricht");

        var jobs = await MainTextAsync(client, "/aktuelles?typ=stelle");

        Assert.Contains(job, jobs);
        Assert.DoesNotContain(news, jobs);
    }

    [Fact]
    public async Task ANewAlertShowsOnTheVeryNextRequestOfEveryPage()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, article) = await app.PublishedPostAsync(editor);
        var client = app.CreateClient(org);
        string[] pages = ["/", "/aktuelles", $"/aktuelles/{article}", "/jobs", "/datenschutz"];
        string[] machines = ["/feeds/rss", "/feeds/cap", "/sitemap.xml", "/api/v1/posts"];
        foreach (var path in pages.Concat(machines))
            await WarmAsync(client, path);

        var (alertId, alert) = await app.PublishedPostAsync(editor, PostType.Alert, f => f.Severity = AlertSeverity.Danger);

        foreach (var path in pages)
            Assert.Contains(alert, (await client.GetPageAsync(path)).QuerySelector(".alert-banner")?.TextContent ?? "");
        foreach (var path in machines)
            Assert.Contains(alert, await client.GetStringAsync(path));

        Assert.Equal(UnpublishOutcome.Unpublished, await app.AsEditorAsync(editor, (s, me) => s.Get<UnpublishPost>().RunAsync(alertId, me, default)));

        foreach (var path in pages)
            Assert.Null((await client.GetPageAsync(path)).QuerySelector(".alert-banner"));
    }

    [Fact]
    public async Task AnEditOfAPublishedPostShowsAtOnce()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (id, slug) = await app.PublishedPostAsync(editor);
        var client = app.CreateClient(org);
        await WarmAsync(client, $"/aktuelles/{slug}");
        await WarmAsync(client, "/feeds/atom");

        await app.AsEditorAsync(editor, async (s, me) =>
        {
            var post = await s.Db.Set<Post>().Include(p => p.Contents).Include(p => p.Topics).Include(p => p.Districts).SingleAsync(p => p.Id == id);
            var form = post.ToForm();
            form.Title = "Geänderter Titel " + slug;
            return await s.Get<SavePost>().UpdateAsync(id, form, me, default);
        });

        Assert.Contains("Geänderter Titel " + slug, await MainTextAsync(client, $"/aktuelles/{slug}"));
        Assert.Contains("Geänderter Titel " + slug, await client.GetStringAsync("/feeds/atom"));
    }

    [Fact]
    public async Task AScheduledPostShowsAsSoonAsTheJobPublishesIt()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (id, slug) = await app.DraftPostAsync(editor, fill: f => f.PublishAt = TownTime.ToLocal(app.Now.AddHours(1)));
        Assert.Equal(PublishOutcome.Scheduled, await app.PublishAsync(editor, id));
        // The clock moves without emptying the cache (unlike AdvanceTime): only the job's save may evict.
        app.Time.Advance(TimeSpan.FromHours(1));
        var client = app.CreateClient(org);
        await WarmAsync(client, "/");
        Assert.DoesNotContain(slug, await MainTextAsync(client, "/"));

        await app.RunJobsUntilIdleAsync();

        Assert.Contains(slug, await MainTextAsync(client, "/"));
    }

    [Fact]
    public async Task ChangedLegalTextsShowAtOnce()
    {
        var org = await app.CreateOrganizationAsync();
        var client = app.CreateClient(org);
        await WarmAsync(client, "/impressum");

        await using (var scope = app.InOrganization(org))
        {
            var organization = await scope.Db.Set<Rathausplatz.Features.Organizations.Organization>().SingleAsync(o => o.Id == org.Id);
            organization.Imprint = "Neue Anschrift " + org.Slug;
            await scope.Db.SaveChangesAsync();
        }

        Assert.Contains("Neue Anschrift " + org.Slug, await MainTextAsync(client, "/impressum"));
    }

    [Fact]
    public async Task EntriesLiveNoLongerThanTheNextChangeOnTheClock()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var client = app.CreateClient(org);
        await client.GetAsync("/");
        Assert.Equal(TimeSpan.FromSeconds(60), app.PageCache.LifetimeOf("/"));

        await app.PublishedPostAsync(editor, PostType.Alert, f => f.ValidUntil = TownTime.ToLocal(app.Now.AddSeconds(20)));
        await client.GetAsync("/");

        Assert.Equal(TimeSpan.FromSeconds(20), app.PageCache.LifetimeOf("/"));
    }

    [Fact]
    public async Task AnAllDayEventLimitsTheLifetimeToTheEndOfItsDay()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        // Twenty seconds before midnight in the town: the event leaves the upcoming lists then.
        var today = TownTime.ToLocal(app.Now)!.Value.Date;
        if (TownTime.ToUtc(today.AddDays(1))!.Value - app.Now <= TimeSpan.FromSeconds(20))
            today = today.AddDays(1);
        app.AdvanceTime(TownTime.ToUtc(today.AddDays(1))!.Value - TimeSpan.FromSeconds(20) - app.Now);
        await app.PublishedPostAsync(editor, PostType.Event, f => (f.EventStart, f.EventAllDay) = (today, true));
        var client = app.CreateClient(org);

        await client.GetAsync("/");

        Assert.Equal(TimeSpan.FromSeconds(20), app.PageCache.LifetimeOf("/"));
    }

    [Fact]
    public async Task SignedInAndAnonymousVisitorsNeverShareAPage()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var anonymous = app.CreateClient(org);
        var signedIn = await app.CreateSignedInClientAsync(editor);
        await WarmAsync(anonymous, "/");

        var mine = await signedIn.GetAsync("/");
        var mineAgain = await signedIn.GetAsync("/");
        var theirs = await anonymous.GetAsync("/");

        Assert.False(mine.Headers.Age.HasValue);
        Assert.False(mineAgain.Headers.Age.HasValue);
        Assert.Contains("/newsroom", await mineAgain.Content.ReadAsStringAsync());
        Assert.True(theirs.Headers.Age.HasValue);
        var anonymousHtml = await theirs.Content.ReadAsStringAsync();
        Assert.DoesNotContain("/newsroom", anonymousHtml);
        Assert.DoesNotContain("/accounts/signout", anonymousHtml);
    }

    [Fact]
    public async Task CachedPagesCarryNoAntiforgeryTokenAndSetNoCookie()
    {
        var org = await app.CreateOrganizationAsync();
        var client = app.CreateClient(org);

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("__RequestVerificationToken", html);
        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join(" / ", response.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value))));
        // The language switch works without a token, so it can sit on cached pages.
        Assert.Contains("action=\"/culture\"", html);
    }

    [Fact]
    public async Task AnAnswerThatSetsACookieIsNotStored()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        await WarmAsync(app.CreateClient(org), "/");
        var leaving = await app.CreateSignedInClientAsync(editor);
        var signOut = await leaving.GetPageAsync("/accounts/signout");
        await signOut.FormWithButton("Abmelden").SubmitAsync(leaving);

        // The next page carries the one-time message in a cookie: made afresh, not stored, the cookie deleted.
        var afterSignOut = await leaving.GetAsync("/");
        var someoneElse = await app.CreateClient(org).GetAsync("/");

        Assert.False(afterSignOut.Headers.Age.HasValue);
        Assert.Contains("Sie sind abgemeldet.", await afterSignOut.Content.ReadAsStringAsync());
        Assert.True(afterSignOut.Headers.Contains("Set-Cookie"));
        Assert.True(someoneElse.Headers.Age.HasValue);
        Assert.DoesNotContain("Sie sind abgemeldet.", await someoneElse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EnglishAndGermanAreCachedApart()
    {
        var org = await app.CreateOrganizationAsync();
        var german = app.CreateClient(org, "de-DE");
        var english = app.CreateClient(org, "en-GB,en;q=0.8");
        var byCookie = app.CreateClient(org);
        await byCookie.PostAsync("/culture", new FormUrlEncodedContent([new("culture", "en"), new("returnUrl", "/")]));

        var de = await german.GetPageAsync("/");
        var en = await english.GetPageAsync("/");
        var deAgain = await german.GetPageAsync("/");
        var enByCookie = await byCookie.GetPageAsync("/");

        Assert.Equal("de", de.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.Equal("de", deAgain.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", enByCookie.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task TwoOrganizationsNeverShareAPage()
    {
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        await WarmAsync(app.CreateClient(a), "/");
        await WarmAsync(app.CreateClient(a), "/feeds/rss");

        var home = await app.CreateClient(b).GetPageAsync("/");
        var feed = await app.CreateClient(b).GetStringAsync("/feeds/rss");

        Assert.Contains(b.Name, home.Title);
        Assert.DoesNotContain(a.Name, home.DocumentElement.OuterHtml);
        Assert.Contains(b.Name, feed);
        Assert.DoesNotContain(a.Name, feed);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task PublicAnswersAreCompressedOnceAndServedCompressedFromTheCache(string encoding)
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, slug) = await app.PublishedPostAsync(editor);
        var compressing = app.CreateClient(org);
        compressing.DefaultRequestHeaders.AcceptEncoding.ParseAdd(encoding);

        foreach (var path in new[] { "/", $"/aktuelles/{slug}", "/feeds/rss", "/feeds/atom", "/feeds/kalender.ics", "/api/v1/posts" })
        {
            var first = await compressing.GetAsync(path);
            var second = await compressing.GetAsync(path);
            var plain = await app.CreateClient(org).GetAsync(path);

            Assert.Equal([encoding], first.Content.Headers.ContentEncoding);
            Assert.True(second.Headers.Age.HasValue, $"{path} was not served from the cache the second time");
            Assert.Equal([encoding], second.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", second.Headers.Vary);
            // A client that asked for no encoding gets its own entry, uncompressed, with the same text.
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            var text = await plain.Content.ReadAsStringAsync();
            Assert.Equal(text, await DecompressAsync(first, encoding));
            Assert.Equal(text, await DecompressAsync(second, encoding));
        }
    }

    [Fact]
    public async Task PersonalAnswersAndFormsWithATokenAreNeverCompressed()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var signedIn = await app.CreateSignedInClientAsync(editor);
        var anonymous = app.CreateClient(org);
        foreach (var client in new[] { signedIn, anonymous })
            client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");

        var home = await signedIn.GetAsync("/");
        var newsroom = await signedIn.GetAsync("/newsroom");
        var signInForm = await anonymous.GetAsync("/accounts/signin");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Empty(home.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.OK, newsroom.StatusCode);
        Assert.Empty(newsroom.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.OK, signInForm.StatusCode);
        Assert.Contains("__RequestVerificationToken", await signInForm.Content.ReadAsStringAsync());
        Assert.Empty(signInForm.Content.Headers.ContentEncoding);
    }

    private static async Task<string> DecompressAsync(HttpResponseMessage response, string encoding)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Two requests, so the second is known to come from the cache.</summary>
    private static async Task WarmAsync(HttpClient client, string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        Assert.True((await client.GetAsync(path)).Headers.Age.HasValue, $"{path} is not cached");
    }

    private static async Task<string> MainTextAsync(HttpClient client, string path) =>
        (await client.GetPageAsync(path)).QuerySelector("main")!.TextContent;
}

public sealed class SqlitePageCacheTests(SqliteApp app) : PageCacheTests(app), IClassFixture<SqliteApp>;
public sealed class PostgresPageCacheTests(PostgresApp app) : PageCacheTests(app), IClassFixture<PostgresApp>;
/// <summary>The same with the store several nodes share: evicting goes through Redis.</summary>
public sealed class RedisPageCacheTests(RedisCacheApp app) : PageCacheTests(app), IClassFixture<RedisCacheApp>
{
    [Fact]
    public void TheEntriesLiveInRedis() =>
        Assert.Contains("Redis", app.Services.GetRequiredService<IOutputCacheStore>().GetType().FullName);
}
