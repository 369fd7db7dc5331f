using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Onboarding.Core.Data;
using Onboarding.Core.Markdown;
using Onboarding.Core.Telemetry;

namespace Onboarding.Jobs;

/// <summary>A process that runs only background jobs, so workers scale apart from web nodes.</summary>
public static class WorkerHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider != DatabaseProvider.Postgres)
        {
            // In-memory job storage lives inside one process: a separate worker would never see a job.
            await Console.Error.WriteLineAsync("worker: a separate worker needs Database__Provider=Postgres; with SQLite the web process runs the jobs itself.");
            return 2;
        }
        builder.Configuration[$"{JobsOptions.Section}:{nameof(JobsOptions.RunServer)}"] = "true";
        builder.AddOnboardingConsoleLogs();
        builder.AddOnboardingData();
        builder.AddOnboardingJobs();
        var host = builder.Build();
        MarkdownText.LogTo(host.Services.GetRequiredService<ILoggerFactory>());
        await using (var scope = host.Services.CreateAsyncScope())
        {
            try
            {
                await DatabaseSetup.PrepareJobStorageAsync(scope.ServiceProvider.GetRequiredService<OnboardingDbContext>());
            }
            catch (Exception e) when (DatabaseReadiness.Failure(e) is { } failure)
            {
                await Console.Error.WriteLineAsync($"worker: {failure}");
                return 1;
            }
        }
        await host.RunAsync();
        return 0;
    }
}
