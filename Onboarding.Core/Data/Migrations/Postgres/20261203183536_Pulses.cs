using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Pulses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "pulse_after",
                table: "milestones",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "from_pulses",
                table: "measurements",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "pulses",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    engagement_id = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<int>(type: "integer", nullable: false),
                    occasion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    occasion_text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    score = table.Column<int>(type: "integer", nullable: true),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    log_entry_id = table.Column<int>(type: "integer", nullable: true),
                    response = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    responded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    response_told_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pulses", x => x.id);
                    table.ForeignKey(
                        name: "fk_pulses_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pulses_log_entries_log_entry_id",
                        column: x => x.log_entry_id,
                        principalTable: "log_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_pulses_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pulses_engagement_id_created_at",
                table: "pulses",
                columns: new[] { "engagement_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_pulses_log_entry_id",
                table: "pulses",
                column: "log_entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_pulses_member_id_occasion",
                table: "pulses",
                columns: new[] { "member_id", "occasion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pulses_token_hash",
                table: "pulses",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pulses");

            migrationBuilder.DropColumn(
                name: "pulse_after",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "from_pulses",
                table: "measurements");
        }
    }
}
