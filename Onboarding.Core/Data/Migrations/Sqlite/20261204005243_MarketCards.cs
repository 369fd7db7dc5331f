using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MarketCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "market_cards",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    location_id = table.Column<int>(type: "INTEGER", nullable: false),
                    salary_ranges = table.Column<string>(type: "TEXT", nullable: false),
                    notice_periods = table.Column<string>(type: "TEXT", nullable: false),
                    hiring_steps = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    pay_transparency = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    data_protection = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    changed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_cards", x => x.id);
                    table.ForeignKey(
                        name: "fk_market_cards_hiring_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "hiring_locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_market_cards_location_id",
                table: "market_cards",
                column: "location_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "market_cards");
        }
    }
}
