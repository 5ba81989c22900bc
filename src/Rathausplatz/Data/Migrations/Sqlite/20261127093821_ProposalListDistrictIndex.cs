using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProposalListDistrictIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProcessId_DistrictId_SupportCount",
                table: "Proposals");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_DistrictId_SupportCount_CreatedAt_Id",
                table: "Proposals",
                columns: new[] { "ProcessId", "DistrictId", "SupportCount", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_ProcessId_DistrictId_SupportCount_CreatedAt_Id",
                table: "Proposals");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_DistrictId_SupportCount",
                table: "Proposals",
                columns: new[] { "ProcessId", "DistrictId", "SupportCount" });
        }
    }
}
