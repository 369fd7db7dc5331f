using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Onboarding.Core.Data;

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
        builder.AddOnboardingData();
        builder.AddOnboardingJobs();
        await builder.Build().RunAsync();
        return 0;
    }
}
