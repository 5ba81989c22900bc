using Microsoft.EntityFrameworkCore.Migrations;

namespace Rathausplatz.Features.Newsroom.Search;

/// <summary>
/// The full-text index over <see cref="PostSearchDocument"/>, which EF cannot describe: migrations
/// call <see cref="Create"/> after creating the table and <see cref="Drop"/> before dropping it.
/// SQLite: an FTS5 table with the documents as external content (no second copy of the text), kept
/// in step by triggers in the same transaction, with prefix indexes for "baum*". PostgreSQL: a
/// tsvector (title weighted A, summary B, body D) over the already-stemmed text with the 'simple'
/// configuration, and a GIN index on it; first a generated column, since migration
/// PostSearchNarrowVector a narrow table of its own kept in step by a trigger.
/// </summary>
public static class SearchSchema
{
    public const string Table = "PostSearch";
    public const string SqliteIndex = "PostSearchIndex";
    public const string PostgresVector = "Vector";
    /// <summary>PostgreSQL: the narrow table the vectors live in since migration PostSearchNarrowVector.</summary>
    public const string PostgresVectorTable = "PostSearchVector";

    public static void Create(MigrationBuilder migrationBuilder, bool postgres)
    {
        if (postgres)
        {
            migrationBuilder.Sql($"""
                ALTER TABLE "{Table}" ADD COLUMN "{PostgresVector}" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', "Title"), 'A') ||
                    setweight(to_tsvector('simple', "Summary"), 'B') ||
                    setweight(to_tsvector('simple', "Body"), 'D')) STORED;
                CREATE INDEX "IX_{Table}_{PostgresVector}" ON "{Table}" USING GIN ("{PostgresVector}");
                """);
            return;
        }
        // Tokens are letters and digits only (SearchText), so unicode61 splits them exactly where we did;
        // diacritics are already folded in C#. The organisation rides along unindexed, so the search can
        // take the newest matches of one organisation without those of another crowding them out.
        migrationBuilder.Sql($"""
            CREATE VIRTUAL TABLE "{SqliteIndex}" USING fts5(Title, Summary, Body, OrganizationId UNINDEXED,
                content='{Table}', content_rowid='Id', tokenize='unicode61 remove_diacritics 0', prefix='3 4');
            CREATE TRIGGER "{Table}_Inserted" AFTER INSERT ON "{Table}" BEGIN
                INSERT INTO "{SqliteIndex}"(rowid, Title, Summary, Body, OrganizationId) VALUES (new.Id, new.Title, new.Summary, new.Body, new.OrganizationId);
            END;
            CREATE TRIGGER "{Table}_Deleted" AFTER DELETE ON "{Table}" BEGIN
                INSERT INTO "{SqliteIndex}"("{SqliteIndex}", rowid, Title, Summary, Body, OrganizationId) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body, old.OrganizationId);
            END;
            CREATE TRIGGER "{Table}_Updated" AFTER UPDATE ON "{Table}" BEGIN
                INSERT INTO "{SqliteIndex}"("{SqliteIndex}", rowid, Title, Summary, Body, OrganizationId) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body, old.OrganizationId);
                INSERT INTO "{SqliteIndex}"(rowid, Title, Summary, Body, OrganizationId) VALUES (new.Id, new.Title, new.Summary, new.Body, new.OrganizationId);
            END;
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder, bool postgres)
    {
        if (postgres)
        {
            migrationBuilder.Sql($"""ALTER TABLE "{Table}" DROP COLUMN IF EXISTS "{PostgresVector}";""");
            return;
        }
        migrationBuilder.Sql($"""
            DROP TRIGGER IF EXISTS "{Table}_Inserted";
            DROP TRIGGER IF EXISTS "{Table}_Deleted";
            DROP TRIGGER IF EXISTS "{Table}_Updated";
            DROP TABLE IF EXISTS "{SqliteIndex}";
            """);
    }

    /// <summary>
    /// PostgreSQL: the vector moves out of the search row (which also carries title, summary and body,
    /// about 2 KB) into a table of id, organisation and vector, kept in step by a trigger in the same
    /// transaction; deleting the search row deletes it (foreign key). Why: for a query of two common words
    /// the search walks the newest rows testing each vector, some 10,000 of them; reading them from wide
    /// rows cost twice the time of reading them from narrow ones (bench/RESULTS.md, "Search").
    /// </summary>
    public static void MoveVectorToOwnTable(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE TABLE "{PostgresVectorTable}" (
                "Id" bigint PRIMARY KEY REFERENCES "{Table}" ("Id") ON DELETE CASCADE,
                "OrganizationId" uuid NOT NULL,
                "{PostgresVector}" tsvector NOT NULL);
            CREATE FUNCTION "{PostgresVectorTable}_Write"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO "{PostgresVectorTable}" ("Id", "OrganizationId", "{PostgresVector}")
                VALUES (NEW."Id", NEW."OrganizationId",
                    setweight(to_tsvector('simple', NEW."Title"), 'A') ||
                    setweight(to_tsvector('simple', NEW."Summary"), 'B') ||
                    setweight(to_tsvector('simple', NEW."Body"), 'D'))
                ON CONFLICT ("Id") DO UPDATE SET "OrganizationId" = EXCLUDED."OrganizationId", "{PostgresVector}" = EXCLUDED."{PostgresVector}";
                RETURN NULL;
            END $$;
            CREATE TRIGGER "{Table}_Vector" AFTER INSERT OR UPDATE ON "{Table}"
                FOR EACH ROW EXECUTE FUNCTION "{PostgresVectorTable}_Write"();
            INSERT INTO "{PostgresVectorTable}" ("Id", "OrganizationId", "{PostgresVector}")
                SELECT "Id", "OrganizationId", "{PostgresVector}" FROM "{Table}";
            CREATE INDEX "IX_{PostgresVectorTable}_{PostgresVector}" ON "{PostgresVectorTable}" USING GIN ("{PostgresVector}");
            ALTER TABLE "{Table}" DROP COLUMN "{PostgresVector}";
            """);
    }

    /// <summary>Undoes <see cref="MoveVectorToOwnTable"/>: the generated column comes back and is computed again.</summary>
    public static void MoveVectorBackToSearchRow(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            DROP TRIGGER "{Table}_Vector" ON "{Table}";
            DROP FUNCTION "{PostgresVectorTable}_Write"();
            DROP TABLE "{PostgresVectorTable}";
            """);
        Create(migrationBuilder, postgres: true);
    }
}
