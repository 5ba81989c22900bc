using Rathausplatz.Features.Participation.Budgets;

namespace Rathausplatz.Tests.Features.Participation;

/// <summary>The budget's pure rules: how euros are read and shown, and which projects the ranking funds.</summary>
public sealed class BudgetRulesTests
{
    [Theory]
    [InlineData("12500", 1_250_000)]
    [InlineData("12.500", 1_250_000)]
    [InlineData("12.500,50", 1_250_050)]
    [InlineData("12500,5", 1_250_050)]
    [InlineData("12500.50", 1_250_050)]
    [InlineData("12,500.50", 1_250_050)]
    [InlineData(" 1.250.000 € ", 125_000_000)]
    [InlineData("0,99", 99)]
    public void EurosAreReadAsTheTownTypesThem(string typed, long cents)
    {
        Assert.True(Money.TryParseEuros(typed, out var read));
        Assert.Equal(cents, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("zwölf")]
    [InlineData("-5")]
    [InlineData("12,5055")]
    [InlineData("1.2.3")]
    [InlineData("99999999999")]
    public void UnreadableOrHugeAmountsAreRefused(string typed) => Assert.False(Money.TryParseEuros(typed, out _));

    [Fact]
    public void AmountsShowCentsOnlyWhereThereAreSome()
    {
        var german = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        Assert.Equal("12.500 €", Money.Format(1_250_000, german));
        Assert.Equal("12.500,50 €", Money.Format(1_250_050, german));
    }

    [Fact]
    public void FundingGoesDownTheRankingAndSkipsWhatNoLongerFits()
    {
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();
        var c = Guid.CreateVersion7();
        var d = Guid.CreateVersion7();
        var e = Guid.CreateVersion7();

        var ranked = BudgetTally.Fund(100_00, [
            (a, "Spielplatz", 60_00, null, 9),
            (b, "Brunnen", 50_00, null, 7),      // 60 + 50 > 100: skipped
            (c, "Bänke", 30_00, null, 5),        // fits: 90
            (d, "Bäume", 10_00, null, 5),        // same votes as the benches but cheaper: ranked before them
            (e, "Fahrradbügel", 5_00, null, 0),  // no votes: never funded
        ]);

        Assert.Equal([a, b, d, c, e], ranked.Select(p => p.Id));
        Assert.Equal([1, 2, 3, 4, 5], ranked.Select(p => p.Rank));
        Assert.Equal([true, false, true, true, false], ranked.Select(p => p.Funded));
    }
}
