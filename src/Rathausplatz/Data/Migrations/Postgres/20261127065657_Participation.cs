using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rathausplatz.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Participation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NetiquetteAcceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TextVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetiquetteAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetiquetteAcceptances_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationProcesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Goals = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    ProposalsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    SupportThreshold = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationProcesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationProcesses_Organization_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationPhases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationPhases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationPhases_ParticipationProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "ParticipationProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationProcessDistricts",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationProcessDistricts", x => new { x.ProcessId, x.DistrictId });
                    table.ForeignKey(
                        name: "FK_ParticipationProcessDistricts_District_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "District",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ParticipationProcessDistricts_ParticipationProcesses_Proces~",
                        column: x => x.ProcessId,
                        principalTable: "ParticipationProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationProcessTopics",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    TopicId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationProcessTopics", x => new { x.ProcessId, x.TopicId });
                    table.ForeignKey(
                        name: "FK_ParticipationProcessTopics_ParticipationProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "ParticipationProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ParticipationProcessTopics_Topic_TopicId",
                        column: x => x.TopicId,
                        principalTable: "Topic",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    Body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StatusChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StatusChangedById = table.Column<Guid>(type: "uuid", nullable: true),
                    OfficialAnswer = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    OfficialAnswerAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OfficialAnswerById = table.Column<Guid>(type: "uuid", nullable: true),
                    SupportCount = table.Column<int>(type: "integer", nullable: false),
                    HiddenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HiddenById = table.Column<Guid>(type: "uuid", nullable: true),
                    HiddenReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposals_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Proposals_AspNetUsers_HiddenById",
                        column: x => x.HiddenById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Proposals_AspNetUsers_OfficialAnswerById",
                        column: x => x.OfficialAnswerById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Proposals_AspNetUsers_StatusChangedById",
                        column: x => x.StatusChangedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Proposals_District_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "District",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Proposals_ParticipationProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "ParticipationProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Depth = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Stance = table.Column<int>(type: "integer", nullable: false),
                    Official = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HiddenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HiddenById = table.Column<Guid>(type: "uuid", nullable: true),
                    HiddenReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalComments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProposalComments_AspNetUsers_HiddenById",
                        column: x => x.HiddenById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProposalComments_ProposalComments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "ProposalComments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProposalComments_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalSupports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalSupports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalSupports_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProposalSupports_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommentVotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentVotes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommentVotes_ProposalComments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "ProposalComments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationFlags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommentId = table.Column<Guid>(type: "uuid", nullable: true),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Decision = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationFlags_AspNetUsers_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ParticipationFlags_AspNetUsers_ResolvedById",
                        column: x => x.ResolvedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ParticipationFlags_ProposalComments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "ProposalComments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ParticipationFlags_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationModerationActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationModerationActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationModerationActions_AspNetUsers_ActorId",
                        column: x => x.ActorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ParticipationModerationActions_ProposalComments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "ProposalComments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ParticipationModerationActions_Proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommentVotes_CommentId_UserId",
                table: "CommentVotes",
                columns: new[] { "CommentId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommentVotes_OrganizationId",
                table: "CommentVotes",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentVotes_UserId",
                table: "CommentVotes",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_NetiquetteAcceptances_OrganizationId",
                table: "NetiquetteAcceptances",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_NetiquetteAcceptances_UserId",
                table: "NetiquetteAcceptances",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationFlags_CommentId",
                table: "ParticipationFlags",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationFlags_OrganizationId",
                table: "ParticipationFlags",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationFlags_OrganizationId_ResolvedAt_CreatedAt",
                table: "ParticipationFlags",
                columns: new[] { "OrganizationId", "ResolvedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationFlags_ProposalId",
                table: "ParticipationFlags",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationFlags_ReporterId",
                table: "ParticipationFlags",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationFlags_ResolvedById",
                table: "ParticipationFlags",
                column: "ResolvedById");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationFlags_TargetId_ReporterId",
                table: "ParticipationFlags",
                columns: new[] { "TargetId", "ReporterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationModerationActions_ActorId",
                table: "ParticipationModerationActions",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationModerationActions_CommentId",
                table: "ParticipationModerationActions",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationModerationActions_OrganizationId",
                table: "ParticipationModerationActions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationModerationActions_ProposalId_At",
                table: "ParticipationModerationActions",
                columns: new[] { "ProposalId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationPhases_OrganizationId",
                table: "ParticipationPhases",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationPhases_OrganizationId_EndsAt",
                table: "ParticipationPhases",
                columns: new[] { "OrganizationId", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationPhases_OrganizationId_StartsAt",
                table: "ParticipationPhases",
                columns: new[] { "OrganizationId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationPhases_ProcessId_Kind",
                table: "ParticipationPhases",
                columns: new[] { "ProcessId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationProcessDistricts_DistrictId",
                table: "ParticipationProcessDistricts",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationProcessDistricts_OrganizationId",
                table: "ParticipationProcessDistricts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationProcesses_OrganizationId",
                table: "ParticipationProcesses",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationProcesses_OrganizationId_Slug",
                table: "ParticipationProcesses",
                columns: new[] { "OrganizationId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationProcessTopics_OrganizationId",
                table: "ParticipationProcessTopics",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationProcessTopics_TopicId",
                table: "ParticipationProcessTopics",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_AuthorId",
                table: "ProposalComments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_HiddenById",
                table: "ProposalComments",
                column: "HiddenById");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_OrganizationId",
                table: "ProposalComments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_ParentId",
                table: "ProposalComments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_ProposalId_CreatedAt",
                table: "ProposalComments",
                columns: new[] { "ProposalId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_AuthorId",
                table: "Proposals",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_DistrictId",
                table: "Proposals",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_HiddenById",
                table: "Proposals",
                column: "HiddenById");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_OfficialAnswerById",
                table: "Proposals",
                column: "OfficialAnswerById");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_OrganizationId",
                table: "Proposals",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_CreatedAt",
                table: "Proposals",
                columns: new[] { "ProcessId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_DistrictId_SupportCount",
                table: "Proposals",
                columns: new[] { "ProcessId", "DistrictId", "SupportCount" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ProcessId_SupportCount_CreatedAt",
                table: "Proposals",
                columns: new[] { "ProcessId", "SupportCount", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_StatusChangedById",
                table: "Proposals",
                column: "StatusChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSupports_OrganizationId",
                table: "ProposalSupports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSupports_ProposalId_UserId",
                table: "ProposalSupports",
                columns: new[] { "ProposalId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSupports_UserId",
                table: "ProposalSupports",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommentVotes");

            migrationBuilder.DropTable(
                name: "NetiquetteAcceptances");

            migrationBuilder.DropTable(
                name: "ParticipationFlags");

            migrationBuilder.DropTable(
                name: "ParticipationModerationActions");

            migrationBuilder.DropTable(
                name: "ParticipationPhases");

            migrationBuilder.DropTable(
                name: "ParticipationProcessDistricts");

            migrationBuilder.DropTable(
                name: "ParticipationProcessTopics");

            migrationBuilder.DropTable(
                name: "ProposalSupports");

            migrationBuilder.DropTable(
                name: "ProposalComments");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "ParticipationProcesses");
        }
    }
}
