using Ganss.Xss;
using Markdig;

namespace Rathausplatz.Web;

/// <summary>
/// Turns editors' Markdown into HTML that is safe to show: Markdig renders, HtmlSanitizer then
/// removes scripts, event handlers, style attributes (the CSP forbids them) and foreign schemes.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToSafeHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>The text without markup, for formats that carry no HTML (CAP descriptions) and the search index.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "https", "http", "mailto", "tel" })
            sanitizer.AllowedSchemes.Add(scheme);
        return sanitizer;
    }
}
