using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Rathausplatz.Tests.Web;

/// <summary>
/// Every German text the pages and messages use has its English entry (the keys are the German texts,
/// see Web/SharedResource.cs), no two keys differ only in case (the resource compiler would drop one),
/// and no entry is left over. scripts/missing-translations prints the same lists while one writes.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly Regex[] UsedTexts =
    [
        TextIndexer(), LocalizerIndexer(), ErrorMessage(), DisplayName(), KernFieldHint(), KernFieldLabel(), TextsKey(),
    ];

    [Fact]
    public void EveryGermanTextHasAnEnglishEntryAndNoEntryIsLeftOver()
    {
        var sources = Sources().ToList();
        var used = sources.SelectMany(text => UsedTexts.SelectMany(r => r.Matches(text).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .ToHashSet(StringComparer.Ordinal);
        var translated = XDocument.Load(Path.Combine(AppFolder(), "Resources", "Web", "SharedResource.en.resx"))
            .Descendants("data").Select(d => (string)d.Attribute("name")!).ToList();
        var code = string.Join('\n', sources);

        var missing = used.Except(translated).Order(StringComparer.Ordinal).ToList();
        var caseClashes = translated.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var unused = translated.Where(k => !code.Contains($"\"{k}\"", StringComparison.Ordinal)
            && !code.Contains($"\"{k.Replace("\"", "\\\"", StringComparison.Ordinal)}\"", StringComparison.Ordinal)).ToList();

        Assert.Empty(missing);
        Assert.Empty(caseClashes);
        Assert.Empty(unused);
    }

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(AppFolder(), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);

    /// <summary>src/Rathausplatz of the checkout these tests were built from.</summary>
    private static string AppFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Rathausplatz");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException("src/Rathausplatz not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\bT\[""((?:[^""\\]|\\.)+)""")] private static partial Regex TextIndexer();
    [GeneratedRegex(@"\btext\[""((?:[^""\\]|\\.)+)""")] private static partial Regex LocalizerIndexer();
    [GeneratedRegex(@"ErrorMessage = ""((?:[^""\\]|\\.)+)""")] private static partial Regex ErrorMessage();
    [GeneratedRegex(@"Display\(Name = ""((?:[^""\\]|\\.)+)""")] private static partial Regex DisplayName();
    [GeneratedRegex(@"<kern-field [^>]*\bhint=""([^""]+)""")] private static partial Regex KernFieldHint();
    [GeneratedRegex(@"<kern-field [^>]*\blabel=""([^""]+)""")] private static partial Regex KernFieldLabel();
    [GeneratedRegex(@"Texts.Key\(""((?:[^""\\]|\\.)+)""\)")] private static partial Regex TextsKey();
}
