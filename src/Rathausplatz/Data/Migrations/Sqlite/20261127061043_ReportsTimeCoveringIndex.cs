using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportsTimeCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_OrganizationId_RequestedAt",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OrganizationId_Time_Covering",
                table: "Reports",
                columns: new[] { "OrganizationId", "RequestedAt", "Latitude", "Longitude", "Status", "CategoryId", "PublicId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_OrganizationId_Time_Covering",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OrganizationId_RequestedAt",
                table: "Reports",
                columns: new[] { "OrganizationId", "RequestedAt" });
        }
    }
}
