using Microsoft.EntityFrameworkCore.Migrations;

namespace Rathausplatz.Features.Intranet.Search;

/// <summary>
/// The full-text index over <see cref="IntranetSearchEntry"/>, which EF cannot describe; the migration that
/// creates the table calls <see cref="Create"/> (and <see cref="Drop"/> before dropping it), as the newsroom's
/// search does (<see cref="Newsroom.Search.SearchSchema"/>). SQLite: an FTS5 table with the entries as external
/// content, kept in step by triggers, with organisation, kind and space riding along unindexed so the
/// permission filter needs no join to the wide rows. PostgreSQL: a narrow table of id, organisation, kind,
/// space and tsvector (title weighted A, text D; 'simple' configuration over the stems), written by a
/// trigger, with a GIN index: the search walks the newest matches testing each vector, and narrow rows
/// make that walk cheap (the newsroom measured half the time, bench/RESULTS.md "Search").
/// </summary>
public static class IntranetSearchSchema
{
    public const string Table = "IntranetSearch";
    public const string SqliteIndex = "IntranetSearchIndex";
    public const string PostgresVectorTable = "IntranetSearchVector";

    public static void Create(MigrationBuilder migrationBuilder, bool postgres)
    {
        if (postgres)
        {
            migrationBuilder.Sql($"""
                CREATE TABLE "{PostgresVectorTable}" (
                    "Id" bigint PRIMARY KEY REFERENCES "{Table}" ("Id") ON DELETE CASCADE,
                    "OrganizationId" uuid NOT NULL,
                    "Kind" integer NOT NULL,
                    "SpaceId" uuid NULL,
                    "Vector" tsvector NOT NULL);
                CREATE FUNCTION "{PostgresVectorTable}_Write"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "{PostgresVectorTable}" ("Id", "OrganizationId", "Kind", "SpaceId", "Vector")
                    VALUES (NEW."Id", NEW."OrganizationId", NEW."Kind", NEW."SpaceId",
                        setweight(to_tsvector('simple', NEW."Title"), 'A') || setweight(to_tsvector('simple', NEW."Body"), 'D'))
                    ON CONFLICT ("Id") DO UPDATE SET "OrganizationId" = EXCLUDED."OrganizationId", "Kind" = EXCLUDED."Kind",
                        "SpaceId" = EXCLUDED."SpaceId", "Vector" = EXCLUDED."Vector";
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "{Table}_Vector" AFTER INSERT OR UPDATE ON "{Table}"
                    FOR EACH ROW EXECUTE FUNCTION "{PostgresVectorTable}_Write"();
                CREATE INDEX "IX_{PostgresVectorTable}_Vector" ON "{PostgresVectorTable}" USING GIN ("Vector");
                """);
            return;
        }
        // Tokens are letters and digits only (SearchText), so unicode61 splits them exactly where we did.
        migrationBuilder.Sql($"""
            CREATE VIRTUAL TABLE "{SqliteIndex}" USING fts5(Title, Body, OrganizationId UNINDEXED, Kind UNINDEXED, SpaceId UNINDEXED,
                content='{Table}', content_rowid='Id', tokenize='unicode61 remove_diacritics 0', prefix='3 4');
            CREATE TRIGGER "{Table}_Inserted" AFTER INSERT ON "{Table}" BEGIN
                INSERT INTO "{SqliteIndex}"(rowid, Title, Body, OrganizationId, Kind, SpaceId) VALUES (new.Id, new.Title, new.Body, new.OrganizationId, new.Kind, new.SpaceId);
            END;
            CREATE TRIGGER "{Table}_Deleted" AFTER DELETE ON "{Table}" BEGIN
                INSERT INTO "{SqliteIndex}"("{SqliteIndex}", rowid, Title, Body, OrganizationId, Kind, SpaceId) VALUES ('delete', old.Id, old.Title, old.Body, old.OrganizationId, old.Kind, old.SpaceId);
            END;
            CREATE TRIGGER "{Table}_Updated" AFTER UPDATE ON "{Table}" BEGIN
                INSERT INTO "{SqliteIndex}"("{SqliteIndex}", rowid, Title, Body, OrganizationId, Kind, SpaceId) VALUES ('delete', old.Id, old.Title, old.Body, old.OrganizationId, old.Kind, old.SpaceId);
                INSERT INTO "{SqliteIndex}"(rowid, Title, Body, OrganizationId, Kind, SpaceId) VALUES (new.Id, new.Title, new.Body, new.OrganizationId, new.Kind, new.SpaceId);
            END;
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder, bool postgres)
    {
        if (postgres)
        {
            migrationBuilder.Sql($"""
                DROP TRIGGER IF EXISTS "{Table}_Vector" ON "{Table}";
                DROP FUNCTION IF EXISTS "{PostgresVectorTable}_Write"();
                DROP TABLE IF EXISTS "{PostgresVectorTable}";
                """);
            return;
        }
        migrationBuilder.Sql($"""
            DROP TRIGGER IF EXISTS "{Table}_Inserted";
            DROP TRIGGER IF EXISTS "{Table}_Deleted";
            DROP TRIGGER IF EXISTS "{Table}_Updated";
            DROP TABLE IF EXISTS "{SqliteIndex}";
            """);
    }
}
