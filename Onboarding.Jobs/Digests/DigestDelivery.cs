using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;
using Onboarding.Jobs.Mail;

namespace Onboarding.Jobs.Digests;

/// <summary>What one delivery did: digests sent, failed for good, and left pending for a retry.</summary>
public sealed record DeliverySummary(int Sent, int Failed, int Pending)
{
    public static DeliverySummary operator +(DeliverySummary a, DeliverySummary b) => new(a.Sent + b.Sent, a.Failed + b.Failed, a.Pending + b.Pending);
}

/// <summary>
/// Sends recorded digests. A chunk is claimed first (pending → sending, a lease), so two workers never
/// both send one; then sent over the mail sender's reused connection; each outcome is written as soon
/// as the server has answered, while the next message goes out (<see cref="MarkWriter"/>), so a crash
/// repeats at most the messages the server took in the last database round trip, and leaves the rest
/// of its chunk to be claimed again when the lease runs out.
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
    /// Digests claimed in one statement. A worker that dies leaves at most this many "sending" until
    /// <see cref="DigestOptions.ClaimLease"/> runs out; a claim held for half the lease is renewed.
    /// </summary>
    private const int ClaimSize = 100;

    private readonly TimeSpan lease = options.Value.ClaimLease;

    public Task<DeliverySummary> DeliverAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        DeliverAsync(ids, claimant: null, cancellationToken);

    /// <summary>
    /// Delivers <paramref name="ids"/>, claiming them for <paramref name="claimant"/> (a delivery job's id). Digests
    /// the same claimant still holds are taken back at once: they are a failed attempt's of this very job, which could
    /// not hand them back (its database was away) and sends nothing more, because it stops at the first outcome it
    /// cannot record.
    /// </summary>
    public async Task<DeliverySummary> DeliverAsync(IReadOnlyCollection<long> ids, string? claimant, CancellationToken cancellationToken)
    {
        await using var outbox = await DigestOutbox.OpenAsync(db, cancellationToken);
        var total = new DeliverySummary(0, 0, 0);
        var chunks = ids.Order().Chunk(ClaimSize).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var claimedAt = Now();
            var claimed = await outbox.ClaimAsync(chunks[i], claimant, claimedAt, lease, cancellationToken);
            var done = await DeliverClaimedAsync(outbox, claimed, claimedAt, cancellationToken);
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

    private async Task<DeliverySummary> DeliverClaimedAsync(DigestOutbox outbox, List<ClaimedDigest> claimed, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        if (claimed.Count == 0)
        {
            return new DeliverySummary(0, 0, 0);
        }
        int sent = 0, failed = 0, pending = 0;
        var marks = new MarkWriter(outbox);
        try
        {
            var waiting = new List<(OutgoingMail Mail, ClaimedDigest Claim)>();
            foreach (var claim in claimed)
            {
                if (claim.To is not { } person)
                {
                    await marks.AddAsync(new DigestMark(claim.Id, DigestStatus.Failed, $"{claim.Recipient} is no longer a member of any engagement.", Now()));
                    failed++;
                    continue;
                }
                var mail = new OutgoingMail(MailMessages.LocalPart(new DigestKey(claim.Recipient, claim.Period)), person.Name, person.Email, claim.Subject, claim.HtmlBody, claim.TextBody,
                    composition.Links.Unsubscribe(person.UnsubscribeToken));
                waiting.Add((mail, claim));
            }

            while (waiting.Count > 0)
            {
                var done = 0;
                await foreach (var result in sender.SendAsync(waiting.Select(w => w.Mail).ToList(), cancellationToken))
                {
                    var mark = Outcome(waiting[done++].Claim, result);
                    await marks.AddAsync(mark);
                    switch (mark.Status)
                    {
                        case DigestStatus.Sent: sent++; break;
                        case DigestStatus.Failed: failed++; break;
                        default: pending++; break;
                    }
                    if (done < waiting.Count && time.GetUtcNow() - claimedAt > lease / 2)
                    {
                        // Stop before the next message and renew the claim on the rest, so no other worker
                        // can take a digest this one is still about to send.
                        break;
                    }
                }
                waiting = waiting[done..];
                if (waiting.Count > 0)
                {
                    await marks.FlushAsync();
                    var renewedAt = Now();
                    var stillOurs = await outbox.RenewAsync(waiting.Select(w => w.Claim.Id).ToArray(), claimedAt, renewedAt, cancellationToken);
                    if (stillOurs.Count < waiting.Count)
                    {
                        logger.LogWarning("{Lost} claimed digests outlived their lease and were left to the worker that took them", waiting.Count - stillOurs.Count);
                    }
                    waiting = waiting.Where(w => stillOurs.Contains(w.Claim.Id)).ToList();
                    claimedAt = renewedAt;
                }
            }
        }
        catch (Exception stopped)
        {
            // Sending stopped half-way (cancelled by a SIGTERM, or the sender or a write threw). What the server took
            // is recorded first; then what it never took goes back to pending at once, for this job's retry or
            // another worker, rather than wait out the lease.
            await marks.FlushAsync();
            await ReleaseAsync(outbox, claimed.Select(c => c.Id).ToArray(), claimedAt, stopped);
            throw;
        }
        await marks.FlushAsync();
        return new DeliverySummary(sent, failed, pending);
    }

    private async Task ReleaseAsync(DigestOutbox outbox, long[] ids, DateTimeOffset claimedAt, Exception stopped)
    {
        try
        {
            await outbox.ReleaseAsync(ids, claimedAt);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The database is what failed: the job's retry takes the claims back, or they go when their lease ends.
            logger.LogWarning(e, "Could not hand back the digests claimed at {ClaimedAt} after delivery stopped ({Reason})", claimedAt, stopped.Message);
        }
    }

    private DigestMark Outcome(ClaimedDigest claim, DeliveryResult result)
    {
        var (status, error) = result.Outcome switch
        {
            DeliveryOutcome.Sent => (DigestStatus.Sent, null),
            DeliveryOutcome.PermanentFailure => (DigestStatus.Failed, result.Error),
            _ when claim.Attempts >= MaxAttempts => (DigestStatus.Failed, $"Gave up after {claim.Attempts} attempts: {result.Error}"),
            _ => (DigestStatus.Pending, result.Error),
        };
        if (status == DigestStatus.Failed)
        {
            logger.LogWarning("Digest {Id} to {Recipient} failed for good after {Attempts} attempts: {Error}", claim.Id, claim.Recipient, claim.Attempts, result.Error);
        }
        return new DigestMark(claim.Id, status, error is { Length: > ErrorLength } ? error[..ErrorLength] : error, Now());
    }

    /// <summary>
    /// The clock to the microsecond, PostgreSQL's precision: a claim time written and later compared
    /// (when a claim is renewed) must be the same value on both sides.
    /// </summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
