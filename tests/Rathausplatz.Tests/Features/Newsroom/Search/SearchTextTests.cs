using Rathausplatz.Features.Newsroom.Search;

namespace Rathausplatz.Tests.Features.Newsroom.Search;

/// <summary>The normaliser alone: spellings and forms that must meet in one stem, and input that must stay plain words.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Straße", "Strasse")]
    [InlineData("München", "Muenchen")]
    [InlineData("München", "Munchen")]
    [InlineData("Bäume", "Baum")]
    [InlineData("Gebühren", "Gebühr")]
    [InlineData("Gebühren", "Gebuehr")]
    [InlineData("Steuern", "Steuer")]
    [InlineData("Café", "cafe")]
    [InlineData("ÖFFNUNGSZEITEN", "Öffnungszeit")]
    public void SpellingsAndFormsShareAStem(string one, string other) =>
        Assert.Equal(SearchText.Normalise(one), SearchText.Normalise(other));

    [Fact]
    public void StopWordsAndPunctuationDoNotBecomeTerms()
    {
        Assert.Equal(["baum", "markt"], SearchText.Tokens("Der Baum und die Märkte!").Select(t => t.Term));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("OR")]
    [InlineData("NEAR(")]
    [InlineData(":")]
    [InlineData("&")]
    [InlineData("!")]
    [InlineData("baum\" OR \"x")]
    [InlineData("a:b & c | !d <-> (e)")]
    [InlineData("'; DROP TABLE \"Post\"; --")]
    public void QueriesCarryOnlyLettersAndDigits(string input)
    {
        var query = SearchQuery.Parse(input);
        Assert.All(query.Terms, term => Assert.True(term.All(char.IsLetterOrDigit), term));
    }

    [Fact]
    public void ThePrefixOfACompoundMatchesItsStem()
    {
        var query = SearchQuery.Parse("Baum");
        Assert.True(query.Matches(SearchText.Normalise("Baumschnitt")));
        Assert.False(query.Matches(SearchText.Normalise("Apfelbaum")));
    }

    [Fact]
    public void HighlightingMarksOriginalWordsAndEncodesTheRest()
    {
        var html = SearchHighlighter.Highlight("<b>Bäume</b> & Baumschnitt im Park", SearchQuery.Parse("baum")).ToString();
        Assert.Equal("&lt;b&gt;<mark>B&#xE4;ume</mark>&lt;/b&gt; &amp; <mark>Baumschnitt</mark> im Park", html);
    }
}
