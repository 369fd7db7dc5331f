using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Onboarding.Core.Data;

namespace Onboarding.Jobs;

public static class JobsServiceExtensions
{
    /// <summary>
    /// Hangfire on the storage that follows the database provider: in-memory beside SQLite (one
    /// process), PostgreSQL otherwise so that several web and worker nodes share one queue.
    /// </summary>
    public static IHostApplicationBuilder AddOnboardingJobs(this IHostApplicationBuilder builder)
    {
        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        builder.Services.AddSingleton(Options.Create(jobs));
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.Postgres)
            {
                var connectionString = DataServiceExtensions.ConnectionString(builder.Configuration, database);
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString));
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });

        if (jobs.RunServer)
        {
            builder.Services.AddHangfireServer(o => o.WorkerCount = jobs.WorkerCount);
        }
        return builder;
    }
}
