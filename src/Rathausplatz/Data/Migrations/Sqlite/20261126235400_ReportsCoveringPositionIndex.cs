using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportsCoveringPositionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_OrganizationId_Latitude_Longitude",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OrganizationId_Position_Covering",
                table: "Reports",
                columns: new[] { "OrganizationId", "Latitude", "Longitude", "RequestedAt", "Status", "CategoryId", "PublicId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_OrganizationId_Position_Covering",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OrganizationId_Latitude_Longitude",
                table: "Reports",
                columns: new[] { "OrganizationId", "Latitude", "Longitude" });
        }
    }
}
