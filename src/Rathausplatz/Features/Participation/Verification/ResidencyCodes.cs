using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Rathausplatz.Features.Participation.Verification;

/// <summary>
/// The shape of the letter codes: twelve characters in three groups (ABCD-EFGH-JKMN) from an alphabet
/// without the look-alikes 0/O, 1/I/L, so they are typed from paper without doubt. 31^12 ≈ 8·10^17
/// codes: guessing one is hopeless, the more so behind the rate limit.
/// </summary>
public static class ResidencyCodes
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Length = 12;

    public static string New()
    {
        var code = new StringBuilder(Length + 2);
        for (var i = 0; i < Length; i++)
        {
            if (i > 0 && i % 4 == 0)
                code.Append('-');
            code.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
        }
        return code.ToString();
    }

    /// <summary>Upper case without spaces and dashes, or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 40)
            return null;
        var code = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }

    public static string Hash(Guid organizationId, string normalizedCode) => Sha256($"{organizationId:N}:{normalizedCode}");

    /// <summary>The counter's pseudonym of a person: name as on the identity card (case and spacing aside) and date of birth.</summary>
    public static string IdentityHash(Guid organizationId, string fullName, DateOnly birthDate)
    {
        var name = string.Join(' ', fullName.Normalize(NormalizationForm.FormC).ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Sha256($"{organizationId:N}:{name}:{birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
