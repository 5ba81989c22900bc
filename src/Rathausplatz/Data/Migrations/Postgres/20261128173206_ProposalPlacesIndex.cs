using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProposalPlacesIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Places",
                table: "Proposals",
                columns: new[] { "ProcessId", "CreatedAt", "Id" },
                filter: "\"Latitude\" IS NOT NULL AND \"Longitude\" IS NOT NULL AND \"HiddenAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_Places",
                table: "Proposals");
        }
    }
}
