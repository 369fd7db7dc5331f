using Microsoft.EntityFrameworkCore.Migrations;

namespace Onboarding.Core.Data.Migrations;

/// <summary>
/// The data steps of the AccountRolesVersionsUniqueClients migration, the same SQL on both providers. What wins:
/// an administrator stays one; a provider person who leads any engagement becomes an account leader, any other
/// provider person a recruiter; duplicate client organisations (same provider, same name but for case and
/// outer spaces) merge into the oldest, which takes over their engagements and people; of duplicate
/// "milestone reached" wins for one task the first stays.
/// </summary>
internal static class AccountRolesData
{
    public static void Migrate(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            UPDATE "AspNetUsers" SET account_role = CASE
                WHEN is_administrator THEN 'Administrator'
                WHEN (SELECT o.kind FROM organisations o WHERE o.id = "AspNetUsers".organisation_id) <> 'Provider' THEN 'None'
                WHEN EXISTS (SELECT 1 FROM members m WHERE m.user_id = "AspNetUsers".id AND m.role = 'AccountLeader') THEN 'AccountLeader'
                ELSE 'Recruiter' END;
            """);
        migrationBuilder.Sql("UPDATE organisations SET name_key = lower(trim(name));");
        static string OldestOfSameName(string organisationId) =>
            $"(SELECT MIN(k.id) FROM organisations k JOIN organisations o ON k.provider_id = o.provider_id AND k.name_key = o.name_key WHERE o.id = {organisationId})";
        migrationBuilder.Sql($"UPDATE engagements SET client_id = {OldestOfSameName("engagements.client_id")};");
        migrationBuilder.Sql($"""
            UPDATE "AspNetUsers" SET organisation_id = {OldestOfSameName("\"AspNetUsers\".organisation_id")}
            WHERE organisation_id IN (SELECT id FROM organisations WHERE provider_id IS NOT NULL);
            """);
        migrationBuilder.Sql("""
            DELETE FROM organisations WHERE provider_id IS NOT NULL
                AND id <> (SELECT MIN(k.id) FROM organisations k WHERE k.provider_id = organisations.provider_id AND k.name_key = organisations.name_key);
            """);
        migrationBuilder.Sql("""
            DELETE FROM wins WHERE kind = 'MilestoneReached' AND task_id IS NOT NULL
                AND id <> (SELECT MIN(w.id) FROM wins w WHERE w.kind = 'MilestoneReached' AND w.task_id = wins.task_id);
            """);
    }
}
