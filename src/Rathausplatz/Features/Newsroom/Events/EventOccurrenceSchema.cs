using Microsoft.EntityFrameworkCore.Migrations;

namespace Rathausplatz.Features.Newsroom.Events;

/// <summary>
/// Fills the occurrence columns of events stored before they existed (none of those repeat): the next
/// occurrence is the event itself; it is over at its end, or for all-day events a day after its last
/// day began. Called by the migration that adds the columns.
/// </summary>
public static class EventOccurrenceSchema
{
    public static void Backfill(MigrationBuilder migrationBuilder, bool postgres)
    {
        var dayLater = postgres ? "COALESCE(\"EventEnd\", \"EventStart\") + INTERVAL '1 day'" : "datetime(COALESCE(\"EventEnd\", \"EventStart\"), '+1 day')";
        migrationBuilder.Sql($"""
            UPDATE "Post" SET "NextOccurrenceStart" = "EventStart", "NextOccurrenceEnd" = "EventEnd",
                "OccursUntil" = CASE WHEN "EventAllDay" THEN {dayLater} ELSE COALESCE("EventEnd", "EventStart") END
            WHERE "Type" = {(int)PostType.Event} AND "EventStart" IS NOT NULL
            """);
    }
}
