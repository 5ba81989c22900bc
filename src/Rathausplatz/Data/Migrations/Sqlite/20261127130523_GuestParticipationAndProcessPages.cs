using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GuestParticipationAndProcessPages : Migration
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

            migrationBuilder.CreateTable(
                name: "ProcessMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessMeetings_ParticipationProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "ParticipationProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProcessMeetings_Post_PostId",
                        column: x => x.PostId,
                        principalTable: "Post",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcessPages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessPages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessPages_ParticipationProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "ParticipationProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateIndex(
                name: "IX_ProcessMeetings_OrganizationId",
                table: "ProcessMeetings",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessMeetings_PostId",
                table: "ProcessMeetings",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessMeetings_ProcessId_PostId",
                table: "ProcessMeetings",
                columns: new[] { "ProcessId", "PostId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcessPages_OrganizationId",
                table: "ProcessPages",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessPages_ProcessId_Kind_CreatedAt",
                table: "ProcessPages",
                columns: new[] { "ProcessId", "Kind", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuestParticipants");

            migrationBuilder.DropTable(
                name: "ProcessMeetings");

            migrationBuilder.DropTable(
                name: "ProcessPages");

            migrationBuilder.DropColumn(
                name: "OpenWithoutAccount",
                table: "ParticipationProcesses");
        }
    }
}
