using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
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
}
