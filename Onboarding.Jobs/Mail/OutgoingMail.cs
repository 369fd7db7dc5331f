namespace Onboarding.Jobs.Mail;

/// <summary>
/// One mail to deliver. <see cref="Id"/> is its Message-ID's left part, the same on every try of the same mail
/// (a digest's comes from its outbox key), and names its results and its pickup file. Mail with an
/// <see cref="UnsubscribeUrl"/> carries one-click unsubscribe headers.
/// </summary>
public sealed record OutgoingMail(
    string Id,
    string ToName,
    string ToAddress,
    string Subject,
    string Html,
    string Text,
    string? UnsubscribeUrl);

public enum DeliveryOutcome
{
    Sent,

    /// <summary>Worth retrying later: the server said 4xx, or could not be reached, or timed out.</summary>
    TransientFailure,

    /// <summary>Will never succeed as it is: a 5xx reply to MAIL, RCPT or DATA, or an address that does not parse.</summary>
    PermanentFailure,
}

public sealed record DeliveryResult(string Id, DeliveryOutcome Outcome, string? Error = null);

/// <summary>
/// Delivers a batch of mails. Results come back in the batch's order, one per mail, each as soon
/// as that mail is done, so the caller can record it before the next one goes out.
/// </summary>
public interface IMailSender
{
    IAsyncEnumerable<DeliveryResult> SendAsync(IReadOnlyList<OutgoingMail> batch, CancellationToken cancellationToken = default);
}
