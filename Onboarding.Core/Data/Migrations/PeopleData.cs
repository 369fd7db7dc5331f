using Microsoft.EntityFrameworkCore.Migrations;

namespace Onboarding.Core.Data.Migrations;

/// <summary>
/// The data steps of the PeopleOnce migration, the same SQL on both providers, run after the people table and
/// members.person_id exist and before the old columns go. One person per account, and one per address that only
/// contacts used. Whose settings win: a person's time zone, working week and digest hour are those of their
/// oldest membership (earliest created, then lowest id), which is the one the digest dispatcher already used;
/// an account in no engagement keeps the account's time zone. Names come from the account, else that membership.
/// </summary>
internal static class PeopleData
{
    private const string OldestByUser = "FROM members m WHERE m.user_id = u.id ORDER BY m.created_at, m.id LIMIT 1";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            INSERT INTO people (name, email, email_key, user_id, time_zone, working_days, digest_hour, created_at, version)
            SELECT u.display_name, u.email, lower(trim(u.email)), u.id,
                COALESCE((SELECT m.time_zone {OldestByUser}), u.time_zone),
                COALESCE((SELECT m.working_days {OldestByUser}), 62),
                COALESCE((SELECT m.digest_hour {OldestByUser}), 8),
                u.created_at, 0
            FROM "AspNetUsers" u
            WHERE u.email IS NOT NULL;
            """);
        migrationBuilder.Sql("""
            INSERT INTO people (name, email, email_key, user_id, time_zone, working_days, digest_hour, created_at, version)
            SELECT m.name, m.email, lower(trim(m.email)), NULL, m.time_zone, m.working_days, m.digest_hour, m.created_at, 0
            FROM members m
            WHERE m.id = (SELECT o.id FROM members o WHERE lower(trim(o.email)) = lower(trim(m.email)) ORDER BY o.created_at, o.id LIMIT 1)
                AND NOT EXISTS (SELECT 1 FROM people p WHERE p.email_key = lower(trim(m.email)));
            """);
        migrationBuilder.Sql("""
            UPDATE members SET person_id = COALESCE(
                (SELECT p.id FROM people p WHERE p.user_id = members.user_id),
                (SELECT p.id FROM people p WHERE p.email_key = lower(trim(members.email))));
            """);
    }

    /// <summary>Back to one copy of the clock per membership and account, each from its person.</summary>
    public static void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            UPDATE members SET
                time_zone = (SELECT p.time_zone FROM people p WHERE p.id = members.person_id),
                working_days = (SELECT p.working_days FROM people p WHERE p.id = members.person_id),
                digest_hour = (SELECT p.digest_hour FROM people p WHERE p.id = members.person_id);
            """);
        migrationBuilder.Sql("""
            UPDATE "AspNetUsers" SET time_zone = COALESCE((SELECT p.time_zone FROM people p WHERE p.user_id = "AspNetUsers".id), 'Europe/London');
            """);
    }
}
