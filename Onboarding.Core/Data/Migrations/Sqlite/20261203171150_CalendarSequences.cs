using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CalendarSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "calendar_changed_at",
                table: "plan_tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "calendar_sequence",
                table: "plan_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "calendar_changed_at",
                table: "milestones",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "calendar_sequence",
                table: "milestones",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "calendar_changed_at",
                table: "engagements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "calendar_sequence",
                table: "engagements",
                type: "INTEGER",
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
