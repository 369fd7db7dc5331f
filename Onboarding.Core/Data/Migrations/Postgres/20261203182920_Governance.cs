using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "calendar_changed_at",
                table: "plan_tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "calendar_sequence",
                table: "plan_tasks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "calendar_changed_at",
                table: "milestones",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "calendar_sequence",
                table: "milestones",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "calendar_changed_at",
                table: "engagements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "calendar_sequence",
                table: "engagements",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "escalate_after_working_days",
                table: "engagements",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "health_override",
                table: "engagements",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "health_override_at",
                table: "engagements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "health_override_by",
                table: "engagements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "health_override_reason",
                table: "engagements",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

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
                name: "escalation_rungs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    engagement_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalation_rungs", x => x.id);
                    table.ForeignKey(
                        name: "fk_escalation_rungs_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "log_entries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    engagement_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    side = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    provider_internal = table.Column<bool>(type: "boolean", nullable: false),
                    owner_member_id = table.Column<int>(type: "integer", nullable: true),
                    due = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    resolution = table.Column<string>(type: "text", nullable: false),
                    escalation_level = table.Column<int>(type: "integer", nullable: false),
                    escalation_clock = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_log_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_log_entries_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_log_entries_members_owner_member_id",
                        column: x => x.owner_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
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
                name: "log_entry_steps",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    log_entry_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    to_member_id = table.Column<int>(type: "integer", nullable: true),
                    told_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_log_entry_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_log_entry_steps_log_entries_log_entry_id",
                        column: x => x.log_entry_id,
                        principalTable: "log_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "log_entry_tasks",
                columns: table => new
                {
                    log_entry_id = table.Column<int>(type: "integer", nullable: false),
                    task_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_log_entry_tasks", x => new { x.log_entry_id, x.task_id });
                    table.ForeignKey(
                        name: "fk_log_entry_tasks_log_entries_log_entry_id",
                        column: x => x.log_entry_id,
                        principalTable: "log_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_log_entry_tasks_plan_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "plan_tasks",
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

            migrationBuilder.CreateIndex(
                name: "ix_escalation_rungs_engagement_id_level",
                table: "escalation_rungs",
                columns: new[] { "engagement_id", "level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_log_entries_engagement_id_status",
                table: "log_entries",
                columns: new[] { "engagement_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_log_entries_owner_member_id",
                table: "log_entries",
                column: "owner_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_log_entry_steps_log_entry_id",
                table: "log_entry_steps",
                column: "log_entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_log_entry_steps_to_member_id_told_at",
                table: "log_entry_steps",
                columns: new[] { "to_member_id", "told_at" });

            migrationBuilder.CreateIndex(
                name: "ix_log_entry_tasks_task_id",
                table: "log_entry_tasks",
                column: "task_id");
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
                name: "escalation_rungs");

            migrationBuilder.DropTable(
                name: "log_entry_steps");

            migrationBuilder.DropTable(
                name: "log_entry_tasks");

            migrationBuilder.DropTable(
                name: "check_in_meetings");

            migrationBuilder.DropTable(
                name: "log_entries");

            migrationBuilder.DropTable(
                name: "check_in_series");

            migrationBuilder.DropColumn(
                name: "calendar_changed_at",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "calendar_sequence",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "calendar_changed_at",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "calendar_sequence",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "calendar_changed_at",
                table: "engagements");

            migrationBuilder.DropColumn(
                name: "calendar_sequence",
                table: "engagements");

            migrationBuilder.DropColumn(
                name: "escalate_after_working_days",
                table: "engagements");

            migrationBuilder.DropColumn(
                name: "health_override",
                table: "engagements");

            migrationBuilder.DropColumn(
                name: "health_override_at",
                table: "engagements");

            migrationBuilder.DropColumn(
                name: "health_override_by",
                table: "engagements");

            migrationBuilder.DropColumn(
                name: "health_override_reason",
                table: "engagements");
        }
    }
}
