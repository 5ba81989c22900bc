using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PreviewLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PreviewLink",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreviewLink", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreviewLink_Post_PostId",
                        column: x => x.PostId,
                        principalTable: "Post",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PreviewLink_OrganizationId",
                table: "PreviewLink",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_PreviewLink_PostId",
                table: "PreviewLink",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_PreviewLink_TokenHash",
                table: "PreviewLink",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PreviewLink");
        }
    }
}
