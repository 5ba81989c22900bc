using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Rathausplatz.Data;

namespace Rathausplatz.Features.Participation.Surveys;

/// <summary>
/// All answers of a survey as a table for editors, one row per response, as CSV or XLSX. A ranking and a matrix
/// get a column per option or row. No account, name or time is exported (the day only), and rows go in the
/// order of the random response ids, so even a non-anonymous survey's file says nothing about who answered when.
/// <para>
/// CSV is what German Excel opens with a double click: UTF-8 with a byte order mark (without it Excel reads
/// Windows-1252 and breaks umlauts), <c>;</c> between fields (Excel in a German locale splits on the list
/// separator, which is the semicolon), CRLF line ends, quotes as in RFC 4180. Text cells that begin with
/// = + - @, a tab or a carriage return get a leading apostrophe in both formats, so a spreadsheet never runs
/// an answer as a formula (OWASP "CSV injection").
/// </para>
/// </summary>
public sealed class ExportAnswers(AppDb db)
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

    public async Task<Table> TableAsync(Survey survey, Func<string, string> localize, CancellationToken ct)
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

    public static byte[] ToCsv(Table table)
    {
        var csv = new StringBuilder();
        foreach (var line in new[] { table.Headers.Cast<object?>().ToList() }.Concat(table.Rows))
            csv.Append(string.Join(';', line.Select(CsvField))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] ToXlsx(Table table, string sheetName)
    {
        // Rows as dictionaries keyed by column letter (headers may repeat, keys may not); the header is the first row.
        var rows = new[] { table.Headers.Cast<object?>().ToList() }.Concat(table.Rows)
            .Select(line => line.Select((value, column) => (Key: ColumnName(column), Value: value switch
            {
                null => null,
                int number => number,
                _ => (object)Guard(value.ToString()!),
            })).ToDictionary(c => c.Key, c => c.Value));
        // Sheet names: at most 31 characters, none of : \ / ? * [ ].
        var name = new string(sheetName.Where(c => !":\\/?*[]".Contains(c)).Take(31).ToArray()).Trim();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: name.Length == 0 ? "Antworten" : name, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A text that a spreadsheet would take for a formula gets a leading apostrophe.</summary>
    public static string Guard(string text) => text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;

    private static string CsvField(object? value) => value switch
    {
        null => "",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => Quote(Guard(value.ToString()!)),
    };

    private static string Quote(string text) =>
        text.IndexOfAny([';', '"', '\r', '\n', ',']) >= 0 || text != text.Trim() ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
