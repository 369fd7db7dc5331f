using Hangfire;
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

/// <summary>Delivers one batch. Throws while any digest is left for a retry, so Hangfire retries it with backoff.</summary>
public sealed class DigestDeliveryJob(DigestDelivery delivery)
{
    /// <param name="ids">The digests to deliver.</param>
    /// <param name="context">Given by Hangfire (enqueue with null): its job id, the same in every retry, names the claims.</param>
    /// <param name="cancellationToken">Hangfire's: cancelled when the server stops (SIGTERM), which hands back the claims.</param>
    // Waits 1, 5, 15, 30, 60 and 120 minutes between attempts: enough to ride out an SMTP outage of a few hours.
    // After the last, delivery has marked what is still unsent as failed, so the job itself can go.
    [AutomaticRetry(Attempts = DigestDelivery.MaxAttempts - 1, DelaysInSeconds = [60, 300, 900, 1800, 3600, 7200], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
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
