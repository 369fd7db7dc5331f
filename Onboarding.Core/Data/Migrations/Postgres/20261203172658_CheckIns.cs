using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "check_in_series",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    engagement_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    recruiter_member_id = table.Column<int>(type: "integer", nullable: true),
                    weekday = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    local_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    interval_weeks = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_check_in_series", x => x.id);
                    table.ForeignKey(
                        name: "fk_check_in_series_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_check_in_series_members_recruiter_member_id",
                        column: x => x.recruiter_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "check_in_meetings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    series_id = table.Column<int>(type: "integer", nullable: false),
                    engagement_id = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    notes = table.Column<string>(type: "text", nullable: false),
                    agenda_json = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_check_in_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_check_in_meetings_check_in_series_series_id",
                        column: x => x.series_id,
                        principalTable: "check_in_series",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "check_in_participants",
                columns: table => new
                {
                    series_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_check_in_participants", x => new { x.series_id, x.member_id });
                    table.ForeignKey(
                        name: "fk_check_in_participants_check_in_series_series_id",
                        column: x => x.series_id,
                        principalTable: "check_in_series",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_check_in_participants_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "check_in_action",
                columns: table => new
                {
                    meeting_id = table.Column<int>(type: "integer", nullable: false),
                    task_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_check_in_action", x => new { x.meeting_id, x.task_id });
                    table.ForeignKey(
                        name: "fk_check_in_action_check_in_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "check_in_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_check_in_action_plan_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "plan_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "check_in_decision",
                columns: table => new
                {
                    meeting_id = table.Column<int>(type: "integer", nullable: false),
                    log_entry_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_check_in_decision", x => new { x.meeting_id, x.log_entry_id });
                    table.ForeignKey(
                        name: "fk_check_in_decision_check_in_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "check_in_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_check_in_decision_log_entries_log_entry_id",
                        column: x => x.log_entry_id,
                        principalTable: "log_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_check_in_action_task_id",
                table: "check_in_action",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_check_in_decision_log_entry_id",
                table: "check_in_decision",
                column: "log_entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_check_in_meetings_engagement_id_recorded_at",
                table: "check_in_meetings",
                columns: new[] { "engagement_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_check_in_meetings_series_id_date",
                table: "check_in_meetings",
                columns: new[] { "series_id", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_check_in_participants_member_id",
                table: "check_in_participants",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_check_in_series_engagement_id",
                table: "check_in_series",
                column: "engagement_id");

            migrationBuilder.CreateIndex(
                name: "ix_check_in_series_recruiter_member_id",
                table: "check_in_series",
                column: "recruiter_member_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "check_in_action");

            migrationBuilder.DropTable(
                name: "check_in_decision");

            migrationBuilder.DropTable(
                name: "check_in_participants");

            migrationBuilder.DropTable(
                name: "check_in_meetings");

            migrationBuilder.DropTable(
                name: "check_in_series");
        }
    }
}
