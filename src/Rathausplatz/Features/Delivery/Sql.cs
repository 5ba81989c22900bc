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

    /// <summary>On PostgreSQL rows locked by another claim are skipped; SQLite has one writer at a time.</summary>
    public static string SkipLocked(AppDb db) => db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
}
