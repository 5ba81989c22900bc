using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProposalImagesMapEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAt",
                table: "Proposals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAt",
                table: "ProposalComments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ImageId",
                table: "ParticipationModerationActions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProposalImages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    AltText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HiddenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HiddenById = table.Column<Guid>(type: "uuid", nullable: true),
                    HiddenReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalImages_AspNetUsers_HiddenById",
                        column: x => x.HiddenById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProposalImages_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalImageVariants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ImageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Hash = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalImageVariants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalImageVariants_ProposalImages_ImageId",
                        column: x => x.ImageId,
                        principalTable: "ProposalImages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationModerationActions_ImageId",
                table: "ParticipationModerationActions",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalImages_HiddenById",
                table: "ProposalImages",
                column: "HiddenById");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalImages_OrganizationId",
                table: "ProposalImages",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalImages_ProposalId_Position",
                table: "ProposalImages",
                columns: new[] { "ProposalId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalImageVariants_ImageId_Width_ContentType",
                table: "ProposalImageVariants",
                columns: new[] { "ImageId", "Width", "ContentType" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalImageVariants_OrganizationId",
                table: "ProposalImageVariants",
                column: "OrganizationId");

            migrationBuilder.AddForeignKey(
                name: "FK_ParticipationModerationActions_ProposalImages_ImageId",
                table: "ParticipationModerationActions",
                column: "ImageId",
                principalTable: "ProposalImages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ParticipationModerationActions_ProposalImages_ImageId",
                table: "ParticipationModerationActions");

            migrationBuilder.DropTable(
                name: "ProposalImageVariants");

            migrationBuilder.DropTable(
                name: "ProposalImages");

            migrationBuilder.DropIndex(
                name: "IX_ParticipationModerationActions_ImageId",
                table: "ParticipationModerationActions");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "ProposalComments");

            migrationBuilder.DropColumn(
                name: "ImageId",
                table: "ParticipationModerationActions");
        }
    }
}
