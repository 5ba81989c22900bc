using System.Globalization;
using System.Text.RegularExpressions;

namespace Rathausplatz.Features.Participation.Budgets;

/// <summary>Euros as whole cents: shown in the reader's number format, typed the way people in the town type them.</summary>
public static partial class Money
{
    /// <summary>A thousand million euros: more than any municipal budget, well inside a long.</summary>
    public const long MaxCents = 100_000_000_000;

    /// <summary>"12.500 €" or "12.500,50 €" (German), "12,500 €" (English): cents only where there are some.</summary>
    public static string Format(long cents, IFormatProvider? culture = null) =>
        cents % 100 == 0
            ? string.Format(culture ?? CultureInfo.CurrentCulture, "{0:N0} €", cents / 100)
            : string.Format(culture ?? CultureInfo.CurrentCulture, "{0:N2} €", cents / 100m);

    /// <summary>An amount as a form shows it back for editing: "12500" or "12500,50", which <see cref="TryParseEuros"/> reads.</summary>
    public static string ForInput(long cents) =>
        (cents / 100m).ToString(cents % 100 == 0 ? "0" : "0.00", CultureInfo.GetCultureInfo("de-DE"));

    /// <summary>
    /// Reads "12500", "12.500", "12.500,50", "12500,5", "12500.50" or "12,500.50" (with or without €). A dot followed
    /// by exactly three digits groups thousands (German habit); otherwise a single dot or comma marks the cents.
    /// </summary>
    public static bool TryParseEuros(string? typed, out long cents)
    {
        cents = 0;
        var text = (typed ?? "").Replace("€", "").Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "").Trim();
        string normal;
        if (GermanGrouped().IsMatch(text))
            normal = text.Replace(".", "").Replace(',', '.');
        else if (EnglishGrouped().IsMatch(text))
            normal = text.Replace(",", "");
        else if (Plain().IsMatch(text))
            normal = text.Replace(',', '.');
        else
            return false;
        if (!decimal.TryParse(normal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros) || euros * 100 > MaxCents)
            return false;
        cents = (long)(euros * 100);
        return true;
    }

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+(,\d{1,2})?$")]
    private static partial Regex GermanGrouped();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+(\.\d{1,2})?$")]
    private static partial Regex EnglishGrouped();

    [GeneratedRegex(@"^\d{1,12}([.,]\d{1,2})?$")]
    private static partial Regex Plain();
}
