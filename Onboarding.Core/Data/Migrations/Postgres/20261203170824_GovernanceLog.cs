using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GovernanceLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "escalate_after_working_days",
                table: "engagements",
                type: "integer",
                nullable: false,
                defaultValue: 0);

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
                name: "escalation_rungs");

            migrationBuilder.DropTable(
                name: "log_entry_steps");

            migrationBuilder.DropTable(
                name: "log_entry_tasks");

            migrationBuilder.DropTable(
                name: "log_entries");

            migrationBuilder.DropColumn(
                name: "escalate_after_working_days",
                table: "engagements");
        }
    }
}
