using System.Globalization;
using System.Text.RegularExpressions;
using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Newsroom;

/// <summary>
/// The newsroom from writing to every channel: the organisation admin switches on four-eyes review,
/// an editor writes an event and submits it, the admin approves it for a time tomorrow, the clock
/// moves on, and the event is on the home page, its own page, in RSS, Atom, the calendar and the API.
/// Every page on the way is checked with axe and photographed at both widths.
/// </summary>
public sealed class NewsroomJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Editor = "redaktion@musterstadt.example";
    private const string Admin = "verwaltung@musterstadt.example";
    private const string Title = "Adventskonzert im Rathaus";
    private const string Slug = "adventskonzert-im-rathaus";
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public async Task AnEventIsWrittenReviewedScheduledAndThenAppearsOnEveryChannel()
    {
        await using var admin = await app.OpenSignedInAsync(Admin, output);
        await using var editor = await app.OpenSignedInAsync(Editor, output);
        await using var citizen = await app.OpenAsync(output);

        await SwitchOnFourEyesReviewAsync(admin.Page);
        var postPath = await WriteAndSubmitEventAsync(editor.Page);
        await ApproveAsync(admin.Page, postPath);

        var missing = await citizen.Page.GotoAsync($"/aktuelles/{Slug}");
        Assert.Equal(404, missing?.Status);

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(5));
        await WaitUntilPublishedAsync(citizen.Page);

        await CheckPublicPagesAsync(citizen.Page);
        await CheckMachineReadableChannelsAsync(citizen.Page);
        await CheckBackOfficeAfterPublishingAsync(editor.Page, postPath);
    }

    private static async Task SwitchOnFourEyesReviewAsync(IPage page)
    {
        await page.GotoAsync("/newsroom/settings");
        await PageChecks.CheckAsync(page, "newsroom-settings");
        await page.Field("Vier-Augen-Prinzip: Eine zweite Person gibt jeden Beitrag frei").CheckAsync();
        await page.Button("Speichern").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToBeVisibleAsync();
    }

    private async Task<string> WriteAndSubmitEventAsync(IPage page)
    {
        await page.GotoAsync("/newsroom");
        await Assertions.Expect(page.Heading("Redaktion")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "newsroom-index");

        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Veranstaltung", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/newsroom/new/veranstaltung$"));
        await PageChecks.CheckAsync(page, "newsroom-new-event");

        var now = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Berlin).DateTime;
        await page.Field("Titel").FillAsync(Title);
        await page.OptionalField("Zusammenfassung").FillAsync("Der Kammerchor singt im Festsaal; der Eintritt ist frei.");
        await page.OptionalField("Text (Markdown)").FillAsync("## Programm\n\n- Bach\n- Händel\n\nEinlass ab **17:30 Uhr**.");
        await page.Field("Beginn").FillAsync(LocalInput(now.Date.AddDays(10).AddHours(18)));
        await page.OptionalField("Ende").FillAsync(LocalInput(now.Date.AddDays(10).AddHours(20)));
        await page.OptionalField("Ort").FillAsync("Rathaus, Festsaal");
        await page.OptionalField("Veröffentlichen am").FillAsync(LocalInput(now.AddDays(1)));
        await page.Button("Entwurf speichern").ClickAsync();

        await Assertions.Expect(page.Heading(Title)).ToBeVisibleAsync();
        var postPath = new Uri(page.Url).AbsolutePath;
        Assert.Matches("^/newsroom/[0-9a-f-]{36}$", postPath);
        await PageChecks.CheckAsync(page, "newsroom-post-draft");
        await page.GotoAsync(postPath + "/edit");
        await Assertions.Expect(page.Field("Titel")).ToHaveValueAsync(Title);
        await PageChecks.CheckAsync(page, "newsroom-post-edit");
        await page.GotoAsync(postPath);

        await page.Button("Zur Prüfung geben").ClickAsync();
        await Assertions.Expect(page.Locator(".kern-subline")).ToContainTextAsync("In Prüfung");
        return postPath;
    }

    private static async Task ApproveAsync(IPage page, string postPath)
    {
        await page.GotoAsync("/newsroom?ansicht=pruefung");
        await PageChecks.CheckAsync(page, "newsroom-review-queue");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(postPath) + "$"));
        await PageChecks.CheckAsync(page, "newsroom-post-in-review");

        await page.Button("Freigeben").ClickAsync();
        await Assertions.Expect(page.Locator(".kern-subline")).ToContainTextAsync("Geplant");
        await PageChecks.CheckAsync(page, "newsroom-post-scheduled");
    }

    // The job worker polls every two seconds; the publish job falls due once the clock has moved on.
    private static async Task WaitUntilPublishedAsync(IPage page)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var response = await page.GotoAsync($"/aktuelles/{Slug}");
            if (response?.Status == 200)
                return;
            await Task.Delay(500);
        }
        Assert.Fail($"/aktuelles/{Slug} was not published within 20 seconds of its time.");
    }

    private static async Task CheckPublicPagesAsync(IPage page)
    {
        await Assertions.Expect(page.Heading(Title)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Rathaus, Festsaal");
        await PageChecks.CheckAsync(page, "public-event");

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "home-with-event");

        await page.GotoAsync("/aktuelles?typ=veranstaltung");
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "public-list-events");

        await page.GotoAsync("/jobs");
        await PageChecks.CheckAsync(page, "public-jobs");
    }

    private static async Task CheckMachineReadableChannelsAsync(IPage page)
    {
        foreach (var (path, expected) in new[]
        {
            ("/feeds/rss", $"<title>{Title}</title>"),
            ("/feeds/atom", $"<title>{Title}</title>"),
            ("/feeds/kalender.ics", $"SUMMARY:{Title}"),
            ($"/aktuelles/{Slug}/kalender.ics", $"SUMMARY:{Title}"),
            ("/api/v1/events", $"\"title\":\"{Title}\""),
        })
        {
            var response = await page.APIRequest.GetAsync(path);
            Assert.Equal(200, response.Status);
            Assert.Contains(expected, await response.TextAsync(), StringComparison.Ordinal);
        }
    }

    private static async Task CheckBackOfficeAfterPublishingAsync(IPage page, string postPath)
    {
        await page.GotoAsync(postPath);
        await Assertions.Expect(page.Locator(".kern-subline")).ToContainTextAsync("Veröffentlicht");
        await PageChecks.CheckAsync(page, "newsroom-post-published");

        await page.GotoAsync(postPath + "/history");
        await PageChecks.CheckAsync(page, "newsroom-post-history");

        await page.GotoAsync("/newsroom?ansicht=entwuerfe");
        await PageChecks.CheckAsync(page, "newsroom-my-drafts");
    }

    private static string LocalInput(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
