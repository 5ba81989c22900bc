using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Intranet;

/// <summary>
/// Mona Moderation (staff) writes her profile and adds a skill; Rudi Redaktion finds her with the expert finder by a
/// part of the word, opens her profile and confirms the skill; then asks the experts. Every page is checked with axe
/// at both widths.
/// </summary>
public sealed class PeopleJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task StaffAddASkillAndAColleagueFindsAndConfirmsIt()
    {
        await using var mona = await app.OpenSignedInAsync("moderation@musterstadt.example", output);
        var page = mona.Page;
        await page.GotoAsync("/intranet");
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Personen und Fähigkeiten" }).ClickAsync();
        await Assertions.Expect(page.Heading("Personen und Fähigkeiten")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "people-01-finder");

        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Mein Profil" }).ClickAsync();
        await page.Button("Profil speichern").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Bitte geben Sie Ihre Funktion an.");
        await PageChecks.CheckAsync(page, "people-02-profile-refused");
        await page.OptionalField("Abteilung").SelectOptionAsync(new SelectOptionValue { Label = "Ordnungsamt" });
        await page.Field("Funktion").FillAsync("Moderation der Bürgerbeteiligung");
        await page.OptionalField("Ich kann helfen bei …").FillAsync("Workshops mit Bürgerinnen und Bürgern, Förderanträge");
        await page.OptionalField("Sprachen").FillAsync("Deutsch, Französisch");
        await page.Button("Profil speichern").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihr Profil ist gespeichert.");
        await page.Field("Neue Fähigkeit").FillAsync("Förderanträge EU");
        await page.Field("Stufe").SelectOptionAsync(new SelectOptionValue { Label = "Expertise" });
        await page.Button("Fähigkeit hinzufügen").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Fähigkeit steht jetzt in Ihrem Profil.");
        await Assertions.Expect(page.Locator(".skill-row")).ToContainTextAsync("förderanträge eu");
        await PageChecks.CheckAsync(page, "people-03-my-profile");

        await using var rudi = await app.OpenSignedInAsync("redaktion@musterstadt.example", output);
        var colleague = rudi.Page;
        await colleague.GotoAsync("/intranet/personen");
        await colleague.Field("Fähigkeit").FillAsync("FÖRDER");
        await colleague.Button("Suchen").ClickAsync();
        await Assertions.Expect(colleague.Locator(".person-card")).ToHaveCountAsync(1);
        await Assertions.Expect(colleague.Locator(".person-card")).ToContainTextAsync("Ordnungsamt");
        await PageChecks.CheckAsync(colleague, "people-04-finder-hit");
        await colleague.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Mona Moderation" }).ClickAsync();
        await Assertions.Expect(colleague.Heading("Mona Moderation")).ToBeVisibleAsync();
        await colleague.Button("Bestätigen (förderanträge eu)").ClickAsync();
        await Assertions.Expect(colleague.StatusMessage()).ToContainTextAsync("Danke! Ihre Bestätigung ist gespeichert.");
        await Assertions.Expect(colleague.Locator(".skill-row")).ToContainTextAsync("1 Bestätigung");
        await Assertions.Expect(colleague.Locator(".skill-row")).ToContainTextAsync("Von Ihnen bestätigt");
        await PageChecks.CheckAsync(colleague, "people-05-profile-confirmed");

        // The demo staff's skills rank by confirmations: Mia's "excel-makros" (confirmed) before Rudi's own "excel".
        await colleague.GotoAsync("/intranet/personen?faehigkeit=excel");
        await Assertions.Expect(colleague.Locator(".person-card h3").First).ToHaveTextAsync("Mia Mitarbeit");
        await PageChecks.CheckAsync(colleague, "people-06-finder-ranked");

        await colleague.GotoAsync("/intranet/personen/fragen");
        await colleague.Field("Ihre Frage").FillAsync("Wer hilft beim EU-Förderantrag für das Stadtfest?");
        await colleague.Field("Fähigkeiten").FillAsync("Förderanträge EU, Vergaberecht");
        await colleague.Button("Frage stellen").ClickAsync();
        await Assertions.Expect(colleague.StatusMessage()).ToContainTextAsync("Ihre Frage ist gestellt.");
        await PageChecks.CheckAsync(colleague, "people-07-question");

        // The intranet search finds the question among the staff's results, marked as one.
        await colleague.GotoAsync("/intranet/suche?q=F%C3%B6rderantrag");
        var hit = colleague.Locator(".intranet-result").Filter(new() { Has = colleague.GetByRole(AriaRole.Link, new() { Name = "Wer hilft beim EU-Förderantrag für das Stadtfest?" }) });
        await Assertions.Expect(hit).ToContainTextAsync("Frage an die Expert:innen");
        await Assertions.Expect(hit).ToContainTextAsync("in „Frag die Expert:innen“");
        await PageChecks.CheckAsync(colleague, "people-08-question-found");
    }
}
