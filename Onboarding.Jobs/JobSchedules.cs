using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Onboarding.Jobs.Digests;
using Onboarding.Jobs.Governance;

namespace Onboarding.Jobs;

/// <summary>Every recurring job, in one place.</summary>
public static class JobSchedules
{
    /// <summary>The dispatcher's default interval (<see cref="JobsOptions.DigestDispatchInterval"/>).</summary>
    public static readonly TimeSpan DigestDispatchInterval = TimeSpan.FromMinutes(5);

    public static void Register(IRecurringJobManager jobs, TimeSpan dispatchInterval)
    {
        jobs.AddOrUpdate<DigestDispatchJob>(
            DigestDispatchJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            Every(dispatchInterval),
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

    /// <summary>
    /// The cron expression that fires every <paramref name="interval"/>, or null when no cron expression can: the
    /// interval must repeat the same way in every hour, as whole minutes that divide an hour or seconds that divide a minute.
    /// </summary>
    public static string? TryEvery(TimeSpan interval)
    {
        if (interval.Ticks % TimeSpan.TicksPerSecond != 0 || interval <= TimeSpan.Zero)
        {
            return null;
        }
        var seconds = (int)interval.TotalSeconds;
        return seconds switch
        {
            < 60 when 60 % seconds == 0 => $"*/{seconds} * * * * *",
            < 3600 when seconds % 60 == 0 && 60 % (seconds / 60) == 0 => Cron.MinuteInterval(seconds / 60),
            _ => null,
        };
    }

    private static string Every(TimeSpan interval) =>
        TryEvery(interval) ?? throw new ArgumentOutOfRangeException(nameof(interval), interval, "Not an interval a cron expression can repeat.");
}

/// <summary>Registers the schedules when a process that runs the Hangfire server starts.</summary>
internal sealed class JobSchedulesRegistration(IRecurringJobManager jobs, IOptions<JobsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        JobSchedules.Register(jobs, options.Value.DigestDispatchInterval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
