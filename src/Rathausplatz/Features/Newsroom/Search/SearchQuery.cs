namespace Rathausplatz.Features.Newsroom.Search;

/// <summary>
/// What a citizen typed, as the stems every result must contain (all of them: more words, fewer
/// results, as people expect from a search box). Stems of three letters or more match as prefixes,
/// so "Baum" finds "Baumschnitt"; shorter ones only whole words, as "ab*" would match half the town.
/// The query languages only ever see stems of letters and digits, so quotes, stars, colons, NEAR(
/// and OR in the input are words or nothing, never syntax.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;
    public const int MaxTerms = 8;
    private const int ShortestPrefix = 3;

    public IReadOnlyList<string> Terms { get; }

    private SearchQuery(IReadOnlyList<string> terms) => Terms = terms;

    public static SearchQuery Parse(string? text) =>
        new(SearchText.Tokens(text).Select(t => t.Term).Distinct().Take(MaxTerms).ToList());

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>Whether a stem of the text matches one of the query's terms, as the index would match it.</summary>
    public bool Matches(string stem) => Terms.Any(term => IsPrefix(term) ? stem.StartsWith(term, StringComparison.Ordinal) : stem == term);

    private static bool IsPrefix(string term) => term.Length >= ShortestPrefix;

    /// <summary>FTS5 MATCH syntax: "baum"* AND "ab".</summary>
    public string ForSqlite() => string.Join(" AND ", Terms.Select(t => $"\"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" + (IsPrefix(t) ? "*" : "")));

    /// <summary>to_tsquery syntax: baum:* &amp; ab.</summary>
    public string ForPostgres() => string.Join(" & ", Terms.Select(t => t + (IsPrefix(t) ? ":*" : "")));
}
