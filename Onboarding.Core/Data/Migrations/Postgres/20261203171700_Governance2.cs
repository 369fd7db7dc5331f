using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Postgres
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
