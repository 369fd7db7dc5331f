using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberRoleIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_user_id",
                table: "members");

            migrationBuilder.CreateIndex(
                name: "ix_members_user_id_role_engagement_id",
                table: "members",
                columns: new[] { "user_id", "role", "engagement_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_user_id_role_engagement_id",
                table: "members");

            migrationBuilder.CreateIndex(
                name: "ix_members_user_id",
                table: "members",
                column: "user_id");
        }
    }
}
