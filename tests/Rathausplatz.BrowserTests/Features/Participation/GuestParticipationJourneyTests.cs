using System.Net;
using System.Text.RegularExpressions;
using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Participation;

/// <summary>
/// A visitor without an account takes part in the demo town's process, which is open without account: supports a
/// proposal by the link of a mail (with script, every page checked with axe), and answers the survey the same way
/// with script off.
/// </summary>
public sealed partial class GuestParticipationJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AVisitorSupportsAProposalByMail()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;
        const string email = "besucherin@example.org";

        await page.GotoAsync("/beteiligung/marktplatz");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bänke mit Lehnen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ohne Konto unterstützen: Link per E-Mail erhalten" }).ClickAsync();
        await Assertions.Expect(page.Heading("Ohne Konto unterstützen")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "guest-01-request");
        await page.Field("E-Mail-Adresse").FillAsync(email);
        await page.Button("Link per E-Mail senden").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Bitte sehen Sie in Ihr Postfach.");
        await PageChecks.CheckAsync(page, "guest-02-sent");

        await page.GotoAsync(await LinkToAsync(email, "Unterstützung bestätigen"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Möchten Sie diesen Vorschlag unterstützen?");
        await PageChecks.CheckAsync(page, "guest-03-confirm");
        await page.Button("Vorschlag unterstützen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihre Unterstützung wird gezählt");
        await Assertions.Expect(page.Heading("Bänke mit Lehnen")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dt:has-text('Unterstützungen') + dd")).ToHaveTextAsync("2");
    }

    [Fact]
    public async Task AVisitorAnswersTheSurveyByMailWithoutJavaScript()
    {
        await using var session = await app.OpenAsync(output, javaScript: false);
        var page = session.Page;
        const string email = "umfrage-ohne-konto@example.org";

        await page.GotoAsync("/beteiligung/marktplatz");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wie nutzen Sie den Marktplatz?" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ohne Konto teilnehmen: Link per E-Mail erhalten" }).ClickAsync();
        await page.Field("E-Mail-Adresse").FillAsync(email);
        await page.Button("Link per E-Mail senden").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Bitte sehen Sie in Ihr Postfach.");

        await page.GotoAsync(await LinkToAsync(email, "Ihr Link zur Umfrage"));
        await Assertions.Expect(page.Heading("Wie nutzen Sie den Marktplatz?")).ToBeVisibleAsync();
        await page.GetByLabel("Wöchentlich").CheckAsync();
        await PageChecks.ScreenshotAsync(page, "guest-04-survey-no-js");
        await page.Button("Antworten absenden").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Danke! Ihre Antworten sind gespeichert.");
        await Assertions.Expect(page.Locator("main form[data-survey]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnEnglishVisitorIsToldInEnglishWhatIsWrongWithTheAddress()
    {
        await using var session = await app.OpenAsync(output);
        var page = session.Page;
        await page.GotoAsync("/beteiligung/marktplatz");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Bänke mit Lehnen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Support without an account: get a link by e-mail" }).ClickAsync();
        await Assertions.Expect(page.Heading("Support without an account")).ToBeVisibleAsync();

        // The browser's own check would stop the form first; the server's answer is what a visitor without it gets.
        var form = page.Locator("main form:has(input[type=email])");
        await form.EvaluateAsync("f => f.noValidate = true");
        await page.Field("E-mail address").FillAsync("no-at-sign.example.org");
        await page.Button("Send the link by e-mail").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Please enter a valid e-mail address.");
        await PageChecks.CheckAsync(page, "guest-05-request-en-invalid");
        Assert.DoesNotContain(app.Mail.Received, m => m.To.Mailboxes.Any(b => b.Address.Contains("no-at-sign", StringComparison.Ordinal)));
    }

    private async Task<string> LinkToAsync(string email, string subject)
    {
        var mail = await app.Mail.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email) && (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal),
            $"'{subject}' to {email}");
        var match = GuestLink().Match(mail.TextBody ?? "");
        Assert.True(match.Success, $"The mail has no link to /beteiligung/ohne-konto/:\n{mail.TextBody}");
        return WebUtility.HtmlDecode(match.Value);
    }

    [GeneratedRegex(@"https?://[^\s""'<>/]+/beteiligung/ohne-konto/[^\s""'<>]+")]
    private static partial Regex GuestLink();
}
