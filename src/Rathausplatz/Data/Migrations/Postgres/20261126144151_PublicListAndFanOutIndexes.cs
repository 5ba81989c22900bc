using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PublicListAndFanOutIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_subscriptions_organization_id_state_id",
                table: "subscriptions");

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_organization_id_state_id_types_frequency_all_~",
                table: "subscriptions",
                columns: new[] { "organization_id", "state", "id", "types", "frequency", "all_topics", "all_districts" });

            migrationBuilder.CreateIndex(
                name: "IX_Post_OrganizationId_Status_PublishedAt",
                table: "Post",
                columns: new[] { "OrganizationId", "Status", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_subscriptions_organization_id_state_id_types_frequency_all_~",
                table: "subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_Post_OrganizationId_Status_PublishedAt",
                table: "Post");

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_organization_id_state_id",
                table: "subscriptions",
                columns: new[] { "organization_id", "state", "id" });
        }
    }
}
