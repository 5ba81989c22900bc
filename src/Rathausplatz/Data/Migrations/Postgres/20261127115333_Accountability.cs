using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Accountability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<int>(
                name: "PercentDone",
                table: "Proposals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Progress",
                table: "Proposals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "InAppNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InAppNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InAppNotices_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressUpdates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    PercentDone = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressUpdates", x => x.Id);
                    table.CheckConstraint("CK_ProgressUpdates_OneSubject", "(\"ProjectId\" IS NULL) <> (\"ProposalId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_ProgressUpdates_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProgressUpdates_BudgetProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "BudgetProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgressUpdates_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The project updates move into the shared table with their ids, times and texts; nothing is lost.
            migrationBuilder.Sql("""
                INSERT INTO "ProgressUpdates" ("Id", "OrganizationId", "ProjectId", "ProposalId", "AuthorId", "Body", "Progress", "PercentDone", "At")
                SELECT "Id", "OrganizationId", "ProjectId", NULL, "AuthorId", "Body", "Progress", "PercentDone", "At" FROM "BudgetProjectUpdates";
                """);

            migrationBuilder.DropTable(
                name: "BudgetProjectUpdates");

            migrationBuilder.CreateIndex(
                name: "IX_InAppNotices_EventId_UserId",
                table: "InAppNotices",
                columns: new[] { "EventId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InAppNotices_OrganizationId",
                table: "InAppNotices",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_InAppNotices_UserId_At",
                table: "InAppNotices",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressUpdates_AuthorId",
                table: "ProgressUpdates",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressUpdates_OrganizationId",
                table: "ProgressUpdates",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressUpdates_ProjectId_At",
                table: "ProgressUpdates",
                columns: new[] { "ProjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressUpdates_ProposalId_At",
                table: "ProgressUpdates",
                columns: new[] { "ProposalId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InAppNotices");


            migrationBuilder.DropColumn(
                name: "PercentDone",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "Progress",
                table: "Proposals");

            migrationBuilder.CreateTable(
                name: "BudgetProjectUpdates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PercentDone = table.Column<int>(type: "integer", nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetProjectUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetProjectUpdates_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BudgetProjectUpdates_BudgetProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "BudgetProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetProjectUpdates_AuthorId",
                table: "BudgetProjectUpdates",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetProjectUpdates_OrganizationId",
                table: "BudgetProjectUpdates",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetProjectUpdates_ProjectId_At",
                table: "BudgetProjectUpdates",
                columns: new[] { "ProjectId", "At" });

            migrationBuilder.Sql("""
                INSERT INTO "BudgetProjectUpdates" ("Id", "OrganizationId", "ProjectId", "AuthorId", "Body", "Progress", "PercentDone", "At")
                SELECT "Id", "OrganizationId", "ProjectId", "AuthorId", "Body", "Progress", "PercentDone", "At" FROM "ProgressUpdates" WHERE "ProjectId" IS NOT NULL;
                """);

            migrationBuilder.DropTable(
                name: "ProgressUpdates");
        }
    }
}
