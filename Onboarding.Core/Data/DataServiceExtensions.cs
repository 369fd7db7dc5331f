using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Onboarding.Core.Data;

public static class DataServiceExtensions
{
    /// <summary>
    /// Registers <see cref="OnboardingDbContext"/> on the configured provider: SQLite in the data
    /// folder by default, PostgreSQL when <c>Database__Provider=Postgres</c>.
    /// </summary>
    public static IHostApplicationBuilder AddOnboardingData(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataDirectory = Path.GetFullPath(options.DataDirectory, builder.Environment.ContentRootPath);
        options.DataDirectory = dataDirectory;
        builder.Services.AddSingleton(Options.Create(options));

        var connectionString = ConnectionString(builder.Configuration, options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                Directory.CreateDirectory(dataDirectory);
                builder.Services.AddDbContextPool<OnboardingDbContext, SqliteOnboardingDbContext>(o => o.UseOnboardingSqlite(connectionString));
                break;
            case DatabaseProvider.Postgres:
                builder.Services.AddDbContextPool<OnboardingDbContext, PostgresOnboardingDbContext>(o => o.UseOnboardingPostgres(WithAutoPrepare(connectionString)));
                break;
        }
        return builder;
    }

    public static string ConnectionString(IConfiguration configuration, DatabaseOptions options)
    {
        var configured = configuration.GetConnectionString("Onboarding");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        return options.Provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(options.DataDirectory, "onboarding.db")}"
            : throw new InvalidOperationException(
                "Database__Provider is Postgres but no connection string is set: set ConnectionStrings__Onboarding, e.g. 'Host=localhost;Database=onboarding;Username=onboarding;Password=...'.");
    }

    /// <summary>
    /// Every page runs the same few queries; letting Npgsql prepare them spares PostgreSQL parsing and
    /// planning them on each request. A value given in the connection string wins.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }
        return builder.ConnectionString;
    }

    public static DbContextOptionsBuilder UseOnboardingSqlite(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder UseOnboardingPostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();
}
