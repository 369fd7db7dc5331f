using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Jobs.Mail;

namespace Onboarding.Jobs.Digests;

/// <summary>What one delivery did: digests sent, failed for good, and left pending for a retry.</summary>
public sealed record DeliverySummary(int Sent, int Failed, int Pending)
{
    public static DeliverySummary operator +(DeliverySummary a, DeliverySummary b) => new(a.Sent + b.Sent, a.Failed + b.Failed, a.Pending + b.Pending);
}

/// <summary>
/// Sends recorded digests. Each is claimed first (pending → sending, in one conditional UPDATE), so
/// two workers never both send one; then sent over the mail sender's reused connection; then marked
/// the moment the server has answered, so a crash repeats at most the one message in flight.
/// </summary>
public sealed class DigestDelivery(
    OnboardingDbContext db,
    IMailSender sender,
    DigestComposition composition,
    TimeProvider time,
    IOptions<DigestOptions> options,
    ILogger<DigestDelivery> logger)
{
    /// <summary>The first try and Hangfire's retries together; a digest still failing then is marked failed.</summary>
    public const int MaxAttempts = 7;

    private const int ErrorLength = 2000;

    /// <summary>
    /// Digests are claimed a few at a time, just before they go: a worker that dies leaves only those
    /// few "sending" (until <see cref="DigestOptions.ClaimLease"/> runs out), not its whole batch.
    /// </summary>
    private const int ClaimSize = 20;

    public async Task<DeliverySummary> DeliverAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var total = new DeliverySummary(0, 0, 0);
        var chunks = ids.Chunk(ClaimSize).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var done = await DeliverClaimedAsync(await ClaimAsync(chunks[i], cancellationToken), cancellationToken);
            total += done;
            if (done.Pending > 0 && done.Sent == 0 && done.Failed == 0)
            {
                // The server is away: leave the rest unclaimed for the retry rather than knock on its door for each.
                var rest = chunks.Skip(i + 1).SelectMany(c => c).ToList();
                var waiting = await db.Digests.CountAsync(d => rest.Contains(d.Id) && d.Status == DigestStatus.Pending, cancellationToken);
                return total + new DeliverySummary(0, 0, waiting);
            }
        }
        return total;
    }

    private async Task<DeliverySummary> DeliverClaimedAsync(List<long> claimed, CancellationToken cancellationToken)
    {
        if (claimed.Count == 0)
        {
            return new DeliverySummary(0, 0, 0);
        }
        var records = await db.Digests.AsNoTracking()
            .Where(d => claimed.Contains(d.Id))
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Recipient, d.Period, d.Attempts, d.Subject, d.HtmlBody, d.TextBody })
            .ToListAsync(cancellationToken);
        var people = await PeopleAsync(records.Select(r => r.Recipient).Distinct().ToList(), cancellationToken);

        int sent = 0, failed = 0, pending = 0;
        var mails = new List<OutgoingMail>();
        var claims = new Dictionary<DigestKey, (long Id, int Attempts)>();
        foreach (var record in records)
        {
            var key = new DigestKey(record.Recipient, record.Period);
            if (!people.TryGetValue(record.Recipient, out var person))
            {
                await MarkAsync(record.Id, DigestStatus.Failed, $"{record.Recipient} is no longer a member of any engagement.");
                failed++;
                continue;
            }
            claims[key] = (record.Id, record.Attempts);
            mails.Add(new OutgoingMail(key, person.Name, person.Email, record.Subject, record.HtmlBody, record.TextBody, composition.Links.Unsubscribe(person.UnsubscribeToken)));
        }

        await foreach (var result in sender.SendAsync(mails, cancellationToken))
        {
            var (id, attempts) = claims[result.Key];
            switch (result.Outcome)
            {
                case DeliveryOutcome.Sent:
                    await MarkAsync(id, DigestStatus.Sent, error: null);
                    sent++;
                    break;
                case DeliveryOutcome.PermanentFailure:
                    logger.LogWarning("Digest {Key} was refused for good: {Error}", result.Key, result.Error);
                    await MarkAsync(id, DigestStatus.Failed, result.Error);
                    failed++;
                    break;
                case DeliveryOutcome.TransientFailure when attempts >= MaxAttempts:
                    logger.LogWarning("Digest {Key} still failing after {Attempts} attempts: {Error}", result.Key, attempts, result.Error);
                    await MarkAsync(id, DigestStatus.Failed, $"Gave up after {attempts} attempts: {result.Error}");
                    failed++;
                    break;
                default:
                    await MarkAsync(id, DigestStatus.Pending, result.Error);
                    pending++;
                    break;
            }
        }
        return new DeliverySummary(sent, failed, pending);
    }

    /// <summary>Claims each digest that is pending, or whose claim has outlived the lease; returns the ones this call claimed.</summary>
    private async Task<List<long>> ClaimAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimedBefore = now - options.Value.ClaimLease;
        var claimed = new List<long>(ids.Count);
        foreach (var id in ids)
        {
            // One row per statement: the affected count says whether this worker won the claim.
            var won = await db.Digests
                .Where(d => d.Id == id && (d.Status == DigestStatus.Pending || (d.Status == DigestStatus.Sending && d.ClaimedAt < claimedBefore)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, DigestStatus.Sending)
                    .SetProperty(d => d.ClaimedAt, now)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
            if (won == 1)
            {
                claimed.Add(id);
            }
        }
        return claimed;
    }

    // Not cancellable: once the server has taken a message, recording that matters more than stopping quickly.
    private Task MarkAsync(long id, DigestStatus status, string? error)
    {
        var now = time.GetUtcNow();
        var lastError = error is { Length: > ErrorLength } ? error[..ErrorLength] : error;
        return db.Digests.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, status)
            .SetProperty(d => d.LastError, lastError)
            .SetProperty(d => d.SentAt, d => status == DigestStatus.Sent ? now : d.SentAt), CancellationToken.None);
    }

    private sealed record Person(string Name, string Email, string UnsubscribeToken);

    /// <summary>Each recipient's name, address and unsubscribe token, from their first membership of an open engagement (as the composer took them).</summary>
    private async Task<Dictionary<string, Person>> PeopleAsync(IReadOnlyCollection<string> recipients, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking()
            .Where(m => recipients.Contains(m.Email.ToLower()))
            .OrderBy(m => m.Engagement!.Status == EngagementStatus.Closed)
            .ThenBy(m => m.Id)
            .Select(m => new { m.Name, m.Email, m.UnsubscribeToken })
            .ToListAsync(cancellationToken);
        return members
            .GroupBy(m => DigestLoader.RecipientKey(m.Email))
            .ToDictionary(g => g.Key, g => new Person(g.First().Name, g.First().Email.Trim(), g.First().UnsubscribeToken));
    }
}
