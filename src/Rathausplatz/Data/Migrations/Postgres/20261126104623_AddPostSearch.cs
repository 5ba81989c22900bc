using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false)
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

            Features.Newsroom.Search.SearchSchema.Create(migrationBuilder, postgres: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Features.Newsroom.Search.SearchSchema.Drop(migrationBuilder, postgres: true);

            migrationBuilder.DropTable(
                name: "PostSearch");
        }
    }
}
