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

    [GeneratedRegex(@"/abonnement/bestaetigen/[^\s""'<>]+")]
    private static partial Regex ConfirmationPath();
}
