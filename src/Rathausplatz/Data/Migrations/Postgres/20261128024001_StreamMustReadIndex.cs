using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StreamMustReadIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_IntranetPosts_SpaceId_MustReadSince",
                table: "IntranetPosts",
                columns: new[] { "SpaceId", "MustReadSince" },
                filter: "\"MustReadSince\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IntranetPosts_SpaceId_MustReadSince",
                table: "IntranetPosts");
        }
    }
}
