namespace Onboarding.Jobs.Digests;

/// <summary>The "Digests" configuration section.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>How many recipients are composed together; their engagements are loaded in one go per batch.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>A digest left "sending" this long belongs to a worker that died mid-send, and may be claimed again.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A digest never claimed this long after it was recorded lost its delivery job between the dispatcher's commit
    /// and its enqueue (the worker was killed), so the next dispatch run enqueues it. Delivery is enqueued as each
    /// batch commits and normally claims it within seconds; a longer wait means a queue so long that a second job
    /// for the digest does no harm (the claim lets one of them send it).
    /// </summary>
    public TimeSpan UnclaimedAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A pending digest nobody touched for this long has lost its delivery job (in-memory job storage
    /// restarted), so the dispatcher enqueues it again. Longer than the longest retry delay, so digests
    /// waiting for a retry are left to it.
    /// </summary>
    public TimeSpan OrphanAfter { get; set; } = TimeSpan.FromHours(3);

    /// <summary>
    /// The waits between a delivery job's attempts, the last one repeated; none given:
    /// <see cref="DigestRetries.DefaultDelays"/>. An outage longer than their sum marks its digests failed.
    /// </summary>
    public TimeSpan[]? RetryDelays { get; set; }
}
