using System.Text;
using System.Xml;

namespace Rathausplatz.Features.Newsroom.Feeds;

/// <summary>
/// XmlWriter escapes markup, but refuses characters XML 1.0 cannot carry at all (control characters,
/// lone surrogates), which a pasted title may contain. Those are dropped, so one bad title cannot break a feed.
/// </summary>
public static class XmlText
{
    public static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Async = false };

    public static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
            if (pair || XmlConvert.IsXmlChar(text[i]))
            {
                clean?.Append(text, i, pair ? 2 : 1);
                if (pair)
                    i++;
                continue;
            }
            // The first bad character: copy what came before it, then keep going without it.
            clean ??= new StringBuilder(text.Length).Append(text, 0, i);
        }
        return clean?.ToString() ?? text;
    }
}
