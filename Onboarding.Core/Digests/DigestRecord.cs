namespace Onboarding.Core.Digests;

public enum DigestStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
}

/// <summary>
/// Outbox row: one digest for one recipient and one period (their local date). The unique
/// (recipient, period) key is what keeps a digest from being recorded or sent twice.
/// </summary>
public sealed class DigestRecord
{
    public long Id { get; set; }

    /// <summary>The recipient's email, lower-cased: one person across all their engagements.</summary>
    public required string Recipient { get; set; }
    public DateOnly Period { get; set; }

    /// <summary>
    /// The engagements the digest has a section for, as composed. Who may see it in the outbox follows
    /// from these, not from the recipient's memberships now (which change). Empty on digests recorded
    /// before it was kept.
    /// </summary>
    public List<int> EngagementIds { get; set; } = [];

    public DigestStatus Status { get; set; }
    public int Attempts { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }
    public required string MessageId { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>
    /// The delivery job that holds the claim (Hangfire's job id), so that its retry may take the claim back at once:
    /// a job stopped by a database outage could not hand back what it had claimed, and its retry would otherwise
    /// wait out the lease. Null for claims of a delivery run outside the job queue.
    /// </summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
