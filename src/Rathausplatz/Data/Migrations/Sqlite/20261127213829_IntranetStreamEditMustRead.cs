using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntranetStreamEditMustRead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAt",
                table: "IntranetPosts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MustReadSince",
                table: "IntranetPosts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAt",
                table: "IntranetComments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IntranetModerationLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Removed = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetModerationLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetModerationLog_AspNetUsers_ActorId",
                        column: x => x.ActorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntranetModerationLog_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntranetModerationLog_IntranetSpaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "IntranetSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetReadConfirmations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetReadConfirmations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetReadConfirmations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntranetReadConfirmations_IntranetPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "IntranetPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetModerationLog_ActorId",
                table: "IntranetModerationLog",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetModerationLog_AuthorId",
                table: "IntranetModerationLog",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetModerationLog_OrganizationId",
                table: "IntranetModerationLog",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetModerationLog_SpaceId_At",
                table: "IntranetModerationLog",
                columns: new[] { "SpaceId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetReadConfirmations_OrganizationId",
                table: "IntranetReadConfirmations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetReadConfirmations_PostId_UserId",
                table: "IntranetReadConfirmations",
                columns: new[] { "PostId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntranetReadConfirmations_UserId",
                table: "IntranetReadConfirmations",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntranetModerationLog");

            migrationBuilder.DropTable(
                name: "IntranetReadConfirmations");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "IntranetPosts");

            migrationBuilder.DropColumn(
                name: "MustReadSince",
                table: "IntranetPosts");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "IntranetComments");
        }
    }
}
