using Rathausplatz.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Rathausplatz.BrowserTests.Features.Participation;

/// <summary>
/// The demo survey "Wie nutzen Sie den Marktplatz?": Bea Bürger answers it with script (the conditional
/// question appears when she ticks "Anderes") and reads the results; the guest account answers it without
/// script (every question shows, the conditional one with its note); an editor opens the survey and question
/// editors. Every page with script is checked with axe at both widths.
/// </summary>
public sealed class SurveyJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Survey = "Wie nutzen Sie den Marktplatz?";

    [Fact]
    public async Task ACitizenAnswersWithScriptAndTheConditionalQuestionAppears()
    {
        await using var session = await app.OpenSignedInAsync("buerger@musterstadt.example", output);
        var page = session.Page;

        await page.GotoAsync("/beteiligung/marktplatz");
        await page.GetByRole(AriaRole.Link, new() { Name = Survey }).ClickAsync();
        await Assertions.Expect(page.Heading(Survey)).ToBeVisibleAsync();
        var other = page.GetByRole(AriaRole.Group, new() { Name = "Wofür sonst?" });
        await Assertions.Expect(other).ToBeHiddenAsync();
        await PageChecks.CheckAsync(page, "survey-01-form");

        await page.GetByLabel("Wöchentlich").CheckAsync();
        await page.GetByLabel("Wochenmarkt").CheckAsync();
        await page.GetByLabel("Anderes").CheckAsync();
        await Assertions.Expect(other).ToBeVisibleAsync();
        await other.GetByRole(AriaRole.Textbox).FillAsync("Flohmarkt am Sonntag");
        await page.GetByLabel("4", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Schatten").SelectOptionAsync("1");
        await page.GetByLabel("Sitzplätze").SelectOptionAsync("2");
        await page.GetByLabel("Spielangebote").SelectOptionAsync("4");
        await page.GetByLabel("Wasser").SelectOptionAsync("3");
        foreach (var row in new[] { "Morgens", "Nachmittags", "Abends" })
            await page.GetByLabel($"{row}: 5 (sehr wichtig)").CheckAsync();
        await PageChecks.CheckAsync(page, "survey-02-form-filled");
        await page.Button("Antworten absenden").ClickAsync();

        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihre Antworten sind gespeichert");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sie haben diese Umfrage schon beantwortet.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ergebnisse ansehen" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Personen haben teilgenommen."); // 4 or 5: the other test of this class may have answered first
        await PageChecks.CheckAsync(page, "survey-03-results");
    }

    [Fact]
    public async Task TheSurveyWorksWithoutJavaScript()
    {
        await using var session = await app.OpenSignedInAsync("gast@musterstadt.example", output, javaScript: false);
        var page = session.Page;
        await page.GotoAsync("/beteiligung/marktplatz");
        await page.GetByRole(AriaRole.Link, new() { Name = Survey }).ClickAsync();

        var other = page.GetByRole(AriaRole.Group, new() { Name = "Wofür sonst?" });
        await Assertions.Expect(other).ToBeVisibleAsync();
        await Assertions.Expect(other).ToContainTextAsync("Nur beantworten, wenn Sie bei „Wofür nutzen Sie ihn?“ „Anderes“ gewählt haben.");
        await page.Button("Antworten absenden").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Bitte beantworten Sie die Frage „Wie oft sind Sie auf dem Marktplatz?“.");
        await PageChecks.ScreenshotAsync(page, "survey-nojs-refused");

        await page.GetByLabel("Täglich").CheckAsync();
        await page.GetByLabel("Gastronomie").CheckAsync();
        await other.GetByRole(AriaRole.Textbox).FillAsync("Wird ignoriert: Anderes ist nicht gewählt.");
        await page.GetByLabel("Schatten").SelectOptionAsync("1");
        await page.GetByLabel("Sitzplätze").SelectOptionAsync("1");
        await page.Button("Antworten absenden").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("jeden Platz von 1 bis 4 genau einmal");
        await Assertions.Expect(page.GetByLabel("Gastronomie")).ToBeCheckedAsync();

        await page.GetByLabel("Sitzplätze").SelectOptionAsync("2");
        await page.GetByLabel("Spielangebote").SelectOptionAsync("3");
        await page.GetByLabel("Wasser").SelectOptionAsync("4");
        await page.Button("Antworten absenden").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Ihre Antworten sind gespeichert");
        await PageChecks.ScreenshotAsync(page, "survey-nojs-done");
    }

    [Fact]
    public async Task AnEditorOpensTheSurveyAndQuestionEditors()
    {
        await using var editor = await app.OpenSignedInAsync("redaktion@musterstadt.example", output);
        var page = editor.Page;
        await page.GotoAsync("/beteiligung/verwaltung/verfahren/marktplatz");
        await page.GetByRole(AriaRole.Link, new() { Name = Survey }).ClickAsync();
        await Assertions.Expect(page.Heading("Umfrage bearbeiten")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "survey-04-editor");

        // The demo survey has answers, so its questions are locked: a new survey on the same days shows the editing.
        var (first, last) = (await page.Locator("#Input_FirstDay").InputValueAsync(), await page.Locator("#Input_LastDay").InputValueAsync());
        await page.GotoAsync("/beteiligung/verwaltung/verfahren/marktplatz");
        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Umfrage" }).ClickAsync();
        await page.Field("Titel").FillAsync("Kurzumfrage Wochenmarkt");
        await page.Field("Erster Tag").FillAsync(first);
        await page.Field("Letzter Tag").FillAsync(last);
        await page.Button("Umfrage speichern").ClickAsync();
        await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Umfrage ist gespeichert");
        foreach (var (text, options) in new[] { ("Kaufen Sie auf dem Wochenmarkt?", "Ja\nNein"), ("Was fehlt Ihnen dort?", "Obst\nBrot\nBlumen") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Frage hinzufügen" }).ClickAsync();
            await Assertions.Expect(page.Heading("Neue Frage")).ToBeVisibleAsync();
            await page.GetByLabel("Art der Frage").SelectOptionAsync(new SelectOptionValue { Label = "Mehrfachauswahl" });
            await page.Field("Frage").FillAsync(text);
            await page.OptionalField("Antworten oder Zeilen (eine je Zeile)").FillAsync(options);
            if (text.StartsWith("Was", StringComparison.Ordinal))
            {
                await page.GetByLabel("Nur zeigen, wenn").SelectOptionAsync(new SelectOptionValue { Label = "Kaufen Sie auf dem Wochenmarkt? – Ja" });
                await PageChecks.CheckAsync(page, "survey-05-question");
            }
            await page.Button("Frage speichern").ClickAsync();
            await Assertions.Expect(page.StatusMessage()).ToContainTextAsync("Die Frage ist gespeichert");
        }
        await Assertions.Expect(page.Locator(".question-list li")).ToHaveCountAsync(2);
        await PageChecks.CheckAsync(page, "survey-06-editor-questions");
    }
}
