using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Surveys;

namespace Rathausplatz.Tests.Support;

/// <summary>
/// The survey every test starts from: one question of each kind, in this order, and a conditional free-text
/// question after the multiple choice (shown when "Anderes", option 3, is ticked).
/// </summary>
public sealed record TestSurvey(ParticipationProcess Process, Survey Survey, SurveyQuestion Single, SurveyQuestion Multiple,
    SurveyQuestion Other, SurveyQuestion Scale, SurveyQuestion Ranking, SurveyQuestion Matrix, SurveyQuestion Text)
{
    public string Path => $"/beteiligung/{Process.Slug}/umfragen/{Survey.Id}";
    public string EditPath => $"/beteiligung/verwaltung/umfragen/{Survey.Id}";
    public static string Field(SurveyQuestion question) => AnswerSurvey.FieldName(question.Id);
    public static string Field(SurveyQuestion question, int item) => AnswerSurvey.FieldName(question.Id, item);
}

public abstract partial class RathausplatzApp
{
    /// <summary>A process with surveys switched on (made as by the form), and a published survey open for its proposal phase.</summary>
    public async Task<TestSurvey> CreateSurveyAsync(TestOrganization organization, bool anonymous = true, ProcessSpec? spec = null)
    {
        var process = await CreateProcessAsync(organization, spec);
        await using var scope = InOrganization(organization);
        await scope.Db.Set<ParticipationProcess>().Where(p => p.Id == process.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.SurveysEnabled, true));
        var phase = process.Phases.Single();
        var (survey, refusals) = await scope.Get<SaveSurvey>().RunAsync(process.Id, null, new SurveyInput
        {
            Title = "Wie nutzen Sie den Marktplatz?", Intro = "Sieben Fragen.", FirstDay = phase.FirstDay, LastDay = phase.LastDay,
            Anonymous = anonymous, Published = true,
        }, CancellationToken.None);
        Assert.Empty(refusals);
        var edit = scope.Get<EditQuestions>();
        async Task<SurveyQuestion> Add(QuestionInput input)
        {
            var (question, problems) = await edit.SaveAsync(survey!.Id, null, input, CancellationToken.None);
            Assert.Empty(problems);
            return question!;
        }
        var single = await Add(new() { Kind = QuestionKind.SingleChoice, Text = "Wie oft sind Sie dort?", Options = "Täglich\nWöchentlich\nSeltener", Required = true });
        var multiple = await Add(new() { Kind = QuestionKind.MultipleChoice, Text = "Wofür nutzen Sie ihn?", Options = "Markt\nCafés\nFeste\nAnderes" });
        var other = await Add(new() { Kind = QuestionKind.FreeText, Text = "Wofür sonst?", Required = true, Condition = $"{multiple.Id}:3" });
        var scale = await Add(new() { Kind = QuestionKind.Scale, Text = "Wie gern sind Sie dort?", ScaleMin = 1, ScaleMax = 5, ScaleMinLabel = "ungern", ScaleMaxLabel = "gern" });
        var ranking = await Add(new() { Kind = QuestionKind.Ranking, Text = "Was ist am wichtigsten?", Options = "Schatten\nBänke\nWasser" });
        var matrix = await Add(new() { Kind = QuestionKind.Matrix, Text = "Wie wichtig zu diesen Zeiten?", Options = "Morgens\nAbends", ScaleMin = 1, ScaleMax = 3 });
        var text = await Add(new() { Kind = QuestionKind.FreeText, Text = "Was noch?" });
        return new TestSurvey(process, survey!, single, multiple, other, scale, ranking, matrix, text);
    }

    public async Task<(int Participations, List<SurveyResponse> Responses)> FindSurveyAnswersAsync(TestOrganization organization, Guid surveyId)
    {
        await using var scope = InOrganization(organization);
        return (await scope.Db.Set<SurveyParticipation>().CountAsync(p => p.SurveyId == surveyId),
            await scope.Db.Set<SurveyResponse>().AsNoTracking().Include(r => r.Answers).Where(r => r.SurveyId == surveyId).ToListAsync());
    }

    public async Task<List<SurveyQuestion>> FindSurveyQuestionsAsync(TestOrganization organization, Guid surveyId)
    {
        await using var scope = InOrganization(organization);
        return await scope.Db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == surveyId).OrderBy(q => q.Position).ToListAsync();
    }

    /// <summary>
    /// Every column of every row of <paramref name="table"/> as the database returns it, read with plain SQL (no
    /// EF mapping in between), so a test sees what someone with access to the database would see.
    /// </summary>
    public async Task<List<Dictionary<string, object?>>> ReadTableAsync(string table)
    {
        await using var scope = WithoutOrganization();
        var connection = scope.Db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // The table name comes from the test's code, never from input; identifiers cannot be parameters.
        command.CommandText = "SELECT * FROM \"" + table.Replace("\"", "", StringComparison.Ordinal) + "\"";
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        return rows;
    }
}

public static class SurveyForms
{
    /// <summary>One of several forms on a page (a row's own buttons), as <see cref="HtmlForm"/>.</summary>
    public static HtmlForm AsForm(this AngleSharp.Html.Dom.IHtmlFormElement form) => new(form);
}
