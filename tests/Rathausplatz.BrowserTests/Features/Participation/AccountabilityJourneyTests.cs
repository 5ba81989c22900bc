using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Participation;

/// <summary>
/// What came of it: an editor reports progress on last year's funded skate park; the guest account, which voted for
/// it, gets a mail, finds the notice in its inbox beside the news, follows it to the project and sees the update on
/// "Meine Beteiligung". A class of its own (its own app), because the new update changes what the budget journey
/// expects to read first on that project's page.
/// </summary>
public sealed class AccountabilityJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Update = "Die Rampen sind aufgebaut, es fehlt nur noch das Geländer.";

    [Fact]
    public async Task AnEditorReportsProgressAndAVoterSeesItInTheInboxAndOnMyParticipation()
    {
        await using (var editor = await app.OpenSignedInAsync("redaktion@musterstadt.example", output))
        {
            var page = editor.Page;
            await page.GotoAsync("/beteiligung/verwaltung/verfahren/buergerhaushalt-2026/haushalt");
            await page.GetByRole(AriaRole.Link, new() { Name = "Skateanlage an der Weststadt-Schule" }).ClickAsync();
            await page.Field("Stand der Umsetzung").SelectOptionAsync(new SelectOptionValue { Label = "In Umsetzung" });
            await page.Field("Prozent erledigt").FillAsync("80");
            await page.Field("Neuigkeit").FillAsync(Update);
            await PageChecks.CheckAsync(page, "accountability-01-progress-form");
            await page.Button("Neuigkeit veröffentlichen").ClickAsync();
            await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Neuigkeit zur Umsetzung ist veröffentlicht.");
        }

        // The mail is stored with the notice, so once it is here the inbox has it too.
        var mail = await app.Mail.WaitForAsync(m => m.To.ToString().Contains("gast@musterstadt.example", StringComparison.OrdinalIgnoreCase)
            && (m.Subject ?? "").Contains("Skateanlage", StringComparison.Ordinal), "the progress mail to the guest");
        Assert.Contains("80 % erledigt", mail.Subject);

        await using var voter = await app.OpenSignedInAsync("gast@musterstadt.example", output);
        var inbox = voter.Page;
        await inbox.GotoAsync("/benachrichtigungen");
        var notice = inbox.GetByRole(AriaRole.Link, new() { Name = "Neues zur Umsetzung von „Skateanlage an der Weststadt-Schule“: In Umsetzung, 80 % erledigt" });
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(inbox.Locator("nav a[href='/benachrichtigungen']")).ToContainTextAsync("Benachrichtigungen (");
        await PageChecks.CheckAsync(inbox, "accountability-02-inbox");
        await notice.ClickAsync();
        await Assertions.Expect(inbox.Locator(".project-update").First).ToContainTextAsync(Update);
        await Assertions.Expect(inbox.Locator("progress")).ToHaveAttributeAsync("value", "80");

        await inbox.GotoAsync("/beteiligung/meine");
        await Assertions.Expect(inbox.Locator(".my-ballot").Filter(new() { HasText = "Bürgerhaushalt 2026" })).ToContainTextAsync(Update);
        await PageChecks.CheckAsync(inbox, "accountability-03-my-participation");
    }

    [Fact]
    public async Task AnEditorAcceptsAProposalReportsProgressAndItsAuthorSeesWhatCameOfIt()
    {
        const string proposalUpdate = "Die Standorte für zwölf Bäume sind festgelegt.";
        await using (var editor = await app.OpenSignedInAsync("redaktion@musterstadt.example", output))
        {
            var page = editor.Page;
            await page.GotoAsync("/beteiligung/marktplatz");
            await page.Locator(".proposal-list").GetByRole(AriaRole.Link, new() { Name = "Mehr Bäume für Schatten" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Status und Antwort bearbeiten" }).ClickAsync();
            await page.Field("Status").SelectOptionAsync(new SelectOptionValue { Label = "Angenommen" });
            await page.Button("Status speichern").ClickAsync();
            await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Der Status ist gespeichert.");
            await page.Field("Stand der Umsetzung").SelectOptionAsync(new SelectOptionValue { Label = "In Umsetzung" });
            await page.Field("Prozent erledigt").FillAsync("20");
            await page.Field("Neuigkeit").FillAsync(proposalUpdate);
            await page.Button("Neuigkeit veröffentlichen").ClickAsync();
            await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Neuigkeit zur Umsetzung ist veröffentlicht.");
            await PageChecks.CheckAsync(page, "accountability-04-proposal-desk");
            await page.GetByRole(AriaRole.Link, new() { Name = "Öffentliche Seite ansehen" }).ClickAsync();
            await Assertions.Expect(page.Locator(".project-update").First).ToContainTextAsync(proposalUpdate);
            await PageChecks.CheckAsync(page, "accountability-05-proposal-progress");
        }

        await app.Mail.WaitForAsync(m => m.To.ToString().Contains("gast@musterstadt.example", StringComparison.OrdinalIgnoreCase)
            && (m.Subject ?? "").StartsWith("Neues zur Umsetzung von „Mehr Bäume für Schatten“", StringComparison.Ordinal), "the proposal's progress mail");
        await using var author = await app.OpenSignedInAsync("gast@musterstadt.example", output);
        await author.Page.GotoAsync("/beteiligung/meine");
        var item = author.Page.Locator(".my-item").Filter(new() { HasText = "Mehr Bäume für Schatten" });
        await Assertions.Expect(item).ToContainTextAsync("Angenommen");
        await Assertions.Expect(item).ToContainTextAsync("20 % erledigt");
        await Assertions.Expect(item).ToContainTextAsync(proposalUpdate);
        await PageChecks.CheckAsync(author.Page, "accountability-06-my-proposal");
    }
}
