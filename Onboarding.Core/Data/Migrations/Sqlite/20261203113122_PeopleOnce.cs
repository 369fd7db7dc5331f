using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeopleOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    email_key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", nullable: true),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    working_days = table.Column<int>(type: "INTEGER", maxLength: 32, nullable: false),
                    digest_hour = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    changed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                    table.ForeignKey(
                        name: "fk_people_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_people_email_key",
                table: "people",
                column: "email_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_people_user_id",
                table: "people",
                column: "user_id",
                unique: true);

            migrationBuilder.AddColumn<int>(
                name: "person_id",
                table: "members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            PeopleData.Up(migrationBuilder);

            migrationBuilder.DropColumn(
                name: "time_zone",
                table: "members");

            migrationBuilder.DropColumn(
                name: "working_days",
                table: "members");

            migrationBuilder.DropColumn(
                name: "digest_hour",
                table: "members");

            migrationBuilder.DropColumn(
                name: "time_zone",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "ix_members_engagement_id_person_id",
                table: "members",
                columns: new[] { "engagement_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_person_id",
                table: "members",
                column: "person_id");


            migrationBuilder.AddForeignKey(
                name: "fk_members_people_person_id",
                table: "members",
                column: "person_id",
                principalTable: "people",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_members_people_person_id",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_members_engagement_id_person_id",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_members_person_id",
                table: "members");

            migrationBuilder.AddColumn<string>(
                name: "time_zone",
                table: "members",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "working_days",
                table: "members",
                type: "INTEGER",
                maxLength: 32,
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "time_zone",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "digest_hour",
                table: "members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 8);

            PeopleData.Down(migrationBuilder);

            migrationBuilder.DropColumn(
                name: "person_id",
                table: "members");

            migrationBuilder.DropTable(
                name: "people");
        }
    }
}
