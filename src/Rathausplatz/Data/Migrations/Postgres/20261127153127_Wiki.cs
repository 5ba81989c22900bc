using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wiki : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntranetWikiPages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: true),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Slug = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    TitleKey = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    Body = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    IsTemplate = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetWikiPages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetWikiPages_IntranetSpaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "IntranetSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntranetWikiPages_IntranetWikiPages_ParentId",
                        column: x => x.ParentId,
                        principalTable: "IntranetWikiPages",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "IntranetWikiLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromPageId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: true),
                    TargetKey = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetWikiLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetWikiLinks_IntranetWikiPages_FromPageId",
                        column: x => x.FromPageId,
                        principalTable: "IntranetWikiPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetWikiRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Body = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    RestoredFrom = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetWikiRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetWikiRevisions_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntranetWikiRevisions_IntranetWikiPages_PageId",
                        column: x => x.PageId,
                        principalTable: "IntranetWikiPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetWikiLinks_FromPageId",
                table: "IntranetWikiLinks",
                column: "FromPageId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetWikiLinks_OrganizationId",
                table: "IntranetWikiLinks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetWikiLinks_SpaceId_TargetKey",
                table: "IntranetWikiLinks",
                columns: new[] { "SpaceId", "TargetKey" });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetWikiPages_OrganizationId",
                table: "IntranetWikiPages",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetWikiPages_OrganizationId_Slug",
                table: "IntranetWikiPages",
                columns: new[] { "OrganizationId", "Slug" },
                unique: true,
                filter: "\"SpaceId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetWikiPages_ParentId_Position",
                table: "IntranetWikiPages",
                columns: new[] { "ParentId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetWikiPages_SpaceId_Slug",
                table: "IntranetWikiPages",
                columns: new[] { "SpaceId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntranetWikiPages_SpaceId_TitleKey",
                table: "IntranetWikiPages",
                columns: new[] { "SpaceId", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetWikiRevisions_AuthorId",
                table: "IntranetWikiRevisions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetWikiRevisions_OrganizationId",
                table: "IntranetWikiRevisions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetWikiRevisions_PageId_Number",
                table: "IntranetWikiRevisions",
                columns: new[] { "PageId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntranetWikiLinks");

            migrationBuilder.DropTable(
                name: "IntranetWikiRevisions");

            migrationBuilder.DropTable(
                name: "IntranetWikiPages");
        }
    }
}
