using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Rathausplatz.Features.Newsroom.Search;

/// <summary>
/// Marks the words of a title or summary whose stem the query matched, in the original spelling
/// ("Bäume" for the query "baum"), and HTML-encodes everything else: the result is safe to write
/// as it is, whatever an editor typed.
/// </summary>
public static class SearchHighlighter
{
    public static IHtmlContent Highlight(string? text, SearchQuery query)
    {
        if (string.IsNullOrEmpty(text))
            return HtmlString.Empty;
        var html = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (var token in SearchText.Tokens(text).Where(t => query.Matches(t.Term)))
        {
            if (token.Start < at)
                continue;
            html.Append(HtmlEncoder.Default.Encode(text[at..token.Start]));
            html.Append("<mark>").Append(HtmlEncoder.Default.Encode(text[token.Start..token.End])).Append("</mark>");
            at = token.End;
        }
        html.Append(HtmlEncoder.Default.Encode(text[at..]));
        return new HtmlString(html.ToString());
    }

    /// <summary>
    /// About <paramref name="length"/> characters of a longer text around its first matched word (the beginning
    /// when none matched, e.g. the match was in a title), cut at spaces, marked like <see cref="Highlight"/>.
    /// </summary>
    public static IHtmlContent Snippet(string? text, SearchQuery query, int length = 220)
    {
        if (string.IsNullOrEmpty(text))
            return HtmlString.Empty;
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= length)
            return Highlight(text, query);
        var first = SearchText.Tokens(text).FirstOrDefault(t => query.Matches(t.Term));
        var start = Math.Max(0, first.Start - length / 3);
        if (start > 0 && text.IndexOf(' ', start) is var space and >= 0 && space < first.Start)
            start = space + 1;
        var end = Math.Min(text.Length, start + length);
        if (end < text.Length && text.LastIndexOf(' ', end) is var last && last > Math.Max(start, first.End))
            end = last;
        var html = new StringBuilder();
        if (start > 0)
            html.Append('…');
        html.Append(((HtmlString)Highlight(text[start..end], query)).Value);
        if (end < text.Length)
            html.Append('…');
        return new HtmlString(html.ToString());
    }
}
