using System.Net;
using System.Text.RegularExpressions;
using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Audiences;

/// <summary>
/// A citizen subscribes to the town's news by e-mail: the form, the "please confirm" page, the link
/// from the mail, the confirmation button and the preferences page, each checked with axe at both widths.
/// </summary>
public sealed partial class SubscriptionJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Email = "leser.journey@example.org";

    [Fact]
    public async Task ACitizenSubscribesConfirmsThroughTheMailedLinkAndReachesThePreferences()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;

        await page.GotoAsync("/abonnieren");
        await Assertions.Expect(page.Heading("Nachrichten per E-Mail abonnieren")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "subscribe-01-form");
        await page.Field("E-Mail-Adresse").FillAsync(Email);
        await page.Button("Abonnieren").ClickAsync();
        await Assertions.Expect(page.Heading("Bitte bestätigen Sie Ihr Abonnement")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "subscribe-02-requested");

        // The job worker sends the confirmation mail; its link names the organisation's host, not the port.
        var mail = await app.Mail.WaitForAsync(m => m.To.ToString().Contains(Email, StringComparison.OrdinalIgnoreCase), $"a mail to {Email}");
        var link = ConfirmationPath().Match(mail.TextBody ?? mail.HtmlBody ?? "");
        Assert.True(link.Success, $"The confirmation mail has no link to /abonnement/bestaetigen:\n{mail.TextBody ?? mail.HtmlBody}");
        await page.GotoAsync(WebUtility.HtmlDecode(link.Value));
        await Assertions.Expect(page.Heading("Abonnement bestätigen")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "subscribe-03-confirm");

        await page.Button("Abonnement bestätigen").ClickAsync();
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Status)).ToContainTextAsync("Ihr Abonnement ist bestätigt.");
        await PageChecks.CheckAsync(page, "subscribe-04-confirmed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Auswahl ändern" }).ClickAsync();
        await Assertions.Expect(page.Heading("Ihr Abonnement")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "subscribe-05-preferences");
    }

    [Fact]
    public async Task ASubscriberChoosesTheirDistrictByAClickOnTheMapAndItIsRemembered()
    {
        const string email = "leser.karte@example.org";
        await using var session = await app.OpenAsync(output);
        var page = session.Page;
        // Nothing leaves this machine: the tile server's requests get a local blank tile, any other outside request fails the test.
        var tiles = 0;
        var outside = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith(app.BaseUrl, StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else if (url.StartsWith("https://tile.openstreetmap.org/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref tiles);
                await route.FulfillAsync(new() { Status = 200, ContentType = "image/png", BodyBytes = BlankTile });
            }
            else
            {
                lock (outside)
                    outside.Add(url);
                await route.AbortAsync();
            }
        });
        await SubscribeAndOpenThePreferencesAsync(page, email);

        // The map fits the five demo districts around the Altstadt, so the middle of the map lies in it.
        var map = page.Locator(".district-map__canvas");
        await Assertions.Expect(map).ToBeVisibleAsync();
        await Assertions.Expect(map.Locator(".leaflet-overlay-pane path")).ToHaveCountAsync(5);
        var altstadt = page.GetByRole(AriaRole.Checkbox, new() { Name = "Altstadt", Exact = true });
        await Assertions.Expect(altstadt).Not.ToBeCheckedAsync();
        var box = await map.BoundingBoxAsync();
        await page.Mouse.ClickAsync(box!.X + box.Width / 2, box.Y + box.Height / 2);

        await Assertions.Expect(page.Locator("[data-district-map-status]")).ToHaveTextAsync("Stadtteil Altstadt ist ausgewählt.");
        await Assertions.Expect(altstadt).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Nordstadt", Exact = true })).Not.ToBeCheckedAsync();
        await PageChecks.CheckAsync(page, "subscribe-06-map-click");
        await page.Button("Auswahl speichern").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Altstadt", Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Oststadt", Exact = true })).Not.ToBeCheckedAsync();
        Assert.True(tiles > 0, "The map requested no tiles.");
        Assert.Empty(outside);
    }

    private async Task SubscribeAndOpenThePreferencesAsync(IPage page, string email)
    {
        await page.GotoAsync("/abonnieren");
        await page.Field("E-Mail-Adresse").FillAsync(email);
        await page.Button("Abonnieren").ClickAsync();
        await Assertions.Expect(page.Heading("Bitte bestätigen Sie Ihr Abonnement")).ToBeVisibleAsync();
        var mail = await app.Mail.WaitForAsync(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase), $"a mail to {email}");
        await page.GotoAsync(WebUtility.HtmlDecode(ConfirmationPath().Match(mail.TextBody ?? mail.HtmlBody ?? "").Value));
        await page.Button("Abonnement bestätigen").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Auswahl ändern" }).ClickAsync();
        await Assertions.Expect(page.Heading("Ihr Abonnement")).ToBeVisibleAsync();
    }

    // A 1 × 1 light grey PNG, served for every tile.
    private static readonly byte[] BlankTile = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN49+4FAAWSAsUs0TWTAAAAAElFTkSuQmCC");

    [GeneratedRegex(@"/abonnement/bestaetigen/[^\s""'<>]+")]
    private static partial Regex ConfirmationPath();
}
