using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Rathausplatz.Features.Newsroom.Search;

/// <summary>A search term and where its word stands in the text it came from (for highlighting).</summary>
public readonly record struct SearchToken(string Term, int Start, int End);

/// <summary>
/// The one normaliser for indexing, querying and highlighting, so the three can never disagree.
/// Words are lower-cased, German stop words dropped, umlauts and their spellings folded the way
/// Lucene's German2 heuristics do ("ä" and "ae" → "a", "ue" → "u" except after a vowel so "Steuer"
/// keeps its "eu", "ß" → "ss"), other accents folded ("Café" → "cafe"), then stemmed with the
/// Snowball German stemmer ("Bäume" → "baum", "Gebühren" → "gebuhr"). The databases only ever see
/// these stems, separated by spaces: SQLite's FTS5 and PostgreSQL's 'simple' configuration then
/// index the same words, and no language configuration of either database matters.
/// </summary>
public static class SearchText
{
    private static readonly Analyzer German = new GermanSearchAnalyzer();

    /// <summary>The stems of a text with the offsets of their words in it.</summary>
    public static List<SearchToken> Tokens(string? text)
    {
        var tokens = new List<SearchToken>();
        if (string.IsNullOrWhiteSpace(text))
            return tokens;
        using var stream = German.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var clean = LettersAndDigits(term.ToString());
            if (clean.Length > 0)
                tokens.Add(new(clean, offset.StartOffset, offset.EndOffset));
        }
        stream.End();
        return tokens;
    }

    /// <summary>The text as the index stores it: its stems, separated by single spaces.</summary>
    public static string Normalise(string? text) => string.Join(' ', Tokens(text).Select(t => t.Term));

    // The tokenizer keeps "1.5" and "o'neill" as one word; the databases' own tokenizers would split
    // them differently, and a quote or colon must never reach a query language. Letters and digits only.
    private static string LettersAndDigits(string term) =>
        term.All(char.IsLetterOrDigit) ? term : string.Concat(term.Where(char.IsLetterOrDigit));

    private sealed class GermanSearchAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, source);
            stream = new StopFilter(LuceneVersion.LUCENE_48, stream, GermanAnalyzer.DefaultStopSet);
            stream = new GermanNormalizationFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.GermanStemmer());
            return new TokenStreamComponents(source, stream);
        }
    }
}
