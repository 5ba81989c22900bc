using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    ShownTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ShownText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            Features.Intranet.Search.IntranetSearchSchema.Create(migrationBuilder, postgres: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Features.Intranet.Search.IntranetSearchSchema.Drop(migrationBuilder, postgres: true);

            migrationBuilder.DropTable(
                name: "IntranetSearch");
        }
    }
}
