using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InAppNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "in_app_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    all_topics = table.Column<bool>(type: "INTEGER", nullable: false),
                    all_districts = table.Column<bool>(type: "INTEGER", nullable: false),
                    types = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_in_app_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "FK_in_app_subscriptions_AspNetUsers_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_in_app_subscriptions_Organization_organization_id",
                        column: x => x.organization_id,
                        principalTable: "Organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "in_app_reads",
                columns: table => new
                {
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_in_app_reads", x => new { x.SubscriptionId, x.PostId });
                    table.ForeignKey(
                        name: "FK_in_app_reads_Post_PostId",
                        column: x => x.PostId,
                        principalTable: "Post",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_in_app_reads_in_app_subscriptions_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "in_app_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "in_app_subscription_districts",
                columns: table => new
                {
                    subscription_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    district_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_in_app_subscription_districts", x => new { x.subscription_id, x.district_id });
                    table.ForeignKey(
                        name: "FK_in_app_subscription_districts_District_district_id",
                        column: x => x.district_id,
                        principalTable: "District",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_in_app_subscription_districts_in_app_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "in_app_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "in_app_subscription_topics",
                columns: table => new
                {
                    subscription_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    topic_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_in_app_subscription_topics", x => new { x.subscription_id, x.topic_id });
                    table.ForeignKey(
                        name: "FK_in_app_subscription_topics_Topic_topic_id",
                        column: x => x.topic_id,
                        principalTable: "Topic",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_in_app_subscription_topics_in_app_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "in_app_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_in_app_reads_PostId",
                table: "in_app_reads",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_in_app_subscription_districts_district_id",
                table: "in_app_subscription_districts",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "IX_in_app_subscription_topics_topic_id",
                table: "in_app_subscription_topics",
                column: "topic_id");

            migrationBuilder.CreateIndex(
                name: "IX_in_app_subscriptions_organization_id",
                table: "in_app_subscriptions",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_in_app_subscriptions_organization_id_id",
                table: "in_app_subscriptions",
                columns: new[] { "organization_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_in_app_subscriptions_user_id",
                table: "in_app_subscriptions",
                column: "user_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "in_app_reads");

            migrationBuilder.DropTable(
                name: "in_app_subscription_districts");

            migrationBuilder.DropTable(
                name: "in_app_subscription_topics");

            migrationBuilder.DropTable(
                name: "in_app_subscriptions");
        }
    }
}
