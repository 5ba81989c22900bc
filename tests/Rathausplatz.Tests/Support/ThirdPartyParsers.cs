using System.Diagnostics;
using System.Text.Json;

namespace Rathausplatz.Tests.Support;

/// <summary>
/// Runs the npm parsers in tests/interop (rss-parser, ical.js, OpenAPI validators) over a document and returns the JSON they print.
/// Not our code reading our output: these are what feed readers and calendar apps use. Without node or
/// without `npm ci --prefix tests/interop` (scripts/test runs it) the tests fail, they never skip.
/// </summary>
public static class ThirdPartyParsers
{
    public static Task<JsonElement> ParseFeedAsync(string xml) => RunAsync("parse-feed.js", xml);

    public static Task<JsonElement> ParseCalendarAsync(string ics) => RunAsync("parse-calendar.js", ics);

    /// <summary>Two OpenAPI validators (the official JSON Schema, and @readme/openapi-parser's checks); fails the test when either refuses.</summary>
    public static Task<JsonElement> ValidateOpenApiAsync(string json) => RunAsync("validate-openapi.mjs", json);

    /// <summary>csv-parse with `;` and the byte order mark, as the survey export is documented; the records as arrays of strings.</summary>
    public static Task<JsonElement> ParseCsvAsync(byte[] csv) => RunAsync("parse-csv.js", csv);

    /// <summary>SheetJS (npm xlsx); the first sheet's name and its rows as arrays of cell values.</summary>
    public static Task<JsonElement> ParseXlsxAsync(byte[] xlsx) => RunAsync("parse-xlsx.js", xlsx);

    private static Task<JsonElement> RunAsync(string script, string document) => RunAsync(script, System.Text.Encoding.UTF8.GetBytes(document), document);

    private static async Task<JsonElement> RunAsync(string script, byte[] document, string? shown = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"rathausplatz-interop-{Guid.CreateVersion7()}");
        await File.WriteAllBytesAsync(file, document);
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(InteropFolder, script), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = InteropFolder,
            };
            using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await node.WaitForExitAsync(timeout.Token);
            Assert.True(node.ExitCode == 0, $"{script} refused the document: {await errors}\n{shown}");
            return JsonDocument.Parse(await output).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }

    internal static string InteropFolder => Interop.Folder;
}
