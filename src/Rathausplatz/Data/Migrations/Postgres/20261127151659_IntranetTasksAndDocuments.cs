using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntranetTasksAndDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntranetDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetDocuments_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntranetDocuments_IntranetSpaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "IntranetSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    AssigneeId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetTasks_AspNetUsers_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntranetTasks_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntranetTasks_IntranetSpaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "IntranetSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetDocumentComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetDocumentComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetDocumentComments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntranetDocumentComments_IntranetDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "IntranetDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetDocumentVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    Preview = table.Column<byte[]>(type: "bytea", nullable: true),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetDocumentVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetDocumentVersions_AspNetUsers_UploadedById",
                        column: x => x.UploadedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntranetDocumentVersions_IntranetDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "IntranetDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetDocumentComments_AuthorId",
                table: "IntranetDocumentComments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetDocumentComments_DocumentId_CreatedAt",
                table: "IntranetDocumentComments",
                columns: new[] { "DocumentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetDocumentComments_OrganizationId",
                table: "IntranetDocumentComments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetDocuments_CreatedById",
                table: "IntranetDocuments",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetDocuments_OrganizationId",
                table: "IntranetDocuments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetDocuments_SpaceId_UpdatedAt",
                table: "IntranetDocuments",
                columns: new[] { "SpaceId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetDocumentVersions_DocumentId_Number",
                table: "IntranetDocumentVersions",
                columns: new[] { "DocumentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntranetDocumentVersions_OrganizationId",
                table: "IntranetDocumentVersions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetDocumentVersions_UploadedById",
                table: "IntranetDocumentVersions",
                column: "UploadedById");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetTasks_AssigneeId",
                table: "IntranetTasks",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetTasks_CreatedById",
                table: "IntranetTasks",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetTasks_OrganizationId",
                table: "IntranetTasks",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetTasks_SpaceId_State",
                table: "IntranetTasks",
                columns: new[] { "SpaceId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntranetDocumentComments");

            migrationBuilder.DropTable(
                name: "IntranetDocumentVersions");

            migrationBuilder.DropTable(
                name: "IntranetTasks");

            migrationBuilder.DropTable(
                name: "IntranetDocuments");
        }
    }
}
