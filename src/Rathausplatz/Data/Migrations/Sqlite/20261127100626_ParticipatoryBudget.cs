using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParticipatoryBudget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProcessId_DistrictId_SupportCount",
                table: "Proposals");

            migrationBuilder.AddColumn<long>(
                name: "BudgetCents",
                table: "ParticipationProcesses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "BudgetEnabled",
                table: "ParticipationProcesses",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "BudgetBallots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistrictId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CastAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetBallots_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BudgetBallots_District_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "District",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BudgetBallots_ParticipationProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "ParticipationProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    CostCents = table.Column<long>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    PercentDone = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetProjects_District_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "District",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BudgetProjects_ParticipationProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "ParticipationProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BudgetProjects_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "BudgetBallotSelections",
                columns: table => new
                {
                    BallotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetBallotSelections", x => new { x.BallotId, x.ProjectId });
                    table.ForeignKey(
                        name: "FK_BudgetBallotSelections_BudgetBallots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "BudgetBallots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BudgetBallotSelections_BudgetProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "BudgetProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetProjectUpdates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    PercentDone = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "IX_Proposals_ProcessId_DistrictId_SupportCount_CreatedAt_Id",
                table: "Proposals",
                columns: new[] { "ProcessId", "DistrictId", "SupportCount", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetBallots_DistrictId",
                table: "BudgetBallots",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetBallots_OrganizationId",
                table: "BudgetBallots",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetBallots_ProcessId_UserId",
                table: "BudgetBallots",
                columns: new[] { "ProcessId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetBallots_UserId",
                table: "BudgetBallots",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetBallotSelections_OrganizationId",
                table: "BudgetBallotSelections",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetBallotSelections_ProjectId",
                table: "BudgetBallotSelections",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetProjects_DistrictId",
                table: "BudgetProjects",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetProjects_OrganizationId",
                table: "BudgetProjects",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetProjects_ProcessId_Title",
                table: "BudgetProjects",
                columns: new[] { "ProcessId", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetProjects_ProposalId",
                table: "BudgetProjects",
                column: "ProposalId");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetBallotSelections");

            migrationBuilder.DropTable(
                name: "BudgetProjectUpdates");

            migrationBuilder.DropTable(
                name: "BudgetBallots");

            migrationBuilder.DropTable(
                name: "BudgetProjects");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProcessId_DistrictId_SupportCount_CreatedAt_Id",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "BudgetCents",
                table: "ParticipationProcesses");

            migrationBuilder.DropColumn(
                name: "BudgetEnabled",
                table: "ParticipationProcesses");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_DistrictId_SupportCount",
                table: "Proposals",
                columns: new[] { "ProcessId", "DistrictId", "SupportCount" });
        }
    }
}
