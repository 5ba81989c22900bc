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
}
