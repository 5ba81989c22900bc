using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GuestParticipation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OpenWithoutAccount",
                table: "ParticipationProcesses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "GuestParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Secret = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Answered = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuestParticipants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GuestParticipants_Action_SubjectId_Email",
                table: "GuestParticipants",
                columns: new[] { "Action", "SubjectId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuestParticipants_OrganizationId",
                table: "GuestParticipants",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuestParticipants");

            migrationBuilder.DropColumn(
                name: "OpenWithoutAccount",
                table: "ParticipationProcesses");
        }
    }
}
