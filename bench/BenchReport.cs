using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Data;

namespace Rathausplatz.Bench;

/// <summary>
/// What every benchmark program shares (each links this file): the machine and its load for the report,
/// the program's own section of bench/RESULTS.md (replaced on every run, the others kept), and its options.
/// </summary>
internal static class BenchReport
{
    /// <summary>
    /// Fresh planner statistics after a fill, as a live database has them: on SQLite what the app's hourly
    /// <see cref="SqliteStatistics"/> does; on PostgreSQL what autovacuum does, including the visibility map without
    /// which no index-only scan pays.
    /// </summary>
    public static async Task RefreshStatisticsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        else
            await SqliteStatistics.OptimizeAsync(db.Database.GetConnectionString()!);
    }

    public static string CpuName() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>Replaces the section "## <paramref name="name"/>" of <paramref name="path"/> (or appends it) with <paramref name="body"/>.</summary>
    public static void WriteSection(string path, string name, string command, string body)
    {
        var heading = "## " + name;
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmark results\n";
        var start = text.IndexOf(heading + "\n", StringComparison.Ordinal);
        var section = $"{heading}\n\nWritten by `{command}`.\n\n{body}\n";
        if (start < 0)
            text = text.TrimEnd('\n') + "\n\n" + section;
        else
        {
            var end = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            text = text[..start] + section + (end < 0 ? "" : text[end..]);
        }
        File.WriteAllText(path, text);
        Console.WriteLine($"Wrote the section \"{name}\" of {path}.");
    }
}

/// <summary>The command line's <c>--name value</c> options and <c>--name</c> flags.</summary>
internal sealed class BenchOptions(string[] args)
{
    public int Number(string name, int fallback) => Text(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => args.Contains(name);

    public string? Text(string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
