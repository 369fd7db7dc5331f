using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TemplateMetrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Metrics added by hand before this migration are early indicators that no side commits to
            // (side null), with no target wording (target_text ''): the page shows them as before.
            migrationBuilder.AddColumn<int>(
                name: "meaningful_from_day",
                table: "metrics",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "side",
                table: "metrics",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stage",
                table: "metrics",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Early");

            migrationBuilder.AddColumn<string>(
                name: "target_text",
                table: "metrics",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "meaningful_from_day",
                table: "metrics");

            migrationBuilder.DropColumn(
                name: "side",
                table: "metrics");

            migrationBuilder.DropColumn(
                name: "stage",
                table: "metrics");

            migrationBuilder.DropColumn(
                name: "target_text",
                table: "metrics");
        }
    }
}
