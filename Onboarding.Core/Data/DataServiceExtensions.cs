using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
                // Start-up and `migrate` create the file (SqliteFile.CreateIfMissing); every other open needs it to exist.
                var existingOnly = SqliteFile.OpenExistingOnly(connectionString);
                var guard = SqliteFile.PathOf(existingOnly) is { } file ? new SqliteFile.Guard(file) : null;
                builder.Services.AddDbContextPool<OnboardingDbContext, SqliteOnboardingDbContext>(o =>
                {
                    o.UseOnboardingSqlite(existingOnly);
                    if (guard is not null)
                    {
                        o.AddInterceptors(guard);
                    }
                });
                break;
            case DatabaseProvider.Postgres:
                builder.Services.AddDbContextPool<OnboardingDbContext, PostgresOnboardingDbContext>(o => o.UseOnboardingPostgres(WithQueryDefaults(connectionString), options));
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
    /// planning them on each request. EF Core returns the connection to the pool after every query,
    /// and by default Npgsql then resets the session with three more statements before the next one;
    /// the app never changes session state, so that reset is skipped. Values in the connection string win.
    /// </summary>
    private static string WithQueryDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    public static DbContextOptionsBuilder UseOnboardingSqlite(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).UseOnboardingConventions();

    /// <summary>PostgreSQL, retrying transient failures as <paramref name="options"/> say (the defaults when not given).</summary>
    public static DbContextOptionsBuilder UseOnboardingPostgres(this DbContextOptionsBuilder builder, string connectionString, DatabaseOptions? options = null)
    {
        var retries = options ?? new DatabaseOptions();
        return builder.UseNpgsql(connectionString, npgsql =>
        {
            if (retries.Retries > 0)
            {
                npgsql.ExecutionStrategy(dependencies => new RetryOutsideTransactions(dependencies, retries.Retries, retries.MaxRetryDelay));
            }
        }).UseOnboardingConventions();
    }

    /// <remarks>
    /// EF Core logs each failed command, connection, query and save as an error with its exception, once per retry,
    /// and the request or job that fails then logs the same exception again: a failed request came to a few hundred
    /// lines. Those events are debug-level here; the one place that handles the failure (the error page, Hangfire's
    /// retry) logs it once.
    /// </remarks>
    private static DbContextOptionsBuilder UseOnboardingConventions(this DbContextOptionsBuilder builder) =>
        builder.UseSnakeCaseNamingConvention()
            .ConfigureWarnings(w => w.Log(
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug)))
            .AddInterceptors(EngagementRevisions.Interceptor, EditVersions.Interceptor, CalendarRevisions.Interceptor);
}
