using System.Text;
using System.Text.RegularExpressions;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Intranet.Wiki;

/// <summary>
/// [[links]] in wiki Markdown: <c>[[Titel]]</c>, <c>[[adresse]]</c> or <c>[[Titel|anderer Text]]</c> point to a
/// page of the same wiki, found by its address or its current title (both compared as <see cref="KeyOf"/>).
/// Code (`…` and fenced blocks) is left alone. Before rendering, links to existing pages become Markdown links;
/// a missing target becomes a "create this page" link for those who may edit, plain text for the others. The
/// Markdown renderer then sanitises the whole, so nothing a page contains reaches the browser unescaped.
/// </summary>
public sealed partial class WikiText(MarkdownRenderer markdown)
{
    /// <summary>The hint under the text field of the edit form.</summary>
    public static readonly string Hint = Texts.Key("Markdown ist möglich. [[Seitentitel]] verlinkt eine Seite dieses Wikis, [[Seitentitel|Text]] mit eigenem Text.");

    [GeneratedRegex(@"(?<code>```[\s\S]*?```|~~~[\s\S]*?~~~|`[^`\n]+`)|\[\[(?<target>[^\[\]|\n]{1,200})(?:\|(?<label>[^\[\]\n]{1,200}))?\]\]")]
    private static partial Regex LinkPattern();

    /// <summary>A title or address as a link target: "Übergabe an Ämter" → "uebergabe-an-aemter"; null when nothing is left.</summary>
    public static string? KeyOf(string target) => AddToStructure.Slug(target.Trim());

    /// <summary>The targets a text links to, as keys, each once.</summary>
    public static IReadOnlyList<string> LinkKeys(string body) =>
        Links(body).Select(l => l.Key).Distinct().ToList();

    private static IEnumerable<(string Key, string Target, string Label)> Links(string body) =>
        LinkPattern().Matches(body).Where(m => !m.Groups["code"].Success)
            .Select(m => (Key: KeyOf(m.Groups["target"].Value), Target: m.Groups["target"].Value.Trim(),
                Label: m.Groups["label"].Success ? m.Groups["label"].Value.Trim() : m.Groups["target"].Value.Trim()))
            .Where(l => l.Key is not null)
            .Select(l => (l.Key!, l.Target, l.Label));

    /// <summary>
    /// Safe HTML of a page in the wiki at <paramref name="wikiPath"/>; <paramref name="existing"/> maps link keys to the
    /// addresses of the pages they find. Missing targets link to the new-page form when <paramref name="canEdit"/>.
    /// </summary>
    public string ToSafeHtml(string body, string wikiPath, IReadOnlyDictionary<string, string> existing, bool canEdit)
    {
        var linked = LinkPattern().Replace(body, m =>
        {
            if (m.Groups["code"].Success || KeyOf(m.Groups["target"].Value) is not { } key)
                return m.Value;
            var target = m.Groups["target"].Value.Trim();
            var label = Escape(m.Groups["label"].Success ? m.Groups["label"].Value.Trim() : target);
            if (existing.TryGetValue(key, out var slug))
                return $"[{label}]({wikiPath}/{slug})";
            return canEdit ? $"[{label}]({wikiPath}/neu?titel={Uri.EscapeDataString(target)})" : label;
        });
        return markdown.ToSafeHtml(linked);
    }

    // Every ASCII punctuation character may be escaped in CommonMark: the label stays text, whatever it holds.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (c < 128 && char.IsPunctuation(c) || c is '<' or '>' or '`' or '^' or '|' or '~' or '=' or '+' or '$')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
