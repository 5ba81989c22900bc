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

    public async Task<Figures> ComputeAsync(CancellationToken ct)
    {
        var categories = await db.Set<ReportCategory>().AsNoTracking().Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct);
        var districts = await db.Set<District>().AsNoTracking().Select(d => new { d.Id, d.Slug, d.Name }).ToListAsync(ct);

        var countsByCategory = await db.Set<Report>().GroupBy(r => r.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var countsByDistrict = await db.Set<Report>().Where(r => r.DistrictId != null).GroupBy(r => r.DistrictId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var total = await db.Set<Report>().CountAsync(ct);

        var overallFirst = await MediansAsync(null, "FirstResponseAt", onlyDone: false, ct);
        var overallDone = await MediansAsync(null, "ClosedAt", onlyDone: true, ct);
        var firstByCategory = await MediansAsync("CategoryId", "FirstResponseAt", onlyDone: false, ct);
        var doneByCategory = await MediansAsync("CategoryId", "ClosedAt", onlyDone: true, ct);
        var firstByDistrict = await MediansAsync("DistrictId", "FirstResponseAt", onlyDone: false, ct);
        var doneByDistrict = await MediansAsync("DistrictId", "ClosedAt", onlyDone: true, ct);

        var overall = new Row("", "", total, overallFirst.GetValueOrDefault(Guid.Empty, Median.None), overallDone.GetValueOrDefault(Guid.Empty, Median.None));
        var byName = StringComparer.CurrentCultureIgnoreCase;
        return new Figures(overall,
            categories.Where(c => countsByCategory.ContainsKey(c.Id)).Select(c => new Row(c.Code, c.Name, countsByCategory[c.Id],
                firstByCategory.GetValueOrDefault(c.Id, Median.None), doneByCategory.GetValueOrDefault(c.Id, Median.None))).OrderBy(r => r.Name, byName).ToList(),
            districts.Where(d => countsByDistrict.ContainsKey(d.Id)).Select(d => new Row(d.Slug, d.Name, countsByDistrict[d.Id],
                firstByDistrict.GetValueOrDefault(d.Id, Median.None), doneByDistrict.GetValueOrDefault(d.Id, Median.None))).OrderBy(r => r.Name, byName).ToList());
    }

    private sealed record MedianRow(Guid? Key, double? Median, long Count);

    /// <summary>Medians of (<paramref name="until"/> − RequestedAt) by <paramref name="groupColumn"/> (null: all reports, key Guid.Empty).</summary>
    private async Task<Dictionary<Guid, Median>> MediansAsync(string? groupColumn, string until, bool onlyDone, CancellationToken ct)
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
        var sql = $$"""
            WITH d AS (
                SELECT {{key}} AS k, {{seconds}} AS s FROM "Reports"
                WHERE "OrganizationId" = {0} AND "{{until}}" IS NOT NULL{{onlyDoneClause}}{{groupClause}}
            ), r AS (
                SELECT k, s, ROW_NUMBER() OVER (PARTITION BY k ORDER BY s) AS n, COUNT(*) OVER (PARTITION BY k) AS c FROM d
            )
            SELECT k AS "Key", {{mean}} AS "Median", MAX(c) AS "Count" FROM r
            WHERE n = (c + 1) / 2 OR n = (c + 2) / 2
            GROUP BY k
            """;
        var organization = tenant.OrganizationId ?? throw new InvalidOperationException("Figures need an organisation.");
        // SQLite keeps Guids as upper-case text (EF's convention); PostgreSQL as uuid.
        object parameter = postgres ? organization : organization.ToString().ToUpperInvariant();
        var rows = await db.Database.SqlQueryRaw<MedianRow>(sql, parameter).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key ?? Guid.Empty, r => new Median((int)r.Count, r.Median));
    }
}
