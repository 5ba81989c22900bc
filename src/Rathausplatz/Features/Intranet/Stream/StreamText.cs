using System.Text.RegularExpressions;

namespace Rathausplatz.Features.Intranet.Stream;

/// <summary>
/// #tags and @mentions in stream Markdown. A tag or mention starts after a space, a line start or an
/// opening bracket, so "https://x.de/#anker" and "name@example.org" stay what they are. A member's handle
/// is their display name with dots for spaces ("@Anna.Beispiel"). Before rendering, tags become links that
/// filter the space's stream and known mentions links to the members page; the Markdown renderer then
/// sanitises the whole, so nothing a post contains reaches the page unescaped.
/// </summary>
public sealed partial class StreamText(MarkdownRenderer markdown)
{
    /// <summary>
    /// The hint under every stream text field: a constant because a Razor attribute cannot hold a plain @ (the pages pass it
    /// in single quotes, so the translation check reads the key here, not the expression there).
    /// </summary>
    public static readonly string Hint = Texts.Key("Markdown ist möglich. #Schlagwort setzt ein Schlagwort, @Vorname.Nachname erwähnt ein Mitglied.");

    [GeneratedRegex(@"(?<=^|[\s(])#([\p{L}\p{N}][\p{L}\p{N}_-]{0,49})", RegexOptions.Multiline)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"(?<=^|[\s(])@([\p{L}\p{N}][\p{L}\p{N}._-]{0,99})", RegexOptions.Multiline)]
    private static partial Regex MentionPattern();

    public static IReadOnlyList<string> Tags(string body) =>
        TagPattern().Matches(body).Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct().ToList();

    /// <summary>The handles named in the text, without the @ and any dot that ends a sentence.</summary>
    public static IReadOnlyList<string> Mentions(string body) =>
        MentionPattern().Matches(body).Select(m => m.Groups[1].Value.TrimEnd('.')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static string HandleOf(string displayName) => string.Join('.', displayName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Safe HTML of a post or comment in <paramref name="spaceId"/>; <paramref name="knownHandles"/> become links.</summary>
    public string ToSafeHtml(string body, Guid spaceId, IReadOnlyCollection<string> knownHandles)
    {
        var spacePath = $"/intranet/raeume/{spaceId}";
        var linked = TagPattern().Replace(body, m => $"[#{m.Groups[1].Value}]({spacePath}?tag={Uri.EscapeDataString(m.Groups[1].Value.ToLowerInvariant())})");
        linked = MentionPattern().Replace(linked, m =>
        {
            var handle = m.Groups[1].Value.TrimEnd('.');
            var rest = m.Groups[1].Value[handle.Length..];
            return knownHandles.Contains(handle, StringComparer.OrdinalIgnoreCase) ? $"[@{handle}]({spacePath}/mitglieder){rest}" : m.Value;
        });
        return markdown.ToSafeHtml(linked);
    }
}
