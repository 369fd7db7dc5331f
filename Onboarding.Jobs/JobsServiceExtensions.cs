using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Core.Data;
using Onboarding.Core.Links;
using Onboarding.Core.Locations;
using Onboarding.Jobs.Digests;
using Onboarding.Jobs.Governance;
using Onboarding.Jobs.Mail;

namespace Onboarding.Jobs;

public static class JobsServiceExtensions
{
    /// <summary>
    /// Hangfire on the storage that follows the database provider: in-memory beside SQLite (one
    /// process), PostgreSQL otherwise so that several web and worker nodes share one queue. Also
    /// mail and the digests, which every process needs: web pages preview and resend them.
    /// </summary>
    public static IHostApplicationBuilder AddOnboardingJobs(this IHostApplicationBuilder builder)
    {
        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        builder.Services.AddSingleton(Options.Create(jobs));
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var digests = builder.Configuration.GetSection(DigestOptions.Section).Get<DigestOptions>() ?? new DigestOptions();
        Validate(jobs, digests);

        // Before AddHangfire, which keeps a filter provider already registered: the server, the client and the
        // dashboard all read the delivery job's retries from this one.
        builder.Services.AddSingleton<IJobFilterProvider>(
            new JobFilterProviderCollection(JobFilterProviders.Providers, new DigestRetries(digests.RetryDelays ?? DigestRetries.DefaultDelays)));
        builder.Services.AddHangfire((services, config) =>
        {
            config.UseLogProvider(new HostLogProvider(services.GetRequiredService<ILoggerFactory>()));
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.Postgres)
            {
                var connectionString = DataServiceExtensions.ConnectionString(builder.Configuration, database);
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
                {
                    // Workers hear of new jobs through LISTEN/NOTIFY instead of polling every 15 seconds.
                    EnableLongPolling = true,
                    // A running job's fetch time is renewed every fifth of the timeout, so a job of a worker that died
                    // (kill -9) is fetched again within a minute, while a long live one is never taken from its worker.
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = jobs.InvisibilityTimeout,
                    // Installed under the setup lock by DatabaseSetup: each node installing as it started raced the others (23505).
                    PrepareSchemaIfNecessary = false,
                });
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });

        if (jobs.RunServer)
        {
            // Two servers, so that a burst of digest deliveries, which mostly wait on the mail server, neither waits
            // behind the other jobs nor holds them up.
            builder.Services.AddHangfireServer(o =>
            {
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{JobQueues.Digests}";
                o.Queues = [JobQueues.Digests];
                o.WorkerCount = jobs.DigestWorkerCount;
            });
            builder.Services.AddHangfireServer(o =>
            {
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{JobQueues.Default}";
                o.Queues = [JobQueues.Default];
                o.WorkerCount = jobs.WorkerCount;
            });
            builder.Services.AddHostedService<JobSchedulesRegistration>();
        }

        builder.AddMail();
        builder.Services.AddOptions<DigestOptions>()
            .Bind(builder.Configuration.GetSection(DigestOptions.Section))
            .Validate(o => o.BatchSize is > 0 and <= 5000, "Digests:BatchSize must be between 1 and 5000.")
            .ValidateOnStart();
        builder.Services.AddOptions<MarketCardOptions>()
            .Bind(builder.Configuration.GetSection(MarketCardOptions.Section))
            .Validate(o => o.ReviewAfter > TimeSpan.Zero, "MarketCards:ReviewAfter must be a positive time span, e.g. 180.00:00:00.")
            .ValidateOnStart();
        builder.AddAppLinks();
        builder.Services.AddSingleton<TemplateCadences>();
        builder.Services.AddScoped<DigestLoader>();
        builder.Services.AddScoped<DigestComposition>();
        builder.Services.AddScoped<DigestDelivery>();
        builder.Services.AddScoped<DigestDispatcher>();
        builder.Services.AddScoped<DigestPreviews>();
        builder.Services.AddScoped<DigestDispatchJob>();
        builder.Services.AddScoped<DigestDeliveryJob>();
        builder.Services.AddScoped<EscalationJob>();
        builder.Services.AddScoped<PulseJob>();
        return builder;
    }

    /// <summary>Settings read before the host is built, so a wrong one stops the start with a clear message rather than later.</summary>
    private static void Validate(JobsOptions jobs, DigestOptions digests)
    {
        var problems = new List<string>();
        if (JobSchedules.TryEvery(jobs.DigestDispatchInterval) is null)
        {
            problems.Add($"Jobs:DigestDispatchInterval '{jobs.DigestDispatchInterval}' must be whole minutes that divide an hour (e.g. 00:05:00) or whole seconds that divide a minute (e.g. 00:00:10).");
        }
        if (jobs.InvisibilityTimeout < TimeSpan.FromSeconds(5))
        {
            problems.Add($"Jobs:InvisibilityTimeout '{jobs.InvisibilityTimeout}' must be at least 00:00:05: a running job's fetch is renewed every fifth of it.");
        }
        if (digests.RetryDelays is { } delays && (delays.Length == 0 || delays.Any(d => d <= TimeSpan.Zero)))
        {
            problems.Add("Digests:RetryDelays must be positive waits, e.g. Digests__RetryDelays__0=00:01:00, Digests__RetryDelays__1=00:05:00.");
        }
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(JobsOptions.Section, typeof(JobsOptions), problems);
        }
    }

    /// <summary>The one base URL every absolute link starts with; a wrong one stops the start with a clear message.</summary>
    private static void AddAppLinks(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{SiteOptions.Section}:BaseUrl"] ?? builder.Configuration[$"{DigestOptions.Section}:BaseUrl"];
        var site = new SiteOptions { BaseUrl = configured ?? new SiteOptions().BaseUrl };
        if (!Uri.TryCreate(site.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new OptionsValidationException(SiteOptions.Section, typeof(SiteOptions),
                [$"Site:BaseUrl '{site.BaseUrl}' must be the app's absolute http(s) address, e.g. https://onboarding.example.com; every link in mail and calendar feeds starts with it."]);
        }
        builder.Services.AddSingleton(Options.Create(site));
        builder.Services.AddSingleton(new AppLinks(url));
    }
}
