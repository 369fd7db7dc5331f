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
    /// A pending digest nobody touched for this long has lost its delivery job (in-memory job storage
    /// restarted, or a crash between recording and enqueueing), so the dispatcher enqueues it again.
    /// Longer than the longest retry delay, so digests waiting for a retry are left to it.
    /// </summary>
    public TimeSpan OrphanAfter { get; set; } = TimeSpan.FromHours(3);
}
