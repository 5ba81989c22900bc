using System.Globalization;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Rathausplatz.Web;

public enum DiffLineKind { Unchanged, Removed, Added, Skipped }

/// <summary>One line of a field's diff; <see cref="DiffLineKind.Skipped"/> stands for a run of unchanged lines left out.</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text);

/// <summary>A field whose value differs between two versions; <see cref="Label"/> is a localizer key. Shown by Shared/_FieldChanges.cshtml.</summary>
public sealed record FieldChange(string Label, bool Multiline, IReadOnlyList<DiffLine> Lines);

/// <summary>
/// Compares two versions of a field for the revision pages (newsroom posts, wiki pages). Long texts are
/// compared line by line with DiffPlex, with a little unchanged context around each change, so a typo fixed
/// in a long text shows as one line, not as the whole text twice. Short values are "was → is".
/// </summary>
public static class TextDiff
{
    private const int Context = 2;

    /// <summary>The change of one field, or null when both versions say the same (line ends and outer blanks aside).</summary>
    public static FieldChange? Compare(string label, string? old, string? now, bool multiline)
    {
        var (before, after) = (Normalize(old ?? ""), Normalize(now ?? ""));
        if (before == after)
            return null;
        return new FieldChange(label, multiline, multiline ? Lines(before, after) : Short(before, after));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").Trim();

    private static List<DiffLine> Short(string old, string now)
    {
        var lines = new List<DiffLine>();
        if (old.Length > 0)
            lines.Add(new(DiffLineKind.Removed, old));
        if (now.Length > 0)
            lines.Add(new(DiffLineKind.Added, now));
        return lines;
    }

    private static List<DiffLine> Lines(string old, string now)
    {
        var model = InlineDiffBuilder.Diff(Differ.Instance, old, now, ignoreWhiteSpace: false);
        var all = model.Lines.Select(l => new DiffLine(l.Type switch
        {
            ChangeType.Deleted => DiffLineKind.Removed,
            ChangeType.Inserted => DiffLineKind.Added,
            _ => DiffLineKind.Unchanged,
        }, l.Text ?? "")).ToList();
        // Keep unchanged lines only near a change; a run further away becomes one "skipped" line.
        var near = new bool[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Kind == DiffLineKind.Unchanged)
                continue;
            for (var j = Math.Max(0, i - Context); j <= Math.Min(all.Count - 1, i + Context); j++)
                near[j] = true;
        }
        var shown = new List<DiffLine>();
        var skipped = 0;
        for (var i = 0; i < all.Count; i++)
        {
            if (near[i])
            {
                if (skipped > 0)
                    shown.Add(new(DiffLineKind.Skipped, skipped.ToString(CultureInfo.InvariantCulture)));
                skipped = 0;
                shown.Add(all[i]);
            }
            else
                skipped++;
        }
        if (skipped > 0)
            shown.Add(new(DiffLineKind.Skipped, skipped.ToString(CultureInfo.InvariantCulture)));
        return shown;
    }
}
