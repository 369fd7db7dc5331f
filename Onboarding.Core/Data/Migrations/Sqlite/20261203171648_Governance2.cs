using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Governance2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "health_override",
                table: "engagements",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "health_override_at",
                table: "engagements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "health_override_by",
                table: "engagements",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "health_override_reason",
                table: "engagements",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
