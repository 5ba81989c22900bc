using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Rathausplatz.Web;

/// <summary>
/// A table for download as CSV or XLSX, as staff open it in a spreadsheet program.
/// <para>
/// CSV is what German Excel opens with a double click: UTF-8 with a byte order mark (without it Excel reads
/// Windows-1252 and breaks umlauts), <c>;</c> between fields (Excel in a German locale splits on the list
/// separator, which is the semicolon), CRLF line ends, quotes as in RFC 4180. Text cells that begin with
/// = + - @, a tab or a carriage return get a leading apostrophe in both formats, so a spreadsheet never runs
/// a citizen's text as a formula (OWASP "CSV injection").
/// </para>
/// </summary>
public sealed record SpreadsheetFile(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public byte[] ToCsv()
    {
        var csv = new StringBuilder();
        foreach (var line in Lines())
            csv.Append(string.Join(';', line.Select(CsvField))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public byte[] ToXlsx(string sheetName)
    {
        // Rows as dictionaries keyed by column letter (headers may repeat, keys may not); the header is the first row.
        var rows = Lines().Select(line => line.Select((value, column) => (Key: ColumnName(column), Value: value switch
        {
            null => null,
            int number => number,
            _ => (object)Guard(value.ToString()!),
        })).ToDictionary(c => c.Key, c => c.Value));
        // Sheet names: at most 31 characters, none of : \ / ? * [ ].
        var name = new string(sheetName.Where(c => !":\\/?*[]".Contains(c)).Take(31).ToArray()).Trim();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: name.Length == 0 ? "Tabelle" : name, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private IEnumerable<IReadOnlyList<object?>> Lines() => new[] { Headers.Cast<object?>().ToList() }.Concat(Rows);

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
