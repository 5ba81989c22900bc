using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntranetSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntranetSearch",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    ShownTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShownText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetSearch", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetSearch_Kind_ItemId",
                table: "IntranetSearch",
                columns: new[] { "Kind", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntranetSearch_OrganizationId",
                table: "IntranetSearch",
                column: "OrganizationId");

            Features.Intranet.Search.IntranetSearchSchema.Create(migrationBuilder, postgres: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Features.Intranet.Search.IntranetSearchSchema.Drop(migrationBuilder, postgres: false);

            migrationBuilder.DropTable(
                name: "IntranetSearch");
        }
    }
}
