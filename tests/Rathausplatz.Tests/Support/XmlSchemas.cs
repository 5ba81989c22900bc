using System.Xml;
using System.Xml.Schema;

namespace Rathausplatz.Tests.Support;

/// <summary>
/// Validates XML against a published schema kept beside the tests (Features/Newsroom/Schemas: CAP 1.2, sitemaps.org 0.9).
/// Returns every error and warning, so a failing assertion shows all of them at once.
/// </summary>
public static class XmlSchemas
{
    public static List<string> Validate(string xml, string schemaFile)
    {
        var schemas = new XmlSchemaSet();
        using (var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "Features", "Newsroom", "Schemas", schemaFile)))
            schemas.Add(null, reader);
        schemas.Compile();
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var document = XmlReader.Create(new StringReader(xml), settings);
        while (document.Read())
        {
        }
        return problems;
    }
}
