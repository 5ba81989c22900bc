using System.Net;
using AngleSharp.Dom;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Surveys;
using Rathausplatz.Tests.Support;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>
/// Surveys through HTTP, as a browser without script uses them: every kind of question checked with messages
/// that keep what was typed, conditions applied by the server, one response per person whatever the timing,
/// anonymous responses that the database cannot tie to an account, results and exports for the editors.
/// </summary>
public abstract class SurveyTests(RathausplatzApp app)
{
    private async Task<(TestOrganization Org, TestSurvey Survey, TestUser Citizen, HttpClient Client)> TownAsync(bool anonymous = true)
    {
        var org = await app.CreateOrganizationAsync();
        var survey = await app.CreateSurveyAsync(org, anonymous);
        var citizen = await app.CreateUserAsync(org, Roles.Citizen);
        return (org, survey, citizen, await app.CreateSignedInClientAsync(citizen));
    }

    /// <summary>A complete, valid set of answers; "Anderes" is ticked, so the conditional question applies.</summary>
    private static HtmlForm Answered(IDocument page, TestSurvey s, int single = 0, int scale = 4, (int, int, int)? ranks = null, (int, int)? matrix = null,
        string text = "Mehr Schatten, bitte.")
    {
        var (a, b, c) = ranks ?? (2, 1, 3);
        var (m0, m1) = matrix ?? (3, 1);
        return page.Form("main form[data-survey]")
            .Set(TestSurvey.Field(s.Single), $"{single}")
            .Check(TestSurvey.Field(s.Multiple), "0", "3")
            .Set(TestSurvey.Field(s.Other), "Flohmarkt")
            .Set(TestSurvey.Field(s.Scale), $"{scale}")
            .Set(TestSurvey.Field(s.Ranking, 0), $"{a}").Set(TestSurvey.Field(s.Ranking, 1), $"{b}").Set(TestSurvey.Field(s.Ranking, 2), $"{c}")
            .Set(TestSurvey.Field(s.Matrix, 0), $"{m0}").Set(TestSurvey.Field(s.Matrix, 1), $"{m1}")
            .Set(TestSurvey.Field(s.Text), text);
    }

    private async Task<(int Participations, int Responses)> CountAsync(TestOrganization org, TestSurvey s)
    {
        var (participations, responses) = await app.FindSurveyAnswersAsync(org, s.Survey.Id);
        return (participations, responses.Count);
    }

    [Fact]
    public async Task EveryKindOfQuestionIsCheckedAndTheFormKeepsWhatWasTyped()
    {
        var (org, s, citizen, client) = await TownAsync();
        var page = await client.GetPageAsync(s.Path);

        var form = Answered(page, s, text: new string('x', SurveyAnswer.MaxText + 1))
            .Tamper(TestSurvey.Field(s.Single), "7")
            .Set(TestSurvey.Field(s.Other), "")
            .Tamper(TestSurvey.Field(s.Scale), "9")
            .Set(TestSurvey.Field(s.Ranking, 1), "2");
        // One matrix row left open.
        foreach (var radio in form.Element.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>($"input[name='{TestSurvey.Field(s.Matrix, 1)}']"))
            radio.IsChecked = false;
        using var refused = await form.SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.ReadPageAsync();
        Assert.Equal(
            [
                "Bitte wählen Sie bei „Wie oft sind Sie dort?“ aus den angebotenen Antworten.",
                "Bitte beantworten Sie die Frage „Wofür sonst?“.",
                "Bitte wählen Sie bei „Wie gern sind Sie dort?“ einen Wert von 1 bis 5.",
                "Bitte vergeben Sie bei „Was ist am wichtigsten?“ jeden Platz von 1 bis 3 genau einmal.",
                "Bitte beantworten Sie bei „Wie wichtig zu diesen Zeiten?“ jede Zeile.",
                "Die Antwort auf „Was noch?“ darf höchstens 2000 Zeichen lang sein.",
            ],
            again.ErrorMessages());
        Assert.Equal(new string('x', SurveyAnswer.MaxText + 1), again.QuerySelector($"textarea[name='{TestSurvey.Field(s.Text)}']")!.TextContent);
        Assert.Equal(["0", "3"], again.QuerySelectorAll($"input[name='{TestSurvey.Field(s.Multiple)}']:checked").Select(i => i.GetAttribute("value")!));
        Assert.Equal("2", again.QuerySelector($"select[name='{TestSurvey.Field(s.Ranking, 0)}'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("3", again.QuerySelector($"input[name='{TestSurvey.Field(s.Matrix, 0)}'][checked]")!.GetAttribute("value"));
        Assert.NotNull(again.QuerySelector($"#{TestSurvey.Field(s.Scale)}-error"));
        Assert.Equal((0, 0), await CountAsync(org, s));

        var english = await app.CreateSignedInClientAsync(citizen);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var englishPage = await english.GetPageAsync(s.Path);
        using var unanswered = await englishPage.Form("main form[data-survey]").SubmitAsync(english);
        Assert.Equal(["Please answer the question “Wie oft sind Sie dort?”."], (await unanswered.ReadPageAsync()).ErrorMessages());
    }

    [Fact]
    public async Task AConditionalQuestionCountsOnlyWhenItsConditionIsMet()
    {
        var (org, s, _, client) = await TownAsync();
        var page = await client.GetPageAsync(s.Path);
        var note = page.QuerySelector("fieldset[data-condition^='q-']")!;
        Assert.Contains("Nur beantworten, wenn Sie bei „Wofür nutzen Sie ihn?“ „Anderes“ gewählt haben.", note.TextContent);
        Assert.Equal($"{TestSurvey.Field(s.Multiple)}:3", note.GetAttribute("data-condition"));

        // "Anderes" not ticked: the required conditional question may stay empty, and what was typed there is dropped.
        using var saved = await Answered(page, s).Check(TestSurvey.Field(s.Multiple), "1").SubmitAsync(client);

        Assert.Equal(s.Path, saved.RedirectTarget());
        var (_, responses) = await app.FindSurveyAnswersAsync(org, s.Survey.Id);
        var answers = Assert.Single(responses).Answers;
        Assert.DoesNotContain(answers, a => a.QuestionId == s.Other.Id);
        Assert.Equal([1], answers.Where(a => a.QuestionId == s.Multiple.Id).Select(a => a.Item));
        Assert.Equal([(0, 2), (1, 1), (2, 3)], answers.Where(a => a.QuestionId == s.Ranking.Id).OrderBy(a => a.Item).Select(a => (a.Item, a.Value!.Value)));
        Assert.Equal("Mehr Schatten, bitte.", answers.Single(a => a.QuestionId == s.Text.Id).Text);
        Assert.Contains("Sie haben diese Umfrage schon beantwortet. Danke!", (await client.GetPageAsync(s.Path)).MainText());
    }

    [Fact]
    public async Task TenParallelPostsOfOnePersonMakeOneResponse()
    {
        var (org, s, _, client) = await TownAsync();
        var page = await client.GetPageAsync(s.Path);
        var form = Answered(page, s);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => form.SubmitAsync(client)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        foreach (var response in responses)
            response.Dispose();
        Assert.Equal((1, 1), await CountAsync(org, s));
        using var later = await form.SubmitAsync(client);
        Assert.Equal((1, 1), await CountAsync(org, s));
        Assert.Empty((await client.GetPageAsync(s.Path)).QuerySelectorAll("main form[data-survey]"));
    }

    [Fact]
    public async Task AnAnonymousResponseCarriesNothingThatLinksItToTheAccount()
    {
        var (org, s, citizen, client) = await TownAsync(anonymous: true);
        app.Time.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(17));

        using var saved = await Answered(await client.GetPageAsync(s.Path), s).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Plain SQL gives Guids as the provider stores them (upper-case text on SQLite).
        static bool Same(object? value, object? other) => string.Equals($"{value}", $"{other}", StringComparison.OrdinalIgnoreCase);
        var responses = (await app.ReadTableAsync("SurveyResponses")).Where(r => Same(r["SurveyId"], s.Survey.Id)).ToList();
        var response = Assert.Single(responses);
        Assert.Equal(["Id", "OrganizationId", "SubmittedOn", "SurveyId", "UserId"], response.Keys.Order(StringComparer.Ordinal));
        Assert.Null(response["UserId"]);
        Assert.DoesNotContain(response.Values, v => $"{v}".Contains($"{citizen.Id}", StringComparison.OrdinalIgnoreCase));
        // A random id (version 4), not one that carries the time (version 7).
        Assert.Equal(4, Guid.Parse($"{response["Id"]}").Version);
        // The day only: no time of day anywhere in the row.
        Assert.Equal(app.TownToday, response["SubmittedOn"] switch
        {
            DateOnly day => day,
            DateTime time when time.TimeOfDay == TimeSpan.Zero => DateOnly.FromDateTime(time),
            string text when text.Length == 10 => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
            var other => throw new Xunit.Sdk.XunitException($"SubmittedOn holds more than a day: {other}"),
        });
        var answers = (await app.ReadTableAsync("SurveyAnswers")).Where(a => Same(a["ResponseId"], response["Id"])).ToList();
        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.Equal(["Item", "OrganizationId", "QuestionId", "ResponseId", "Text", "Value"], a.Keys.Order(StringComparer.Ordinal)));
        // Who answered is kept apart: survey and account, no time, no reference to the response.
        var participation = Assert.Single(await app.ReadTableAsync("SurveyParticipations"), p => Same(p["SurveyId"], s.Survey.Id));
        Assert.Equal(["OrganizationId", "SurveyId", "UserId"], participation.Keys.Order(StringComparer.Ordinal));
        Assert.Equal($"{citizen.Id}", $"{participation["UserId"]}", ignoreCase: true);
    }

    [Fact]
    public async Task ANamedSurveyKeepsTheAccountWithTheResponse()
    {
        var (org, s, citizen, client) = await TownAsync(anonymous: false);

        using var saved = await Answered(await client.GetPageAsync(s.Path), s).SubmitAsync(client);

        var (_, responses) = await app.FindSurveyAnswersAsync(org, s.Survey.Id);
        Assert.Equal(citizen.Id, Assert.Single(responses).UserId);
    }

    [Fact]
    public async Task ResultsShowCountsSharesRanksAndTheMatrixAndArePublicAfterTheEnd()
    {
        var (org, s, _, first) = await TownAsync();
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));
        async Task AnswerAsync(HttpClient client, int single, int scale, (int, int, int) ranks, (int, int) matrix, string text)
        {
            using var response = await Answered(await client.GetPageAsync(s.Path), s, single, scale, ranks, matrix, text).SubmitAsync(client);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        await AnswerAsync(first, 0, 4, (1, 2, 3), (3, 1), "Ein Trinkbrunnen.");
        await AnswerAsync(await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen)), 0, 5, (1, 3, 2), (3, 2), "Weniger Autos.");
        await AnswerAsync(await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen)), 1, 3, (2, 1, 3), (1, 3), "Mehr Bänke.");
        var visitor = app.CreateClient(org);
        var resultsPath = s.Path + "/ergebnisse";

        Assert.Contains("Die Ergebnisse erscheinen hier, wenn die Umfrage am", (await visitor.GetPageAsync(resultsPath)).MainText());
        var forEditor = await editor.GetPageAsync(resultsPath);
        Assert.Contains("3 Personen haben teilgenommen.", forEditor.MainText());
        Assert.Equal(["Täglich|2|66,7 %", "Wöchentlich|1|33,3 %", "Seltener|0|0 %"], Rows(Section(forEditor, s.Single)));
        Assert.Equal(["Markt|3|100 %", "Cafés|0|0 %", "Feste|0|0 %", "Anderes|3|100 %"], Rows(Section(forEditor, s.Multiple)));
        Assert.Contains("Mittelwert 4", Section(forEditor, s.Scale).TextContent);
        Assert.Equal(["Schatten – Platz 1,33 im Mittel", "Bänke – Platz 2 im Mittel", "Wasser – Platz 2,67 im Mittel"],
            Section(forEditor, s.Ranking).QuerySelectorAll("ol li").Select(li => li.TextContent.Trim()));
        Assert.Equal(["Morgens|1|0|2|2,33", "Abends|1|1|1|2"], Rows(Section(forEditor, s.Matrix)));
        Assert.Equal(["Ein Trinkbrunnen.", "Mehr Bänke.", "Weniger Autos."],
            Section(forEditor, s.Text).QuerySelectorAll(".survey-texts li").Select(li => li.TextContent).Order(StringComparer.Ordinal));

        app.Time.Advance(TimeSpan.FromDays(11));
        var afterTheEnd = await visitor.GetPageAsync(resultsPath);
        Assert.Equal(["Täglich|2|66,7 %", "Wöchentlich|1|33,3 %", "Seltener|0|0 %"], Rows(Section(afterTheEnd, s.Single)));
        Assert.Empty(afterTheEnd.QuerySelectorAll(".survey-texts"));
        Assert.DoesNotContain("Trinkbrunnen", afterTheEnd.MainText());
    }

    private static IElement Section(IDocument page, SurveyQuestion question) => page.QuerySelector($"section[aria-labelledby='result-{question.Id}']")!;

    private static List<string> Rows(IElement section) =>
        section.QuerySelectorAll("tbody tr").Select(tr => string.Join("|", tr.Children.Where(c => c.QuerySelector("svg") is null).Select(c => c.TextContent.Trim()))).ToList();

    [Fact]
    public async Task AClosedSurveyRefusesAnswers()
    {
        var (org, s, _, client) = await TownAsync();
        var page = await client.GetPageAsync(s.Path);

        app.Time.Advance(TimeSpan.FromDays(11));
        using var late = await Answered(page, s).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(["Diese Umfrage ist nicht geöffnet."], (await late.ReadPageAsync()).ErrorMessages());
        Assert.Empty((await app.FindSurveyAnswersAsync(org, s.Survey.Id)).Responses);
        Assert.Empty((await client.GetPageAsync(s.Path)).QuerySelectorAll("main form[data-survey]"));
    }

    [Fact]
    public async Task CitizensAndVisitorsAreKeptOutOfTheBackOfficeAndTheExports()
    {
        var (org, s, _, citizen) = await TownAsync();
        var visitor = app.CreateClient(org);

        foreach (var path in new[] { s.EditPath, s.EditPath + "?handler=Csv", s.EditPath + "?handler=Xlsx", $"{s.EditPath}/fragen/{s.Single.Id}" })
        {
            using var forbidden = await citizen.GetAsync(path);
            Assert.True(forbidden.StatusCode == HttpStatusCode.Forbidden
                || (forbidden.StatusCode == HttpStatusCode.Redirect && forbidden.Headers.Location!.OriginalString.Contains("/error/403")),
                $"{path}: expected 403, got {(int)forbidden.StatusCode} {forbidden.Headers.Location}");
            using var signIn = await visitor.GetAsync(path);
            Assert.StartsWith("/accounts/signin", signIn.RedirectTarget());
        }
        var visitorPage = await visitor.GetPageAsync(s.Path);
        Assert.Empty(visitorPage.QuerySelectorAll("main form[method=post]"));
        Assert.Contains(visitorPage.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/accounts/signin?ReturnUrl={Uri.EscapeDataString(s.Path)}");
    }

    [Fact]
    public async Task AnAnswerWithoutTheAntiforgeryTokenIsRefused()
    {
        var (org, s, _, client) = await TownAsync();

        using var forged = await client.PostAsync(s.Path, new FormUrlEncodedContent([new(TestSurvey.Field(s.Single), "0")]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty((await app.FindSurveyAnswersAsync(org, s.Survey.Id)).Responses);
    }

    [Fact]
    public async Task ExportsOpenInThirdPartyCsvAndXlsxReadersWithFormulasDefused()
    {
        var (org, s, _, client) = await TownAsync();
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));
        using var one = await Answered(await client.GetPageAsync(s.Path), s, text: "=HYPERLINK(\"https://böse.example\";\"Klick\")").SubmitAsync(client);
        var second = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        using var two = await Answered(await second.GetPageAsync(s.Path), s, single: 2, text: "Zeile eins;\nZeile \"zwei\"").SubmitAsync(second);

        using var csvResponse = await editor.GetAsync(s.EditPath + "?handler=Csv");
        var csv = await csvResponse.Content.ReadAsByteArrayAsync();
        using var xlsxResponse = await editor.GetAsync(s.EditPath + "?handler=Xlsx");
        var xlsx = await xlsxResponse.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var records = (await ThirdPartyParsers.ParseCsvAsync(csv)).EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToList()).ToList();
        string[] header =
        [
            "Antwort Nr.", "Tag", "Wie oft sind Sie dort?", "Wofür nutzen Sie ihn?", "Wofür sonst?", "Wie gern sind Sie dort?",
            "Was ist am wichtigsten?: Schatten", "Was ist am wichtigsten?: Bänke", "Was ist am wichtigsten?: Wasser",
            "Wie wichtig zu diesen Zeiten?: Morgens", "Wie wichtig zu diesen Zeiten?: Abends", "Was noch?",
        ];
        Assert.Equal(header, records[0]);
        Assert.Equal(3, records.Count);
        var day = app.TownToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var injected = records.Single(r => r[2] == "Täglich");
        Assert.Equal([day, "Täglich", "Markt | Anderes", "Flohmarkt", "4", "2", "1", "3", "3", "1", "'=HYPERLINK(\"https://böse.example\";\"Klick\")"], injected.Skip(1));
        Assert.Equal("Zeile eins;\nZeile \"zwei\"", records.Single(r => r[2] == "Seltener")[11]);

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType!.MediaType);
        var workbook = await ThirdPartyParsers.ParseXlsxAsync(xlsx);
        Assert.Equal("Wie nutzen Sie den Marktplatz", workbook.GetProperty("name").GetString());
        var rows = workbook.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(header, rows[0].EnumerateArray().Select(c => c.GetString()!));
        var sheetRow = rows.Skip(1).Single(r => r[2].GetString() == "Täglich");
        Assert.Equal(4, sheetRow[5].GetInt32());
        Assert.Equal("'=HYPERLINK(\"https://böse.example\";\"Klick\")", sheetRow[11].GetString());
    }

    [Fact]
    public async Task EditorsBuildASurveyInTheBackOfficeUntilTheFirstAnswer()
    {
        var org = await app.CreateOrganizationAsync();
        var process = await app.CreateProcessAsync(org);
        var editor = await app.CreateSignedInClientAsync(await app.CreateUserWithTwoFactorAsync(org, Roles.Editor));
        var processForm = await editor.GetPageAsync($"/beteiligung/verwaltung/verfahren/{process.Slug}");
        using var switched = await processForm.Form("main form").Set("Input.SurveysEnabled", "true").SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        var newSurvey = await editor.GetPageAsync($"/beteiligung/verwaltung/umfragen?verfahren={process.Slug}");
        var days = (First: app.TownToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Late: app.TownToday.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        using var outside = await newSurvey.Form("main form").Set("Input.Title", "Kurzumfrage").Set("Input.FirstDay", days.First)
            .Set("Input.LastDay", days.Late).SubmitAsync(editor);
        Assert.Equal(["Die Umfrage muss innerhalb der Phasen des Verfahrens liegen."], (await outside.ReadPageAsync()).ErrorMessages());
        using var created = await newSurvey.Form("main form").Set("Input.Title", "Kurzumfrage").Set("Input.FirstDay", days.First)
            .Set("Input.LastDay", days.First).Set("Input.Anonymous", "true").Set("Input.Published", "true").SubmitAsync(editor);
        var editPath = created.RedirectTarget();

        async Task<HttpResponseMessage> AddAsync(string kind, string text, string options, string? condition = null)
        {
            var form = (await editor.GetPageAsync(editPath + "/fragen")).Form("main form")
                .Set("Input.Kind", kind).Set("Input.Text", text).Set("Input.Options", options);
            if (condition is not null)
                form.Set("Input.Condition", condition);
            return await form.SubmitAsync(editor);
        }
        using var tooFew = await AddAsync("SingleChoice", "Kommen Sie zu Fuß?", "Ja");
        Assert.Equal(["Bitte geben Sie mindestens zwei Antworten an (bei einer Matrix mindestens eine Zeile), höchstens 20."], (await tooFew.ReadPageAsync()).ErrorMessages());
        using var first = await AddAsync("SingleChoice", "Kommen Sie zu Fuß?", "Ja\nNein");
        var conditionValue = (await editor.GetPageAsync(editPath + "/fragen")).QuerySelectorAll("#Input_Condition option").Select(o => o.GetAttribute("value")).Last()!;
        using var second = await AddAsync("FreeText", "Warum nicht?", "", conditionValue);
        Assert.Equal(editPath, second.RedirectTarget());

        var desk = await editor.GetPageAsync(editPath);
        Assert.Equal(["Kommen Sie zu Fuß?", "Warum nicht?"], desk.QuerySelectorAll(".question-list li > span").Select(s => s.TextContent));
        using var removeFirst = await desk.QuerySelectorAll(".question-list li")[0].QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form")!.AsForm().SubmitAsync(editor, "button[formaction='?handler=Remove']");
        Assert.Equal(["Von dieser Frage hängen andere Fragen ab; ändern Sie zuerst deren Bedingung."], (await removeFirst.ReadPageAsync()).ErrorMessages());
        using var moveUp = await desk.QuerySelectorAll(".question-list li")[1].QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form")!.AsForm().SubmitAsync(editor, "button[formaction='?handler=Up']");
        Assert.Equal(HttpStatusCode.BadRequest, moveUp.StatusCode);

        var surveyId = Guid.Parse(editPath.Split('/').Last());
        var citizen = await app.CreateSignedInClientAsync(await app.CreateUserAsync(org, Roles.Citizen));
        var publicPath = $"/beteiligung/{process.Slug}/umfragen/{surveyId}";
        var survey = await citizen.GetPageAsync(publicPath);
        using var answered = await survey.Form("main form[data-survey]")
            .Set(survey.QuerySelector("main form[data-survey] input[type=radio]")!.GetAttribute("name")!, "1").SubmitAsync(citizen);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var locked = await editor.GetPageAsync(editPath);
        Assert.Contains("Die Umfrage hat schon Antworten; ihre Fragen lassen sich nicht mehr ändern.", locked.MainText());
        Assert.Empty(locked.QuerySelectorAll(".question-list form"));
        using var late = await editor.PostHandMadeAsync(locked, editPath + "/fragen", ("Input.Kind", "FreeText"), ("Input.Text", "Noch eine?"));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(2, (await app.FindSurveyQuestionsAsync(org, surveyId)).Count);
    }
}

public sealed class SqliteSurveyTests(SqliteApp app) : SurveyTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSurveyTests(PostgresApp app) : SurveyTests(app), IClassFixture<PostgresApp>;
