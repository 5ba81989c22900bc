using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports.Desk;

/// <summary>
/// Median time from receipt to the first staff response and to "done", overall, per category and
/// per district. The medians are computed in SQL with window functions (both providers have them;
/// neither SQLite nor EF has a median aggregate): the middle row, or the mean of the two middle rows.
/// </summary>
public sealed class ReportFigures(AppDb db, TenantContext tenant)
{
    /// <summary>One median: over how many reports, and how long (seconds; null without reports).</summary>
    public sealed record Median(int Count, double? Seconds)
    {
        public static readonly Median None = new(0, null);
    }

    public sealed record Row(string Key, string Name, int Reports, Median FirstResponse, Median Done);

    public sealed record Figures(Row Overall, IReadOnlyList<Row> Categories, IReadOnlyList<Row> Districts);

    /// <summary>The figures of the reports received from <paramref name="from"/> to <paramref name="to"/> (town dates, both included; null: open-ended).</summary>
    public async Task<Figures> ComputeAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var period = new Period(TownTime.ToUtc(from?.ToDateTime(TimeOnly.MinValue)), TownTime.ToUtc(to?.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        var reports = db.Set<Report>().AsQueryable();
        if (period.From is { } fromUtc)
            reports = reports.Where(r => r.RequestedAt >= fromUtc);
        if (period.Until is { } untilUtc)
            reports = reports.Where(r => r.RequestedAt < untilUtc);
        var categories = await db.Set<ReportCategory>().AsNoTracking().Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct);
        var districts = await db.Set<District>().AsNoTracking().Select(d => new { d.Id, d.Slug, d.Name }).ToListAsync(ct);

        var countsByCategory = await reports.GroupBy(r => r.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var countsByDistrict = await reports.Where(r => r.DistrictId != null).GroupBy(r => r.DistrictId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var total = await reports.CountAsync(ct);

        var overallFirst = await MediansAsync(null, "FirstResponseAt", onlyDone: false, period, ct);
        var overallDone = await MediansAsync(null, "ClosedAt", onlyDone: true, period, ct);
        var firstByCategory = await MediansAsync("CategoryId", "FirstResponseAt", onlyDone: false, period, ct);
        var doneByCategory = await MediansAsync("CategoryId", "ClosedAt", onlyDone: true, period, ct);
        var firstByDistrict = await MediansAsync("DistrictId", "FirstResponseAt", onlyDone: false, period, ct);
        var doneByDistrict = await MediansAsync("DistrictId", "ClosedAt", onlyDone: true, period, ct);

        var overall = new Row("", "", total, overallFirst.GetValueOrDefault(Guid.Empty, Median.None), overallDone.GetValueOrDefault(Guid.Empty, Median.None));
        var byName = StringComparer.CurrentCultureIgnoreCase;
        return new Figures(overall,
            categories.Where(c => countsByCategory.ContainsKey(c.Id)).Select(c => new Row(c.Code, c.Name, countsByCategory[c.Id],
                firstByCategory.GetValueOrDefault(c.Id, Median.None), doneByCategory.GetValueOrDefault(c.Id, Median.None))).OrderBy(r => r.Name, byName).ToList(),
            districts.Where(d => countsByDistrict.ContainsKey(d.Id)).Select(d => new Row(d.Slug, d.Name, countsByDistrict[d.Id],
                firstByDistrict.GetValueOrDefault(d.Id, Median.None), doneByDistrict.GetValueOrDefault(d.Id, Median.None))).OrderBy(r => r.Name, byName).ToList());
    }

    /// <summary>
    /// Reads the period of the query string (<c>von</c>, <c>bis</c>: dates as yyyy-MM-dd, either may be missing);
    /// on failure the localizer key of the message.
    /// </summary>
    public static string? ParsePeriod(string? von, string? bis, out DateOnly? from, out DateOnly? to)
    {
        from = to = null;
        if (!TryDate(von, out from) || !TryDate(bis, out to))
            return Texts.Key("Bitte geben Sie Datumsangaben als JJJJ-MM-TT an.");
        return from > to ? Texts.Key("Das Enddatum liegt vor dem Anfangsdatum.") : null;
    }

    private static bool TryDate(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(value))
            return true;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            return false;
        date = parsed;
        return true;
    }

    /// <summary>Receipt times from (inclusive) until (exclusive), UTC.</summary>
    private sealed record Period(DateTime? From, DateTime? Until);

    private sealed record MedianRow(Guid? Key, double? Median, long Count);

    /// <summary>Medians of (<paramref name="until"/> − RequestedAt) by <paramref name="groupColumn"/> (null: all reports, key Guid.Empty).</summary>
    private async Task<Dictionary<Guid, Median>> MediansAsync(string? groupColumn, string until, bool onlyDone, Period period, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        // Column names are constants of this class, never input.
        var seconds = postgres
            ? $"EXTRACT(EPOCH FROM (\"{until}\" - \"RequestedAt\"))"
            : $"((julianday(\"{until}\") - julianday(\"RequestedAt\")) * 86400.0)";
        var key = groupColumn is null ? (postgres ? "CAST(NULL AS uuid)" : "NULL") : $"\"{groupColumn}\"";
        var mean = postgres ? "CAST(AVG(s) AS double precision)" : "CAST(AVG(s) AS REAL)";
        // Raw SQL skips the query filter: the organisation is named explicitly.
        var onlyDoneClause = onlyDone ? $" AND \"Status\" = {(int)ReportStatus.Done}" : "";
        var groupClause = groupColumn is null ? "" : $" AND \"{groupColumn}\" IS NOT NULL";
        var organization = tenant.OrganizationId ?? throw new InvalidOperationException("Figures need an organisation.");
        // SQLite keeps Guids as upper-case text (EF's convention); PostgreSQL as uuid.
        var parameters = new List<object> { postgres ? organization : organization.ToString().ToUpperInvariant() };
        var periodClause = "";
        if (period.From is { } from)
        {
            parameters.Add(from);
            periodClause += $" AND \"RequestedAt\" >= {{{parameters.Count - 1}}}";
        }
        if (period.Until is { } end)
        {
            parameters.Add(end);
            periodClause += $" AND \"RequestedAt\" < {{{parameters.Count - 1}}}";
        }
        var sql = $$"""
            WITH d AS (
                SELECT {{key}} AS k, {{seconds}} AS s FROM "Reports"
                WHERE "OrganizationId" = {0} AND "{{until}}" IS NOT NULL{{onlyDoneClause}}{{groupClause}}{{periodClause}}
            ), r AS (
                SELECT k, s, ROW_NUMBER() OVER (PARTITION BY k ORDER BY s) AS n, COUNT(*) OVER (PARTITION BY k) AS c FROM d
            )
            SELECT k AS "Key", {{mean}} AS "Median", MAX(c) AS "Count" FROM r
            WHERE n = (c + 1) / 2 OR n = (c + 2) / 2
            GROUP BY k
            """;
        var rows = await db.Database.SqlQueryRaw<MedianRow>(sql, [.. parameters]).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key ?? Guid.Empty, r => new Median((int)r.Count, r.Median));
    }
}
