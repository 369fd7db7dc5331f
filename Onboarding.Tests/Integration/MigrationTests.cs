using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

public class MigrationTests
{
    [Fact]
    public async Task Postgres_migrations_match_the_model_and_apply_to_a_real_server()
    {
        var builder = new DbContextOptionsBuilder<PostgresOnboardingDbContext>();
        builder.UseOnboardingPostgres(await PostgresServer.CreateDatabaseAsync("migrations"));
        await using var db = new PostgresOnboardingDbContext(builder.Options);

        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a Postgres migration");
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Engagements.CountAsync());
    }

    [Fact]
    public async Task Sqlite_migrations_match_the_model_and_apply_to_a_real_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"onboarding-{Guid.NewGuid():N}.db");
        var builder = new DbContextOptionsBuilder<SqliteOnboardingDbContext>();
        builder.UseOnboardingSqlite($"Data Source={file};Pooling=false");
        await using (var db = new SqliteOnboardingDbContext(builder.Options))
        {
            Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a SQLite migration");
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Engagements.CountAsync());
        }
        File.Delete(file);
    }

    [Fact]
    public async Task Postgres_data_keeps_its_administrators_and_merges_duplicate_clients_when_account_roles_arrive()
    {
        var builder = new DbContextOptionsBuilder<PostgresOnboardingDbContext>();
        builder.UseOnboardingPostgres(await PostgresServer.CreateDatabaseAsync("role-migration"));
        await using var db = new PostgresOnboardingDbContext(builder.Options);
        await AccountRolesMigrationKeepsDataAsync(db, now: "now()", yes: "true", no: "false");
    }

    [Fact]
    public async Task Sqlite_data_keeps_its_administrators_and_merges_duplicate_clients_when_account_roles_arrive()
    {
        var file = Path.Combine(Path.GetTempPath(), $"onboarding-{Guid.NewGuid():N}.db");
        var builder = new DbContextOptionsBuilder<SqliteOnboardingDbContext>();
        builder.UseOnboardingSqlite($"Data Source={file};Pooling=false");
        await using (var db = new SqliteOnboardingDbContext(builder.Options))
        {
            await AccountRolesMigrationKeepsDataAsync(db, now: "0", yes: "1", no: "0");
        }
        File.Delete(file);
    }

    /// <summary>Data written by the migration before account roles, read back after it.</summary>
    private static async Task AccountRolesMigrationKeepsDataAsync(OnboardingDbContext db, string now, string yes, string no)
    {
        await db.GetService<IMigrator>().MigrateAsync("DigestEngagements");
        // Literals of this test's own making, spelled per provider: no input reaches the SQL.
        var organisations = $"""
            INSERT INTO organisations (id, name, kind, brand_colour, provider_id, created_at) VALUES
                (1, 'Northstar', 'Provider', '#1f5f8b', NULL, {now}),
                (2, 'Acme Robotics', 'Client', '#1f5f8b', 1, {now}),
                (3, ' acme robotics', 'Client', '#1f5f8b', 1, {now}),
                (4, 'Globex', 'Client', '#1f5f8b', 1, {now});
            """;
        await db.Database.ExecuteSqlRawAsync(organisations);
        foreach (var (id, organisation, administrator) in new[] { ("admin", 1, yes), ("recruiter", 1, no), ("client", 3, no) })
        {
            var user = $"""
                INSERT INTO "AspNetUsers" (id, display_name, organisation_id, is_administrator, time_zone, created_at, email_confirmed,
                    phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
                VALUES ('{id}', '{id}', {organisation}, {administrator}, 'Europe/London', {now}, {yes}, {no}, {no}, {yes}, 0);
                """;
            await db.Database.ExecuteSqlRawAsync(user);
        }

        await db.Database.MigrateAsync();

        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id);
        Assert.Equal(AccountRole.Administrator, users["admin"].AccountRole);
        Assert.Equal(AccountRole.Recruiter, users["recruiter"].AccountRole);
        Assert.Equal((AccountRole.None, 2), (users["client"].AccountRole, users["client"].OrganisationId));
        var clients = await db.Organisations.AsNoTracking().Where(o => o.ProviderId == 1).OrderBy(o => o.Id).Select(o => new { o.Id, o.NameKey }).ToListAsync();
        Assert.Equal([(2, "acme robotics"), (4, "globex")], clients.Select(c => (c.Id, c.NameKey)));
    }

    [Fact]
    public async Task Postgres_data_becomes_one_person_per_account_and_address_with_the_oldest_memberships_clock()
    {
        var builder = new DbContextOptionsBuilder<PostgresOnboardingDbContext>();
        builder.UseOnboardingPostgres(await PostgresServer.CreateDatabaseAsync("people-migration"));
        await using var db = new PostgresOnboardingDbContext(builder.Options);
        await PeopleMigrationKeepsDataAsync(db, new("now()", "'2026-11-01T00:00:00Z'", "'2026-11-02T00:00:00Z'", "true", "false", "'{{}}'"));
    }

    [Fact]
    public async Task Sqlite_data_becomes_one_person_per_account_and_address_with_the_oldest_memberships_clock()
    {
        var file = Path.Combine(Path.GetTempPath(), $"onboarding-{Guid.NewGuid():N}.db");
        var builder = new DbContextOptionsBuilder<SqliteOnboardingDbContext>();
        builder.UseOnboardingSqlite($"Data Source={file};Pooling=false");
        await using (var db = new SqliteOnboardingDbContext(builder.Options))
        {
            static string At(int day) => ((long)new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(new DateTimeOffset(2026, 11, day, 0, 0, 0, TimeSpan.Zero))!).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await PeopleMigrationKeepsDataAsync(db, new(At(1), At(1), At(2), "1", "0", "'[]'"));
        }
        File.Delete(file);
    }

    // Built before the call, so the analyzer sees a string of this test's own literals rather than an interpolation.
    private static Task<int> RunAsync(OnboardingDbContext db, string sql) => db.Database.ExecuteSqlRawAsync(sql);

    private sealed record Literals(string Now, string Early, string Late, string Yes, string No, string NoHolidays);

    /// <summary>Memberships as they were before people: the clock on each one; read back as one person each.</summary>
    private static async Task PeopleMigrationKeepsDataAsync(OnboardingDbContext db, Literals l)
    {
        await db.GetService<IMigrator>().MigrateAsync("AccountRolesVersionsUniqueClients");
        // Literals of this test's own making, spelled per provider: no input reaches the SQL.
        await RunAsync(db, $"""
            INSERT INTO organisations (id, name, name_key, kind, brand_colour, provider_id, created_at) VALUES
                (1, 'Northstar', 'northstar', 'Provider', '#1f5f8b', NULL, {l.Now}),
                (2, 'Acme', 'acme', 'Client', '#1f5f8b', 1, {l.Now});
            """);
        foreach (var (id, email, zone) in new[] { ("riya", "Riya.Shah@northstar.example", "Asia/Kolkata"), ("admin", "admin@northstar.example", "Asia/Singapore") })
        {
            await RunAsync(db, $"""
                INSERT INTO "AspNetUsers" (id, display_name, email, user_name, organisation_id, account_role, time_zone, created_at, email_confirmed,
                    phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
                VALUES ('{id}', '{id} name', '{email}', '{email}', 1, 'Recruiter', '{zone}', {l.Now}, {l.Yes}, {l.No}, {l.No}, {l.Yes}, 0);
                """);
        }
        foreach (var engagement in new[] { 1, 2 })
        {
            await RunAsync(db, $"""
                INSERT INTO engagements (id, name, provider_id, client_id, kickoff, go_live, time_zone, working_days, holidays, shared_purpose, status, revision, created_at)
                VALUES ({engagement}, 'E{engagement}', 1, 2, '2026-11-02', '2026-12-01', 'Europe/London', 62, {l.NoHolidays}, '', 'Active', '00000000-0000-0000-0000-00000000000{engagement}', {l.Now});
                """);
        }
        var members = new[]
        {
            (1, 1, "'riya'", "Riya Shah", "riya.shah@northstar.example", "Europe/Warsaw", 7, 62, l.Early, "WeeklyOnly"),
            (2, 2, "'riya'", "Riya S.", "riya.shah@northstar.example", "America/Mexico_City", 9, 126, l.Late, "Cadence"),
            (3, 2, "NULL", "Sam Chen", "SAM@acme.example ", "Asia/Kolkata", 10, 62, l.Late, "None"),
            (4, 1, "NULL", "Sam Chen", "sam@acme.example", "America/Toronto", 6, 62, l.Early, "Cadence"),
        };
        foreach (var (id, engagement, user, name, email, zone, hour, days, at, preference) in members)
        {
            await RunAsync(db, $"""
                INSERT INTO members (id, engagement_id, user_id, name, email, role, title, time_zone, working_days, digest_hour, digest_preference,
                    calendar_token, unsubscribe_token, created_at, version)
                VALUES ({id}, {engagement}, {user}, '{name}', '{email}', 'Recruiter', '', '{zone}', {days}, {hour}, '{preference}', 'c{id}', 'u{id}', {at}, 0);
                """);
        }

        await db.Database.MigrateAsync();

        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.EmailKey);
        Assert.Equal(3, people.Count);
        var riya = people["riya.shah@northstar.example"];
        Assert.Equal(("riya", "riya name", "Europe/Warsaw", 7, WorkingDays.MondayToFriday), (riya.UserId, riya.Name, riya.TimeZone, riya.DigestHour, riya.WorkingDays));
        var sam = people["sam@acme.example"];
        Assert.Equal(((string?)null, "Sam Chen", "America/Toronto", 6), (sam.UserId, sam.Name, sam.TimeZone, sam.DigestHour));
        var admin = people["admin@northstar.example"];
        Assert.Equal(("admin", "Asia/Singapore", 8), (admin.UserId, admin.TimeZone, admin.DigestHour));
        var after = await db.Members.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.PersonId, m.DigestPreference, m.UserId }).ToListAsync();
        Assert.Equal([riya.Id, riya.Id, sam.Id, sam.Id], after.Select(m => m.PersonId));
        Assert.Equal([DigestPreference.WeeklyOnly, DigestPreference.Cadence, DigestPreference.None, DigestPreference.Cadence], after.Select(m => m.DigestPreference));
    }
}
