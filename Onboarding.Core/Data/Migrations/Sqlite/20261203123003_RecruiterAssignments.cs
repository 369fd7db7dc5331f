using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecruiterAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recruiter_assignments",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    engagement_id = table.Column<int>(type: "INTEGER", nullable: false),
                    recruiter_id = table.Column<int>(type: "INTEGER", nullable: false),
                    hiring_manager_id = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recruiter_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_recruiter_assignments_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_recruiter_assignments_members_hiring_manager_id",
                        column: x => x.hiring_manager_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_recruiter_assignments_members_recruiter_id",
                        column: x => x.recruiter_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_reassignments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    engagement_id = table.Column<int>(type: "INTEGER", nullable: false),
                    task_id = table.Column<int>(type: "INTEGER", nullable: false),
                    from_member_id = table.Column<int>(type: "INTEGER", nullable: true),
                    to_member_id = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_reassignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_task_reassignments_engagements_engagement_id",
                        column: x => x.engagement_id,
                        principalTable: "engagements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_task_reassignments_members_from_member_id",
                        column: x => x.from_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_task_reassignments_members_to_member_id",
                        column: x => x.to_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_task_reassignments_plan_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "plan_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_recruiter_assignments_engagement_id",
                table: "recruiter_assignments",
                column: "engagement_id");

            migrationBuilder.CreateIndex(
                name: "ix_recruiter_assignments_hiring_manager_id",
                table: "recruiter_assignments",
                column: "hiring_manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_recruiter_assignments_recruiter_id_hiring_manager_id",
                table: "recruiter_assignments",
                columns: new[] { "recruiter_id", "hiring_manager_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_task_reassignments_engagement_id_at",
                table: "task_reassignments",
                columns: new[] { "engagement_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_task_reassignments_from_member_id",
                table: "task_reassignments",
                column: "from_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_reassignments_task_id",
                table: "task_reassignments",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_reassignments_to_member_id",
                table: "task_reassignments",
                column: "to_member_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recruiter_assignments");

            migrationBuilder.DropTable(
                name: "task_reassignments");
        }
    }
}
