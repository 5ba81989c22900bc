using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPostSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PostSearch",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostSearch", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostSearch_Post_PostId",
                        column: x => x.PostId,
                        principalTable: "Post",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PostSearch_OrganizationId",
                table: "PostSearch",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_PostSearch_PostId_Language",
                table: "PostSearch",
                columns: new[] { "PostId", "Language" },
                unique: true);

            Features.Newsroom.Search.SearchSchema.Create(migrationBuilder, postgres: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Features.Newsroom.Search.SearchSchema.Drop(migrationBuilder, postgres: false);

            migrationBuilder.DropTable(
                name: "PostSearch");
        }
    }
}
