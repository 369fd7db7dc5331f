using Onboarding.Jobs.Mail;

namespace Onboarding.Web.Features.Account;

/// <summary>
/// Sends one account mail (an invitation, "you were added", a password reset) while the request waits, and says
/// why it did not go if it did not. These mails carry one-time secrets held only in the request (only hashes
/// are stored), so there is nothing to retry from later.
/// </summary>
public sealed class AccountMailer(IMailSender sender, ILogger<AccountMailer> logger)
{
    /// <summary>How long a request waits for the mail server (which may be busy with a batch of digests).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <returns>Null when the mail server took it, otherwise why it did not.</returns>
    public async Task<string?> TrySendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            await foreach (var result in sender.SendAsync([mail], patience.Token))
            {
                if (result.Outcome == DeliveryOutcome.Sent)
                {
                    return null;
                }
                logger.LogWarning("Account mail {Subject} to {Email} not sent: {Error}", mail.Subject, mail.ToAddress, result.Error);
                return result.Error ?? "the mail server did not take it";
            }
            return "the mail server did not take it";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Account mail {Subject} to {Email} not sent: no answer within {Seconds} s", mail.Subject, mail.ToAddress, Patience.TotalSeconds);
            return $"the mail server did not answer within {Patience.TotalSeconds:0} seconds";
        }
    }
}
