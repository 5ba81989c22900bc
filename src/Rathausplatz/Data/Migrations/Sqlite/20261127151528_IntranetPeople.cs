using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntranetPeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntranetExpertQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    BestAnswerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    JobTitle = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Certificates = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Experience = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CanHelpWith = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "IntranetExpertAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Skill = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntranetExpertQuestionSkills", x => new { x.QuestionId, x.Skill });
                    table.ForeignKey(
                        name: "FK_IntranetExpertQuestionSkills_IntranetExpertQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "IntranetExpertQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntranetProfileSkills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "IntranetSkillEndorsements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SkillId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EndorserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntranetExpertAnswers");

            migrationBuilder.DropTable(
                name: "IntranetExpertQuestionSkills");

            migrationBuilder.DropTable(
                name: "IntranetSkillEndorsements");

            migrationBuilder.DropTable(
                name: "IntranetExpertQuestions");

            migrationBuilder.DropTable(
                name: "IntranetProfileSkills");

            migrationBuilder.DropTable(
                name: "IntranetProfiles");
        }
    }
}
