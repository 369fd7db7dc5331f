using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace Onboarding.Jobs.Digests;

/// <summary>
/// The recurring job: records what is due and hands each committed batch to a delivery job at once, then enqueues
/// what earlier runs recorded and nobody took up. A run stopped anywhere (SIGTERM: Hangfire cancels the token and
/// hands the job back) leaves its committed batches enqueued and its current one rolled back, and a run killed
/// between a commit and its enqueue leaves that batch to the next run's <see cref="DigestDispatcher.OrphansAsync"/>.
/// </summary>
public sealed class DigestDispatchJob(DigestDispatcher dispatcher, IBackgroundJobClient jobs, IOptions<DigestOptions> options)
{
    public const string RecurringId = "digests-dispatch";

    // The next run, minutes away, is the retry: what is due then includes whatever this run missed.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var enqueued = new HashSet<long>();
        await foreach (var batch in dispatcher.RecordDueInBatchesAsync(cancellationToken))
        {
            Enqueue(batch);
            enqueued.UnionWith(batch);
        }
        var orphans = await dispatcher.OrphansAsync(cancellationToken);
        foreach (var batch in orphans.Where(id => !enqueued.Contains(id)).Chunk(options.Value.BatchSize))
        {
            Enqueue(batch);
        }
    }

    private void Enqueue(IReadOnlyList<long> batch)
    {
        var ids = batch.ToArray();
        jobs.Enqueue<DigestDeliveryJob>(job => job.RunAsync(ids, null, CancellationToken.None));
    }
}

/// <summary>
/// Delivers one batch. Throws while any digest is left for a retry, so Hangfire retries it with backoff
/// (<see cref="DigestRetries"/>).
/// </summary>
public sealed class DigestDeliveryJob(DigestDelivery delivery)
{
    /// <param name="ids">The digests to deliver.</param>
    /// <param name="context">Given by Hangfire (enqueue with null): its job id, the same in every retry, names the claims.</param>
    /// <param name="cancellationToken">Hangfire's: cancelled when the server stops (SIGTERM), which hands back the claims.</param>
    [Queue(JobQueues.Digests)]
    public async Task RunAsync(long[] ids, PerformContext? context, CancellationToken cancellationToken)
    {
        var summary = await delivery.DeliverAsync(ids, context?.BackgroundJob.Id, cancellationToken);
        if (summary.Pending > 0)
        {
            throw new DigestsNotSentException(summary.Pending, ids.Length);
        }
    }
}

public sealed class DigestsNotSentException(int pending, int batch)
    : Exception($"{pending} of {batch} digests could not be sent yet (the mail server is unreachable or asked to try later); they will be retried.");

/// <summary>
/// The delivery job's retries, as an attribute on it would give them but with the waits from configuration
/// (<see cref="DigestOptions.RetryDelays"/>), which an attribute cannot read. Hangfire keeps one retry filter per job,
/// the one of the narrowest scope, so this method-scoped one replaces the global default for delivery jobs only.
/// </summary>
public sealed class DigestRetries(IReadOnlyList<TimeSpan> delays) : IJobFilterProvider
{
    /// <summary>1, 5, 15, 30, 60 and 120 minutes: enough to ride out an SMTP outage of a few hours.</summary>
    public static readonly TimeSpan[] DefaultDelays = [.. new[] { 1, 5, 15, 30, 60, 120 }.Select(m => TimeSpan.FromMinutes(m))];

    // After the last attempt delivery has marked what is still unsent as failed, so the job itself can go.
    private readonly JobFilter retry = new(
        new AutomaticRetryAttribute
        {
            Attempts = DigestDelivery.MaxAttempts - 1,
            DelaysInSeconds = [.. delays.Select(d => (int)Math.Ceiling(d.TotalSeconds))],
            OnAttemptsExceeded = AttemptsExceededAction.Delete,
        },
        JobFilterScope.Method,
        order: null);

    public IEnumerable<JobFilter> GetFilters(Job job) => job?.Type == typeof(DigestDeliveryJob) ? [retry] : [];
}
