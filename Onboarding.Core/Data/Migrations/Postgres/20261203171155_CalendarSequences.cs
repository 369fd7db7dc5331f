using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CalendarSequences : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
