using System.Text.RegularExpressions;
using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Newsroom;

/// <summary>The event calendar and the news list's date filter (public) and the revision diff (editors), with axe at both widths and screenshots.</summary>
public sealed class NewsroomPagesTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Editor = "redaktion@musterstadt.example";

    [Fact]
    public async Task TheEventCalendarShowsAMonthGridOnWideScreensAndAListOnPhones()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Veranstaltungskalender" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl + "/veranstaltungen");
        await Assertions.Expect(page.Locator("td[aria-current=date]")).ToBeVisibleAsync();
        // The demo's weekly market starts on the next Saturday (as DemoPosts seeds it) and appears on every Saturday
        // from then on; after a month's last Saturday that is next month's grid.
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        var firstMarket = today.AddDays(((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7);
        if (firstMarket.Month != today.Month)
            await page.GotoAsync($"/veranstaltungen?monat={firstMarket:yyyy-MM}");
        Assert.True(await page.Locator("table a", new() { HasTextString = "Wochenmarkt" }).CountAsync() >= 1);
        await PageChecks.CheckAsync(page, "newsroom-calendar");

        await page.SetViewportSizeAsync(PageChecks.PhoneWidth, 740);
        await Assertions.Expect(page.Locator(".calendar-grid")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".calendar-list a", new() { HasTextString = "Wochenmarkt" }).First).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page, "newsroom-calendar (phone)");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("→$") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/veranstaltungen\?monat=\d{4}-\d{2}$"));
        await Assertions.Expect(page.Locator(".calendar-list a", new() { HasTextString = "Wochenmarkt" }).First).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, "newsroom-calendar-next-month");
    }

    [Fact]
    public async Task TheNewsListRefusesAnEndDateBeforeTheStartWithAMessageAtTheField()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;

        await page.GotoAsync("/aktuelles");
        await page.OptionalField("Ab Datum").FillAsync("2026-12-10");
        await page.OptionalField("Bis Datum").FillAsync("2026-12-01");
        await page.Button("Filtern").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/aktuelles\?.*von=2026-12-10.*bis=2026-12-01"));
        await Assertions.Expect(page.OptionalField("Bis Datum")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#bis-error")).ToContainTextAsync("Das Enddatum liegt vor dem Anfangsdatum.");
        await Assertions.Expect(page.OptionalField("Ab Datum")).ToHaveValueAsync("2026-12-10");
        await PageChecks.CheckAsync(page, "public-list-date-error");
    }

    [Fact]
    public async Task AnEditorComparesAVersionWithTheOneBeforeAndRestoresIt()
    {
        await using var session = await app.OpenSignedInAsync(Editor, output);
        var page = session.Page;

        await page.GotoAsync("/newsroom");
        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Radwege in der Nordstadt" }).First.ClickAsync();
        // The demo posts were seeded without revisions: save once unchanged, so there is a version before the change.
        await page.GetByRole(AriaRole.Link, new() { Name = "Bearbeiten", Exact = true }).ClickAsync();
        await page.Button("Änderungen speichern").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Bearbeiten", Exact = true }).ClickAsync();
        await page.Field("Titel").FillAsync("Neue Radwege in der Nordstadt fertig");
        var body = page.Locator("#Input_Body");
        await body.FillAsync((await body.InputValueAsync()).Replace("zwei neue", "drei neue"));
        await page.Button("Änderungen speichern").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Versionen" }).ClickAsync();
        await page.Locator("tr.revision").First.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Änderungen") }).ClickAsync();

        await Assertions.Expect(page.Locator("ins", new() { HasTextString = "Neue Radwege in der Nordstadt fertig" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("del", new() { HasTextString = "zwei neue" })).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "newsroom-revision-diff");

        await page.GetByRole(AriaRole.Link, new() { Name = "Zurück zu den Versionen" }).ClickAsync();
        await page.Locator("tr.revision").Nth(1).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^mit aktuellem Stand") }).ClickAsync();
        await page.Button("Version wiederherstellen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Version ist wiederhergestellt.");
        await Assertions.Expect(page.Heading("Neue Radwege in der Nordstadt")).ToBeVisibleAsync();
    }
}
