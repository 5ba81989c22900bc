using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "GuestParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Answered = table.Column<bool>(type: "INTEGER", nullable: false)
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
