using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntranetPeopleTasksDocumentsWiki : Migration
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
                name: "IntranetExpertQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AskerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    BestAnswerId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetExpertQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetExpertQuestions_AspNetUsers_AskerId",
                        column: x => x.AskerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "IntranetProfiles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    JobTitle = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Languages = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Certificates = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Experience = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CanHelpWith = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_IntranetProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntranetProfiles_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
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

            migrationBuilder.CreateTable(
                name: "IntranetExpertAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetExpertAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetExpertAnswers_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntranetExpertAnswers_IntranetExpertQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "IntranetExpertQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetExpertQuestionSkills",
                columns: table => new
                {
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Skill = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetExpertQuestionSkills", x => new { x.QuestionId, x.Skill });
                    table.ForeignKey(
                        name: "FK_IntranetExpertQuestionSkills_IntranetExpertQuestions_Questi~",
                        column: x => x.QuestionId,
                        principalTable: "IntranetExpertQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetProfileSkills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetProfileSkills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetProfileSkills_IntranetProfiles_UserId",
                        column: x => x.UserId,
                        principalTable: "IntranetProfiles",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "IntranetSkillEndorsements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SkillId = table.Column<Guid>(type: "uuid", nullable: false),
                    EndorserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetSkillEndorsements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntranetSkillEndorsements_AspNetUsers_EndorserId",
                        column: x => x.EndorserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntranetSkillEndorsements_IntranetProfileSkills_SkillId",
                        column: x => x.SkillId,
                        principalTable: "IntranetProfileSkills",
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
                name: "IX_IntranetExpertAnswers_AuthorId",
                table: "IntranetExpertAnswers",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetExpertAnswers_OrganizationId",
                table: "IntranetExpertAnswers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetExpertAnswers_QuestionId_CreatedAt",
                table: "IntranetExpertAnswers",
                columns: new[] { "QuestionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetExpertQuestions_AskerId",
                table: "IntranetExpertQuestions",
                column: "AskerId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetExpertQuestions_OrganizationId",
                table: "IntranetExpertQuestions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetExpertQuestions_OrganizationId_CreatedAt",
                table: "IntranetExpertQuestions",
                columns: new[] { "OrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetExpertQuestionSkills_OrganizationId",
                table: "IntranetExpertQuestionSkills",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetProfiles_DepartmentId",
                table: "IntranetProfiles",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetProfiles_OrganizationId",
                table: "IntranetProfiles",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetProfileSkills_OrganizationId",
                table: "IntranetProfileSkills",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetProfileSkills_OrganizationId_Name",
                table: "IntranetProfileSkills",
                columns: new[] { "OrganizationId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_IntranetProfileSkills_UserId_Name",
                table: "IntranetProfileSkills",
                columns: new[] { "UserId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntranetSkillEndorsements_EndorserId",
                table: "IntranetSkillEndorsements",
                column: "EndorserId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetSkillEndorsements_OrganizationId",
                table: "IntranetSkillEndorsements",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntranetSkillEndorsements_SkillId_EndorserId",
                table: "IntranetSkillEndorsements",
                columns: new[] { "SkillId", "EndorserId" },
                unique: true);

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
                name: "IntranetDocumentComments");

            migrationBuilder.DropTable(
                name: "IntranetDocumentVersions");

            migrationBuilder.DropTable(
                name: "IntranetExpertAnswers");

            migrationBuilder.DropTable(
                name: "IntranetExpertQuestionSkills");

            migrationBuilder.DropTable(
                name: "IntranetSkillEndorsements");

            migrationBuilder.DropTable(
                name: "IntranetTasks");

            migrationBuilder.DropTable(
                name: "IntranetWikiLinks");

            migrationBuilder.DropTable(
                name: "IntranetWikiRevisions");

            migrationBuilder.DropTable(
                name: "IntranetDocuments");

            migrationBuilder.DropTable(
                name: "IntranetExpertQuestions");

            migrationBuilder.DropTable(
                name: "IntranetProfileSkills");

            migrationBuilder.DropTable(
                name: "IntranetWikiPages");

            migrationBuilder.DropTable(
                name: "IntranetProfiles");
        }
    }
}
