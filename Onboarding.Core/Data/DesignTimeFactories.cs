using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Onboarding.Core.Data;

// Used by `dotnet ef migrations add`; neither connects to a database.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOnboardingDbContext>
{
    public SqliteOnboardingDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteOnboardingDbContext>();
        builder.UseOnboardingSqlite("Data Source=design.db");
        return new(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOnboardingDbContext>
{
    public PostgresOnboardingDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresOnboardingDbContext>();
        builder.UseOnboardingPostgres("Host=localhost;Database=design");
        return new(builder.Options);
    }
}
