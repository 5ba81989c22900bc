using System.Text;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>
/// Skills are free tags, kept in one form so that "Excel", " excel " and "EXCEL" are one skill: trimmed, inner
/// spaces collapsed, Unicode NFC (an "ö" typed as o + combining dots is the same "ö"), lower case (invariant, so
/// "Ä" becomes "ä" on both databases alike). Letters, digits, spaces and - + # . / &amp; only.
/// </summary>
public static class SkillName
{
    public static string Normalize(string? raw) =>
        string.Join(' ', (raw ?? "").Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public static bool IsValid(string normalized) =>
        normalized.Length > 0 && normalized.All(c => char.IsLetterOrDigit(c) || c == ' ' || "-+#./&".Contains(c));

    /// <summary>Several skills, separated by commas or line breaks; empty parts are dropped, repeats once.</summary>
    public static List<string> List(string? raw) =>
        (raw ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(Normalize).Where(s => s.Length > 0).Distinct().ToList();
}
