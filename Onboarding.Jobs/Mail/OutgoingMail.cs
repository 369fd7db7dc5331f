using Onboarding.Core.Digests;

namespace Onboarding.Jobs.Mail;

/// <summary>One digest to deliver, as stored in the outbox.</summary>
public sealed record OutgoingMail(
    DigestKey Key,
    string ToName,
    string ToAddress,
    string Subject,
    string Html,
    string Text,
    string UnsubscribeUrl);

public enum DeliveryOutcome
{
    Sent,

    /// <summary>Worth retrying later: the server said 4xx, or could not be reached, or timed out.</summary>
    TransientFailure,

    /// <summary>Will never succeed as it is: a 5xx reply to MAIL, RCPT or DATA, or an address that does not parse.</summary>
    PermanentFailure,
}

public sealed record DeliveryResult(DigestKey Key, DeliveryOutcome Outcome, string? Error = null);

/// <summary>
/// Delivers a batch of digests. Results come back in the batch's order, one per mail, each as soon
/// as that mail is done, so the caller can record it before the next one goes out.
/// </summary>
public interface IMailSender
{
    IAsyncEnumerable<DeliveryResult> SendAsync(IReadOnlyList<OutgoingMail> batch, CancellationToken cancellationToken = default);
}
