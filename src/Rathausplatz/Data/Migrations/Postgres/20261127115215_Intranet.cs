using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Intranet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntranetSpaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    JoinPolicy = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetSpaces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntranetJoinRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetJoinRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetJoinRequests_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntranetJoinRequests_IntranetSpaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "IntranetSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetPosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetPosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetPosts_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntranetPosts_IntranetSpaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "IntranetSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetSpaceMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetSpaceMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetSpaceMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntranetSpaceMembers_IntranetSpaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "IntranetSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetComments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntranetComments_IntranetPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "IntranetPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetMentions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetMentions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetMentions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntranetMentions_IntranetPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "IntranetPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetReactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetReactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetReactions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntranetReactions_IntranetPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "IntranetPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetTags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tag = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetTags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetTags_IntranetPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "IntranetPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetComments_AuthorId",
                table: "IntranetComments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetComments_OrganizationId",
                table: "IntranetComments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetComments_PostId_CreatedAt",
                table: "IntranetComments",
                columns: new[] { "PostId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetJoinRequests_OrganizationId",
                table: "IntranetJoinRequests",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetJoinRequests_SpaceId_UserId",
                table: "IntranetJoinRequests",
                columns: new[] { "SpaceId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntranetJoinRequests_UserId",
                table: "IntranetJoinRequests",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetMentions_OrganizationId",
                table: "IntranetMentions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetMentions_PostId_UserId",
                table: "IntranetMentions",
                columns: new[] { "PostId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntranetMentions_UserId_CreatedAt",
                table: "IntranetMentions",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetPosts_AuthorId",
                table: "IntranetPosts",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetPosts_OrganizationId",
                table: "IntranetPosts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetPosts_SpaceId_CreatedAt_Id",
                table: "IntranetPosts",
                columns: new[] { "SpaceId", "CreatedAt", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetReactions_OrganizationId",
                table: "IntranetReactions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetReactions_PostId_UserId_Kind",
                table: "IntranetReactions",
                columns: new[] { "PostId", "UserId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntranetReactions_UserId",
                table: "IntranetReactions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetSpaceMembers_OrganizationId",
                table: "IntranetSpaceMembers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetSpaceMembers_SpaceId_UserId",
                table: "IntranetSpaceMembers",
                columns: new[] { "SpaceId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntranetSpaceMembers_UserId_SpaceId",
                table: "IntranetSpaceMembers",
                columns: new[] { "UserId", "SpaceId" });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetSpaces_OrganizationId",
                table: "IntranetSpaces",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetSpaces_OrganizationId_Title",
                table: "IntranetSpaces",
                columns: new[] { "OrganizationId", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetTags_OrganizationId",
                table: "IntranetTags",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetTags_PostId_Tag",
                table: "IntranetTags",
                columns: new[] { "PostId", "Tag" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntranetTags_SpaceId_Tag_CreatedAt",
                table: "IntranetTags",
                columns: new[] { "SpaceId", "Tag", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntranetComments");

            migrationBuilder.DropTable(
                name: "IntranetJoinRequests");

            migrationBuilder.DropTable(
                name: "IntranetMentions");

            migrationBuilder.DropTable(
                name: "IntranetReactions");

            migrationBuilder.DropTable(
                name: "IntranetSpaceMembers");

            migrationBuilder.DropTable(
                name: "IntranetTags");

            migrationBuilder.DropTable(
                name: "IntranetPosts");

            migrationBuilder.DropTable(
                name: "IntranetSpaces");
        }
    }
}
