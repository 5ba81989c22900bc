using Rathausplatz.Data;

namespace Rathausplatz.Features.Delivery;

/// <summary>
/// Literals for the hand-written delivery SQL. Ids are inlined rather than bound: a Guid parameter is
/// bound as a blob by Microsoft.Data.Sqlite, while EF stores Guids as upper-case text there. Guids
/// cannot carry SQL, so inlining them is safe.
/// </summary>
internal static class Sql
{
    public static string Id(AppDb db, Guid id) =>
        db.Database.IsNpgsql() ? $"'{id:D}'" : $"'{id.ToString("D").ToUpperInvariant()}'";

    public static string Ids(AppDb db, IEnumerable<Guid> ids) => string.Join(", ", ids.Select(id => Id(db, id)));

    /// <summary>An id as a parameter value that compares like the stored column: a Guid on PostgreSQL, EF's upper-case text on SQLite.</summary>
    public static object IdValue(AppDb db, Guid id) => db.Database.IsNpgsql() ? id : id.ToString("D").ToUpperInvariant();

    /// <summary>
    /// The last id of the next keyset page of <paramref name="batch"/> rows of <paramref name="table"/> (alias s) after
    /// <paramref name="after"/>; null when fewer are left. The position is a parameter, not inlined: EF compiles a
    /// query per distinct SQL text, and an inlined position made every page a new one.
    /// </summary>
    public static async Task<Guid?> PageEndAsync(AppDb db, string table, string where, Guid? after, int batch, CancellationToken ct)
    {
        var from = after is null ? "" : " AND s.id > {0}";
        object[] position = after is { } id ? [IdValue(db, id)] : [];
        var sql = $"SELECT s.id AS \"Value\" FROM {table} s WHERE {where}{from} ORDER BY s.id LIMIT 1 OFFSET {batch - 1}";
        var end = await db.Database.SqlQueryRaw<Guid>(sql, position).ToListAsync(ct);
        return end is [var last] ? last : null;
    }

    /// <summary>On PostgreSQL rows locked by another claim are skipped; SQLite has one writer at a time.</summary>
    public static string SkipLocked(AppDb db) => db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
}
