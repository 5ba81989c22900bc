using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Debates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "ProposalId",
                table: "ProposalComments",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "DebateId",
                table: "ProposalComments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DebatesEnabled",
                table: "ParticipationProcesses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<Guid>(
                name: "ProposalId",
                table: "ParticipationModerationActions",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "DebateId",
                table: "ParticipationModerationActions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "ProposalId",
                table: "ParticipationFlags",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "DebateId",
                table: "ParticipationFlags",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Debates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Introduction = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Debates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Debates_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Debates_ParticipationProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "ParticipationProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_DebateId_CreatedAt",
                table: "ProposalComments",
                columns: new[] { "DebateId", "CreatedAt" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_ProposalComments_OneSubject",
                table: "ProposalComments",
                sql: "(\"ProposalId\" IS NULL) <> (\"DebateId\" IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationModerationActions_DebateId",
                table: "ParticipationModerationActions",
                column: "DebateId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ParticipationModerationActions_OneSubject",
                table: "ParticipationModerationActions",
                sql: "(\"ProposalId\" IS NULL) <> (\"DebateId\" IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationFlags_DebateId",
                table: "ParticipationFlags",
                column: "DebateId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ParticipationFlags_OneSubject",
                table: "ParticipationFlags",
                sql: "(\"ProposalId\" IS NULL) <> (\"DebateId\" IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_Debates_CreatedById",
                table: "Debates",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Debates_OrganizationId",
                table: "Debates",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Debates_OrganizationId_ClosesAt",
                table: "Debates",
                columns: new[] { "OrganizationId", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Debates_ProcessId_CreatedAt",
                table: "Debates",
                columns: new[] { "ProcessId", "CreatedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_ParticipationFlags_Debates_DebateId",
                table: "ParticipationFlags",
                column: "DebateId",
                principalTable: "Debates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ParticipationModerationActions_Debates_DebateId",
                table: "ParticipationModerationActions",
                column: "DebateId",
                principalTable: "Debates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ProposalComments_Debates_DebateId",
                table: "ProposalComments",
                column: "DebateId",
                principalTable: "Debates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ParticipationFlags_Debates_DebateId",
                table: "ParticipationFlags");

            migrationBuilder.DropForeignKey(
                name: "FK_ParticipationModerationActions_Debates_DebateId",
                table: "ParticipationModerationActions");

            migrationBuilder.DropForeignKey(
                name: "FK_ProposalComments_Debates_DebateId",
                table: "ProposalComments");

            migrationBuilder.DropTable(
                name: "Debates");

            migrationBuilder.DropIndex(
                name: "IX_ProposalComments_DebateId_CreatedAt",
                table: "ProposalComments");

            migrationBuilder.DropCheckConstraint(
                name: "CK_ProposalComments_OneSubject",
                table: "ProposalComments");

            migrationBuilder.DropIndex(
                name: "IX_ParticipationModerationActions_DebateId",
                table: "ParticipationModerationActions");

            migrationBuilder.DropCheckConstraint(
                name: "CK_ParticipationModerationActions_OneSubject",
                table: "ParticipationModerationActions");

            migrationBuilder.DropIndex(
                name: "IX_ParticipationFlags_DebateId",
                table: "ParticipationFlags");

            migrationBuilder.DropCheckConstraint(
                name: "CK_ParticipationFlags_OneSubject",
                table: "ParticipationFlags");

            migrationBuilder.DropColumn(
                name: "DebateId",
                table: "ProposalComments");

            migrationBuilder.DropColumn(
                name: "DebatesEnabled",
                table: "ParticipationProcesses");

            migrationBuilder.DropColumn(
                name: "DebateId",
                table: "ParticipationModerationActions");

            migrationBuilder.DropColumn(
                name: "DebateId",
                table: "ParticipationFlags");

            migrationBuilder.AlterColumn<Guid>(
                name: "ProposalId",
                table: "ProposalComments",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "ProposalId",
                table: "ParticipationModerationActions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "ProposalId",
                table: "ParticipationFlags",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
