using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Intranet;

/// <summary>
/// Mia Mitarbeit (staff) opens an invitation-only project space and invites an association as a guest by mail;
/// the guest chooses a password, sees that one space and nothing else, and posts; Mia mentions the guest, who
/// finds the mention on /intranet and follows a #tag. Every page is checked with axe at both widths.
/// </summary>
public sealed partial class IntranetJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string GuestEmail = "radverein@example.org";
    private const string GuestPassword = "Radverein-Musterstadt-2026";

    [Fact]
    public async Task StaffOpenAProjectInviteAGuestWhoPostsAndIsMentioned()
    {
        await using var staff = await app.OpenSignedInAsync("mitarbeit@musterstadt.example", output);
        var page = staff.Page;

        await page.GotoAsync("/");
        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Intranet" }).ClickAsync();
        await Assertions.Expect(page.Heading("Neues aus meinen Räumen")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Anna Admin hat Sie in „Digitale Verwaltung“ erwähnt");
        await PageChecks.CheckAsync(page, "intranet-01-stream");

        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Alle Räume" }).ClickAsync();
        await Assertions.Expect(page.Heading("Räume")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "intranet-02-spaces");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Raum anlegen" }).ClickAsync();
        await page.Field("Titel").FillAsync("Projekt Radwege");
        await page.OptionalField("Beschreibung").FillAsync("Neue Radwege an der Hauptstraße, **mit dem Radverein**.");
        await page.GetByLabel("Projekt", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Nur auf Einladung", new() { Exact = true }).CheckAsync();
        await PageChecks.CheckAsync(page, "intranet-03-new-space");
        await page.Button("Raum anlegen").ClickAsync();

        await Assertions.Expect(page.Heading("Projekt Radwege")).ToBeVisibleAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Der Raum ist angelegt. Sie sind verantwortlich.");
        var spaceUrl = page.Url;
        await PageChecks.CheckAsync(page, "intranet-04-space");

        await page.GotoAsync(spaceUrl + "/mitglieder");
        await page.Field("Name").FillAsync("Verein Radfahren");
        await page.Field("E-Mail-Adresse").FillAsync(GuestEmail);
        await page.Button("Gast einladen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Verein Radfahren ist als Gast eingeladen und bekommt eine E-Mail.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("@Verein.Radfahren");
        await PageChecks.CheckAsync(page, "intranet-05-members");

        // The guest chooses a password from the mail and signs in.
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == GuestEmail), $"to {GuestEmail}");
        await using var guestSession = await app.OpenAsync(output);
        var guest = guestSession.Page;
        await guest.GotoAsync(InvitationLink(mail).AbsoluteUri);
        await guest.Field("Neues Passwort").FillAsync(GuestPassword);
        await guest.Field("Neues Passwort wiederholen").FillAsync(GuestPassword);
        await guest.Button("Passwort speichern").ClickAsync();
        await Assertions.Expect(guest.GetByRole(AriaRole.Status)).ToContainTextAsync("Ihr Passwort wurde geändert.");
        await guest.SignInWithPasswordAsync(GuestEmail, GuestPassword);
        await Assertions.Expect(guest.MyAccountLink()).ToBeVisibleAsync();

        await guest.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Intranet" }).ClickAsync();
        await guest.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Alle Räume" }).ClickAsync();
        await Assertions.Expect(guest.Locator(".space-card")).ToHaveCountAsync(1);
        await Assertions.Expect(guest.Locator("main")).Not.ToContainTextAsync("Raum anlegen");
        await PageChecks.CheckAsync(guest, "intranet-06-guest-spaces");
        await guest.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Projekt Radwege" }).ClickAsync();
        await guest.Field("Neuer Beitrag").FillAsync("Wir sind dabei! Unsere Streckenvorschläge kommen diese Woche. #radwege");
        await guest.Button("Veröffentlichen").ClickAsync();
        await Assertions.Expect(guest.StatusMessage()).ToContainTextAsync("Ihr Beitrag ist veröffentlicht.");
        await PageChecks.CheckAsync(guest, "intranet-07-guest-posted");

        // Mia thanks the guest by mention; the guest finds it on /intranet and follows the tag.
        await page.GotoAsync(spaceUrl);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Unsere Streckenvorschläge");
        await page.Field("Neuer Beitrag").FillAsync("@Verein.Radfahren danke! Wir sprechen am Montag darüber. #radwege");
        await page.Button("Veröffentlichen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihr Beitrag ist veröffentlicht.");

        await guest.GotoAsync("/intranet");
        await Assertions.Expect(guest.Locator("main")).ToContainTextAsync("Mia Mitarbeit hat Sie in „Projekt Radwege“ erwähnt");
        await PageChecks.CheckAsync(guest, "intranet-08-guest-mentioned");
        await guest.Locator(".stream-post__body").GetByRole(AriaRole.Link, new() { Name = "#radwege" }).First.ClickAsync();
        await Assertions.Expect(guest.GetByRole(AriaRole.Heading, new() { Name = "Beiträge mit #radwege" })).ToBeVisibleAsync();
        await Assertions.Expect(guest.Locator(".stream-post")).ToHaveCountAsync(2);
        await guest.GetByRole(AriaRole.Link, new() { Name = "Kommentare" }).First.ClickAsync();
        await guest.Button("Hilfreich (0)").ClickAsync();
        await Assertions.Expect(guest.StatusMessage()).ToContainTextAsync("Danke für Ihre Reaktion.");
        await PageChecks.CheckAsync(guest, "intranet-09-post");
    }

    [Fact]
    public async Task TheSpacePageWorksWithoutJavaScript()
    {
        await using var session = await app.OpenSignedInAsync("redaktion@musterstadt.example", output, javaScript: false);
        var page = session.Page;
        await page.GotoAsync("/intranet/raeume");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Digitale Verwaltung" }).ClickAsync();
        await page.Button("Veröffentlichen").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Bitte schreiben Sie einen Text.");
        await PageChecks.ScreenshotAsync(page, "intranet-nojs-refused");
        await page.Field("Neuer Beitrag").FillAsync("Ohne Skript geht es auch. #barrierefreiheit");
        // Files ride along in the same form: an image becomes a thumbnail, a PDF a download link.
        await page.GetByLabel("Dateien anhängen (freiwillig)").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "Lageplan.png", MimeType = "image/png", Buffer = LagePlan() },
            new FilePayload { Name = "Checkliste.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes(
                "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n") },
        });
        await page.Button("Veröffentlichen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihr Beitrag ist veröffentlicht.");
        var newest = page.Locator(".stream-post").First;
        await Assertions.Expect(newest.GetByRole(AriaRole.Img, new() { Name = "Lageplan.png" })).ToBeVisibleAsync();
        await Assertions.Expect(newest.GetByRole(AriaRole.Link, new() { Name = "Checkliste.pdf" })).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, "intranet-nojs-posted");
    }

    [Fact]
    public async Task TheOwnerEditsAPostMarksItMustReadAndSeesWhoHasReadIt()
    {
        await using var owner = await app.OpenSignedInAsync("mitarbeit@musterstadt.example", output);
        var page = owner.Page;
        await page.GotoAsync("/intranet/raeume");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Digitale Verwaltung" }).ClickAsync();
        await page.Field("Neuer Beitrag").FillAsync("Ab 1. Dezember gilt die neue Dienstanweisung zur E-Akte. #eakte");
        await page.Button("Veröffentlichen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihr Beitrag ist veröffentlicht.");
        await page.Locator(".stream-post").First.GetByRole(AriaRole.Link, new() { Name = "Kommentare" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Beitrag bearbeiten" }).ClickAsync();
        await PageChecks.CheckAsync(page, "intranet-10-edit-post");
        await page.Field("Text").FillAsync("Ab 1. Dezember gilt die neue Dienstanweisung zur E-Akte. Bitte lesen! #eakte #dienstanweisung");
        await page.Button("Änderung speichern").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihr Beitrag ist geändert.");
        await Assertions.Expect(page.Locator(".stream-post__meta")).ToContainTextAsync("(bearbeitet)");
        await page.Button("Als Pflichtlektüre markieren").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Der Beitrag ist jetzt Pflichtlektüre.");
        await PageChecks.CheckAsync(page, "intranet-11-must-read-post");
        var postUrl = page.Url;

        // A colleague without JavaScript finds it pinned on their own stream and confirms it there.
        await using var reader = await app.OpenSignedInAsync("redaktion@musterstadt.example", output, javaScript: false);
        await reader.Page.GotoAsync("/intranet");
        var pinned = reader.Page.Locator(".must-read-pinned");
        await Assertions.Expect(pinned).ToContainTextAsync("Bitte lesen!");
        await PageChecks.ScreenshotAsync(reader.Page, "intranet-12-must-read-pinned-nojs");
        await pinned.GetByRole(AriaRole.Button, new() { Name = "Gelesen" }).ClickAsync();
        await Assertions.Expect(reader.Page.StatusMessage()).ToContainTextAsync("Danke, Sie haben den Beitrag als gelesen bestätigt.");
        await Assertions.Expect(reader.Page.Locator(".must-read-pinned")).ToHaveCountAsync(0);

        await page.GotoAsync(postUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lesebestätigungen" }).ClickAsync();
        await Assertions.Expect(page.Heading("Lesebestätigungen")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("1 von 3 Mitgliedern haben bestätigt.");
        await Assertions.Expect(page.Locator("section[aria-labelledby=confirmed-heading]")).ToContainTextAsync("Rudi Redaktion");
        await PageChecks.CheckAsync(page, "intranet-13-read-report");
    }

    private static Uri InvitationLink(MimeMessage mail)
    {
        var body = mail.TextBody ?? mail.HtmlBody ?? "";
        var match = ResetPasswordLink().Match(body);
        Assert.True(match.Success, $"The invitation has no link to /accounts/resetpassword:\n{body}");
        return new Uri(WebUtility.HtmlDecode(match.Value));
    }

    [GeneratedRegex(@"https?://[^\s""'<>/]+/accounts/resetpassword\?[^\s""'<>]+")]
    private static partial Regex ResetPasswordLink();

    private static byte[] LagePlan()
    {
        using var bitmap = new SkiaSharp.SKBitmap(900, 600);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(new SkiaSharp.SKColor(230, 236, 244));
            using var road = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(32, 68, 170), StrokeWidth = 24 };
            canvas.DrawLine(0, 300, 900, 260, road);
            canvas.DrawLine(420, 0, 460, 600, road);
        }
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
