using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Residency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ResidentsOnly",
                table: "ParticipationProcesses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ResidencyCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Batch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RedeemedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RedeemedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidencyCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidencyCodes_AspNetUsers_RedeemedById",
                        column: x => x.RedeemedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ResidentVerifications",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    VerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CodeId = table.Column<Guid>(type: "uuid", nullable: true),
                    CheckedById = table.Column<Guid>(type: "uuid", nullable: true),
                    IdentityHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentVerifications", x => new { x.OrganizationId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ResidentVerifications_AspNetUsers_CheckedById",
                        column: x => x.CheckedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ResidentVerifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResidentVerifications_ResidencyCodes_CodeId",
                        column: x => x.CodeId,
                        principalTable: "ResidencyCodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResidencyCodes_OrganizationId",
                table: "ResidencyCodes",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidencyCodes_OrganizationId_CodeHash",
                table: "ResidencyCodes",
                columns: new[] { "OrganizationId", "CodeHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidencyCodes_RedeemedById",
                table: "ResidencyCodes",
                column: "RedeemedById");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentVerifications_CheckedById",
                table: "ResidentVerifications",
                column: "CheckedById");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentVerifications_CodeId",
                table: "ResidentVerifications",
                column: "CodeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidentVerifications_OrganizationId",
                table: "ResidentVerifications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentVerifications_OrganizationId_IdentityHash",
                table: "ResidentVerifications",
                columns: new[] { "OrganizationId", "IdentityHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidentVerifications_UserId",
                table: "ResidentVerifications",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResidentVerifications");

            migrationBuilder.DropTable(
                name: "ResidencyCodes");

            migrationBuilder.DropColumn(
                name: "ResidentsOnly",
                table: "ParticipationProcesses");
        }
    }
}
