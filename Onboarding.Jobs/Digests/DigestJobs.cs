using Hangfire;
using Microsoft.Extensions.Options;

namespace Onboarding.Jobs.Digests;

/// <summary>The recurring job: records what is due and hands it to delivery jobs, batch by batch.</summary>
public sealed class DigestDispatchJob(DigestDispatcher dispatcher, IBackgroundJobClient jobs, IOptions<DigestOptions> options)
{
    public const string RecurringId = "digests-dispatch";

    // The next run, minutes away, is the retry: what is due then includes whatever this run missed.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var recorded = await dispatcher.RecordDueAsync(cancellationToken);
        var orphans = await dispatcher.OrphansAsync(cancellationToken);
        foreach (var batch in recorded.Concat(orphans).Distinct().Chunk(options.Value.BatchSize))
        {
            jobs.Enqueue<DigestDeliveryJob>(job => job.RunAsync(batch, CancellationToken.None));
        }
    }
}

/// <summary>Delivers one batch. Throws while any digest is left for a retry, so Hangfire retries it with backoff.</summary>
public sealed class DigestDeliveryJob(DigestDelivery delivery)
{
    // Waits 1, 5, 15, 30, 60 and 120 minutes between attempts: enough to ride out an SMTP outage of a few hours.
    // After the last, delivery has marked what is still unsent as failed, so the job itself can go.
    [AutomaticRetry(Attempts = DigestDelivery.MaxAttempts - 1, DelaysInSeconds = [60, 300, 900, 1800, 3600, 7200], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [Queue(JobQueues.Digests)]
    public async Task RunAsync(long[] ids, CancellationToken cancellationToken)
    {
        var summary = await delivery.DeliverAsync(ids, cancellationToken);
        if (summary.Pending > 0)
        {
            throw new DigestsNotSentException(summary.Pending, ids.Length);
        }
    }
}

public sealed class DigestsNotSentException(int pending, int batch)
    : Exception($"{pending} of {batch} digests could not be sent yet (the mail server is unreachable or asked to try later); they will be retried.");
