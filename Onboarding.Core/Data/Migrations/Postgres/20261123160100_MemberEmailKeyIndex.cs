using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Onboarding.Core.Data.Migrations.Postgres
{
    /// <summary>
    /// Members are found by their email's lower case (digests are keyed by it); without this index every
    /// such lookup, and every delivery claim, read the whole members table. EF cannot model an index on an
    /// expression, so it lives here only and the model snapshot does not change.
    /// </summary>
    [DbContext(typeof(PostgresOnboardingDbContext))]
    [Migration("20261123160100_MemberEmailKeyIndex")]
    public partial class MemberEmailKeyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("CREATE INDEX ix_members_email_key ON members (lower(email));");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP INDEX ix_members_email_key;");
    }
}
