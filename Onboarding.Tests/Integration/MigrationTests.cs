using Microsoft.EntityFrameworkCore;
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
}
