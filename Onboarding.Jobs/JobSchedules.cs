using Hangfire;
using Microsoft.Extensions.Hosting;
using Onboarding.Jobs.Digests;
using Onboarding.Jobs.Governance;

namespace Onboarding.Jobs;

/// <summary>Every recurring job, in one place.</summary>
public static class JobSchedules
{
    /// <summary>A digest goes out within this long of its recipient's local hour.</summary>
    public static readonly TimeSpan DigestDispatchInterval = TimeSpan.FromMinutes(5);

    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<DigestDispatchJob>(
            DigestDispatchJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            Cron.MinuteInterval((int)DigestDispatchInterval.TotalMinutes),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Hourly: working days change at each engagement's own midnight, so the job looks every hour rather than once a UTC day.
        jobs.AddOrUpdate<EscalationJob>(
            EscalationJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Hourly(),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        // Hourly for the same reason: a person is asked on their own working day, which starts at their own midnight.
        jobs.AddOrUpdate<PulseJob>(
            PulseJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Hourly(),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }
}

/// <summary>Registers the schedules when a process that runs the Hangfire server starts.</summary>
internal sealed class JobSchedulesRegistration(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        JobSchedules.Register(jobs);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
