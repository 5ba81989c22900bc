using System.Globalization;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Participation.Surveys;

/// <summary>
/// All answers of a survey as a table for editors, one row per response, as CSV or XLSX. A ranking and a matrix
/// get a column per option or row. No account, name or time is exported (the day only), and rows go in the
/// order of the random response ids, so even a non-anonymous survey's file says nothing about who answered when.
/// The file format and its guard against formulas: <see cref="SpreadsheetFile"/>.
/// </summary>
public sealed class ExportAnswers(AppDb db)
{
    public async Task<SpreadsheetFile> TableAsync(Survey survey, Func<string, string> localize, CancellationToken ct)
    {
        var questions = survey.Questions.OrderBy(q => q.Position).ToList();
        var headers = new List<string> { localize(Texts.Key("Antwort Nr.")), localize(Texts.Key("Tag")) };
        foreach (var q in questions)
        {
            if (q.Kind is QuestionKind.Ranking or QuestionKind.Matrix)
                headers.AddRange(q.OptionList.Select(o => $"{q.Text}: {o}"));
            else
                headers.Add(q.Text);
        }
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == survey.Id).Include(r => r.Answers)
            .OrderBy(r => r.Id).ToListAsync(ct);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (response, number) in responses.Select((r, i) => (r, i + 1)))
        {
            var row = new List<object?> { number, response.SubmittedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            foreach (var q in questions)
            {
                var mine = response.Answers.Where(a => a.QuestionId == q.Id).OrderBy(a => a.Item).ToList();
                var options = q.OptionList;
                switch (q.Kind)
                {
                    case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                        row.Add(mine.Count == 0 ? null : string.Join(" | ", mine.Where(a => a.Item < options.Count).Select(a => options[a.Item])));
                        break;
                    case QuestionKind.FreeText:
                        row.Add(mine.FirstOrDefault()?.Text);
                        break;
                    case QuestionKind.Scale:
                        row.Add(mine.FirstOrDefault()?.Value);
                        break;
                    default:
                        row.AddRange(options.Select((_, i) => (object?)mine.FirstOrDefault(a => a.Item == i)?.Value));
                        break;
                }
            }
            rows.Add(row);
        }
        return new(headers, rows);
    }
}
