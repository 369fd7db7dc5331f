using System.Diagnostics.Metrics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;
using Onboarding.Core.Telemetry;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// Gauges read when metrics are scraped: the digest outbox's backlog and the job queues, as the database and the job
/// storage hold them, so every web node reports the same values whichever worker did the work.
/// </summary>
/// <remarks>
/// Each read is a few indexed queries (the outbox's (status, created) index; Hangfire's own statistics), kept for
/// <see cref="KeepFor"/> so that several scrapers and nodes cost the database little. A read that fails (the database
/// is away) reports nothing until the next one: the gauges go missing rather than wrong, and <c>/health/ready</c> says why.
/// </remarks>
public sealed class OperationalGauges
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(15);
    private static readonly DigestStatus[] Backlog = [DigestStatus.Pending, DigestStatus.Sending];

    private readonly Reading<IReadOnlyList<(DigestStatus Status, int Count, double OldestAgeSeconds)>> outbox;
    private readonly Reading<JobCounts> jobs;

    public OperationalGauges(IMeterFactory meters, IServiceScopeFactory scopes, JobStorage storage, TimeProvider clock, ILogger<OperationalGauges> logger)
    {
        outbox = new Reading<IReadOnlyList<(DigestStatus, int, double)>>(clock, logger, "outbox", () => ReadOutbox(scopes, clock));
        jobs = new Reading<JobCounts>(clock, logger, "job storage", () => ReadJobs(storage));
        var meter = meters.Create(OnboardingMetrics.MeterName);
        meter.CreateObservableGauge("onboarding.outbox.digests",
            () => outbox.Value?.Select(o => new Measurement<int>(o.Count, new KeyValuePair<string, object?>("status", o.Status.ToString()))) ?? [],
            "{digest}", "Digests waiting in the outbox, by status (Pending, Sending).");
        meter.CreateObservableGauge("onboarding.outbox.oldest.age",
            () => outbox.Value?.Select(o => new Measurement<double>(o.OldestAgeSeconds, new KeyValuePair<string, object?>("status", o.Status.ToString()))) ?? [],
            "s", "Time since the oldest digest still in this status was recorded; 0 when none is.");
        meter.CreateObservableGauge("onboarding.jobs.enqueued",
            () => jobs.Value?.Enqueued.Select(q => new Measurement<long>(q.Length, new KeyValuePair<string, object?>("queue", q.Queue))) ?? [],
            "{job}", "Jobs waiting in each queue for a worker.");
        meter.CreateObservableGauge("onboarding.jobs.processing", () => One(jobs.Value?.Processing),
            "{job}", "Jobs a worker is running now.");
        meter.CreateObservableGauge("onboarding.jobs.scheduled", () => One(jobs.Value?.Scheduled),
            "{job}", "Jobs waiting for their time, failed jobs' retries among them.");
        meter.CreateObservableGauge("onboarding.jobs.failed", () => One(jobs.Value?.Failed),
            "{job}", "Jobs that failed after their last retry, kept in the failed list.");
    }

    private static IEnumerable<Measurement<long>> One(long? value) => value is { } v ? [new Measurement<long>(v)] : [];

    private static List<(DigestStatus, int, double)> ReadOutbox(IServiceScopeFactory scopes, TimeProvider clock)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OnboardingDbContext>();
        var now = clock.GetUtcNow();
        return Backlog.Select(status =>
        {
            var waiting = db.Digests.AsNoTracking().Where(d => d.Status == status);
            var oldest = waiting.OrderBy(d => d.CreatedAt).Select(d => (DateTimeOffset?)d.CreatedAt).FirstOrDefault();
            return (status, waiting.Count(), oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0);
        }).ToList();
    }

    private static JobCounts ReadJobs(JobStorage storage)
    {
        var monitoring = storage.GetMonitoringApi();
        var statistics = monitoring.GetStatistics();
        return new JobCounts(
            monitoring.Queues().Select(q => (q.Name, q.Length)).ToList(),
            statistics.Processing, statistics.Scheduled, statistics.Failed);
    }

    private sealed record JobCounts(IReadOnlyList<(string Queue, long Length)> Enqueued, long Processing, long Scheduled, long Failed);

    /// <summary>The last value read, read again once it is older than <see cref="KeepFor"/>; null while reads fail.</summary>
    private sealed class Reading<T>(TimeProvider clock, ILogger logger, string source, Func<T> read) where T : class
    {
        private readonly Lock gate = new();
        private T? value;
        private DateTimeOffset readAt = DateTimeOffset.MinValue;

        public T? Value
        {
            get
            {
                lock (gate)
                {
                    var now = clock.GetUtcNow();
                    if (now - readAt >= KeepFor)
                    {
                        readAt = now;
                        try
                        {
                            value = read();
                        }
                        catch (Exception e) when (e is System.Data.Common.DbException || DatabaseFailures.IsUnavailable(e))
                        {
                            value = null;
                            logger.LogDebug(e, "The {Source} gauges could not be read", source);
                        }
                    }
                    return value;
                }
            }
        }
    }
}
