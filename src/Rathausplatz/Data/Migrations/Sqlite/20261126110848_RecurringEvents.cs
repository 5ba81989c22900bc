using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecurringEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "NextOccurrenceEnd",
                table: "Post",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NextOccurrenceStart",
                table: "Post",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OccursUntil",
                table: "Post",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Recurrence",
                table: "Post",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecurrenceExceptions",
                table: "Post",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Post_OrganizationId_Type_NextOccurrenceStart",
                table: "Post",
                columns: new[] { "OrganizationId", "Type", "NextOccurrenceStart" });

            Rathausplatz.Features.Newsroom.Events.EventOccurrenceSchema.Backfill(migrationBuilder, postgres: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Post_OrganizationId_Type_NextOccurrenceStart",
                table: "Post");

            migrationBuilder.DropColumn(
                name: "NextOccurrenceEnd",
                table: "Post");

            migrationBuilder.DropColumn(
                name: "NextOccurrenceStart",
                table: "Post");

            migrationBuilder.DropColumn(
                name: "OccursUntil",
                table: "Post");

            migrationBuilder.DropColumn(
                name: "Recurrence",
                table: "Post");

            migrationBuilder.DropColumn(
                name: "RecurrenceExceptions",
                table: "Post");
        }
    }
}
