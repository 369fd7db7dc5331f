using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountRolesVersionsUniqueClients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_wins_task_id",
                table: "wins");

            migrationBuilder.DropIndex(
                name: "ix_organisations_provider_id",
                table: "organisations");

            migrationBuilder.AddColumn<long>(
                name: "changed_at",
                table: "plan_tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "changed_by",
                table: "plan_tasks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "plan_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "name_key",
                table: "organisations",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "changed_at",
                table: "members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "changed_by",
                table: "members",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "changed_at",
                table: "glossary_terms",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "changed_by",
                table: "glossary_terms",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "glossary_terms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "account_role",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            AccountRolesData.Migrate(migrationBuilder);

            migrationBuilder.DropColumn(
                name: "is_administrator",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "ix_wins_milestone_task",
                table: "wins",
                column: "task_id",
                unique: true,
                filter: "kind = 'MilestoneReached' AND task_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_provider_id_name_key",
                table: "organisations",
                columns: new[] { "provider_id", "name_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_wins_milestone_task",
                table: "wins");

            migrationBuilder.DropIndex(
                name: "ix_organisations_provider_id_name_key",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "changed_at",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "changed_by",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "version",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "name_key",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "changed_at",
                table: "members");

            migrationBuilder.DropColumn(
                name: "changed_by",
                table: "members");

            migrationBuilder.DropColumn(
                name: "version",
                table: "members");

            migrationBuilder.DropColumn(
                name: "changed_at",
                table: "glossary_terms");

            migrationBuilder.DropColumn(
                name: "changed_by",
                table: "glossary_terms");

            migrationBuilder.DropColumn(
                name: "version",
                table: "glossary_terms");

            migrationBuilder.DropColumn(
                name: "account_role",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<bool>(
                name: "is_administrator",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_wins_task_id",
                table: "wins",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_provider_id",
                table: "organisations",
                column: "provider_id");
        }
    }
}
