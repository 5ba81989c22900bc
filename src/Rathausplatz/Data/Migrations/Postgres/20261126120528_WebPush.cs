using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WebPush : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "push_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    p256dh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    auth = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    all_topics = table.Column<bool>(type: "boolean", nullable: false),
                    all_districts = table.Column<bool>(type: "boolean", nullable: false),
                    types = table.Column<int>(type: "integer", nullable: false),
                    language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    consent_text_version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    consent_given_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_push_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "FK_push_subscriptions_Organization_organization_id",
                        column: x => x.organization_id,
                        principalTable: "Organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "push_vapid_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    public_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    private_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_push_vapid_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "push_subscription_districts",
                columns: table => new
                {
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    district_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_push_subscription_districts", x => new { x.subscription_id, x.district_id });
                    table.ForeignKey(
                        name: "FK_push_subscription_districts_District_district_id",
                        column: x => x.district_id,
                        principalTable: "District",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_push_subscription_districts_push_subscriptions_subscription~",
                        column: x => x.subscription_id,
                        principalTable: "push_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "push_subscription_topics",
                columns: table => new
                {
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    topic_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_push_subscription_topics", x => new { x.subscription_id, x.topic_id });
                    table.ForeignKey(
                        name: "FK_push_subscription_topics_Topic_topic_id",
                        column: x => x.topic_id,
                        principalTable: "Topic",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_push_subscription_topics_push_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "push_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_push_subscription_districts_district_id_subscription_id",
                table: "push_subscription_districts",
                columns: new[] { "district_id", "subscription_id" });

            migrationBuilder.CreateIndex(
                name: "IX_push_subscription_topics_topic_id_subscription_id",
                table: "push_subscription_topics",
                columns: new[] { "topic_id", "subscription_id" });

            migrationBuilder.CreateIndex(
                name: "IX_push_subscriptions_organization_id",
                table: "push_subscriptions",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_push_subscriptions_organization_id_endpoint",
                table: "push_subscriptions",
                columns: new[] { "organization_id", "endpoint" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_push_subscriptions_organization_id_id",
                table: "push_subscriptions",
                columns: new[] { "organization_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "push_subscription_districts");

            migrationBuilder.DropTable(
                name: "push_subscription_topics");

            migrationBuilder.DropTable(
                name: "push_vapid_keys");

            migrationBuilder.DropTable(
                name: "push_subscriptions");
        }
    }
}
