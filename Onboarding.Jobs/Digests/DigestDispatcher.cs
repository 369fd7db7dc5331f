using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;
using Onboarding.Jobs.Mail;

namespace Onboarding.Jobs.Digests;

/// <summary>What a <c>digests run-due</c> did.</summary>
public sealed record RunDueSummary(int Recorded, int Sent, int Failed, int Pending);

/// <summary>
/// Finds the digests due now and records each once in the outbox; finds recorded digests whose
/// delivery was lost. Several dispatchers may run at once: the outbox's unique (recipient, period)
/// key lets only one of them record a digest, and delivery's claim lets only one send it.
/// </summary>
public sealed class DigestDispatcher(
    OnboardingDbContext db,
    DigestLoader loader,
    DigestComposition composition,
    DigestDelivery delivery,
    TimeProvider time,
    IOptions<DigestOptions> digestOptions,
    IOptions<MailOptions> mailOptions,
    ILogger<DigestDispatcher> logger)
{
    private readonly DigestOptions options = digestOptions.Value;

    /// <summary>Records every digest due now that is not in the outbox yet; returns the ids this call recorded.</summary>
    public async Task<IReadOnlyList<long>> RecordDueAsync(CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        await foreach (var batch in RecordDueInBatchesAsync(cancellationToken))
        {
            ids.AddRange(batch);
        }
        return ids;
    }

    /// <summary>
    /// Records every digest due now that is not in the outbox yet, one batch per transaction, and yields the ids of
    /// each batch as soon as it is committed, before the next is composed: a caller that hands each to delivery at
    /// once leaves nothing recorded and undelivered when it is stopped. Cancelled, it stops before the next batch or
    /// rolls back the one it was composing, which the next run records.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<long>> RecordDueInBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = new List<DueDigest>();
        foreach (var person in await loader.AudienceAsync(email: null, cancellationToken))
        {
            if (DueFor(person, now) is { } planned)
            {
                due.Add(new DueDigest(person, planned, now));
            }
        }
        if (due.Count == 0)
        {
            yield break;
        }

        var periods = due.Select(d => d.Key.Period).Distinct().ToList();
        var recorded = (await db.Digests.AsNoTracking()
                .Where(d => periods.Contains(d.Period))
                .Select(d => new { d.Recipient, d.Period })
                .ToListAsync(cancellationToken))
            .Select(d => new DigestKey(d.Recipient, d.Period))
            .ToHashSet();

        foreach (var batch in due.Where(d => !recorded.Contains(d.Key)).Chunk(options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var composed = await composition.ComposeAsync(batch, _ => true, cancellationToken);
            var ids = await RecordAsync(composed.Where(c => c.Model is not null).ToList(), now, cancellationToken);
            if (ids.Count > 0)
            {
                yield return ids;
            }
        }
    }

    /// <summary>
    /// Recorded digests no delivery has taken up: never claimed <see cref="DigestOptions.UnclaimedAfter"/> after they
    /// were recorded (their dispatcher stopped between recording and enqueueing), pending and untouched for
    /// <see cref="DigestOptions.OrphanAfter"/> (their delivery job was lost), and claims of workers that died mid-send.
    /// </summary>
    public async Task<IReadOnlyList<long>> OrphansAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var unclaimedBefore = now - options.UnclaimedAfter;
        var untouchedBefore = now - options.OrphanAfter;
        var claimedBefore = now - options.ClaimLease;
        return await db.Digests.AsNoTracking()
            .Where(d => (d.Status == DigestStatus.Pending && d.ClaimedAt == null && d.CreatedAt < unclaimedBefore)
                || (d.Status == DigestStatus.Pending && (d.ClaimedAt ?? d.CreatedAt) < untouchedBefore)
                || (d.Status == DigestStatus.Sending && d.ClaimedAt < claimedBefore))
            .OrderBy(d => d.Id)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The <c>digests run-due</c> verb: records what is due, then sends every digest that is waiting,
    /// whatever its age (and those of workers that died mid-send), in this process.
    /// </summary>
    public async Task<RunDueSummary> RunDueAsync(CancellationToken cancellationToken)
    {
        var recorded = await RecordDueAsync(cancellationToken);
        var claimedBefore = time.GetUtcNow() - options.ClaimLease;
        var waiting = await db.Digests.AsNoTracking()
            .Where(d => d.Status == DigestStatus.Pending || (d.Status == DigestStatus.Sending && d.ClaimedAt < claimedBefore))
            .OrderBy(d => d.Id)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        var total = new DeliverySummary(0, 0, 0);
        foreach (var batch in waiting.Chunk(options.BatchSize))
        {
            total += await delivery.DeliverAsync(batch, cancellationToken);
        }
        return new RunDueSummary(recorded.Count, total.Sent, total.Failed, total.Pending);
    }

    private PlannedDigest? DueFor(DigestAudience person, DateTimeOffset now)
    {
        try
        {
            return DigestSchedule.DueAt(person.Schedule, now);
        }
        catch (ArgumentException e)
        {
            // One person's unknown zone or impossible hour must not hold up everyone else's digest.
            logger.LogWarning(e, "No digest for {Recipient}: {Problem}", person.Key, e.Message);
            return null;
        }
    }

    /// <summary>
    /// Records the digests in one transaction. A key another dispatcher recorded in the meantime is
    /// left to it: the batch is retried one digest at a time, and a unique-key clash on a key that now
    /// exists is skipped. Returns the ids recorded here.
    /// </summary>
    private async Task<IReadOnlyList<long>> RecordAsync(IReadOnlyList<ComposedDigest> composed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (composed.Count == 0)
        {
            return [];
        }
        var records = composed.Select(c =>
        {
            var rendered = DigestRenderer.Render(c.Model!);
            return new DigestRecord
            {
                Recipient = c.Due.Key.Recipient,
                Period = c.Due.Key.Period,
                EngagementIds = c.Model!.Engagements.Select(e => e.EngagementId).ToList(),
                Status = DigestStatus.Pending,
                Subject = rendered.Subject,
                HtmlBody = rendered.Html,
                TextBody = rendered.Text,
                MessageId = MailMessages.MessageId(c.Due.Key, mailOptions.Value),
                CreatedAt = now,
            };
        }).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = new List<DigestRecord>();
        db.Digests.AddRange(records);
        try
        {
            // Inside a transaction EF saves behind a savepoint, and rolls back to it when the save fails.
            await db.SaveChangesAsync(cancellationToken);
            saved.AddRange(records);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            foreach (var record in records)
            {
                record.Id = 0;
                db.Digests.Add(record);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    saved.Add(record);
                }
                catch (DbUpdateException)
                {
                    if (!await KeyExistsAsync(record, cancellationToken))
                    {
                        throw;
                    }
                    logger.LogInformation("Digest {Recipient}/{Period} was recorded by another dispatcher", record.Recipient, record.Period);
                    db.Entry(record).State = EntityState.Detached;
                }
            }
        }
        await MarkEscalationsToldAsync(composed, saved, now, cancellationToken);
        await MarkResponsesToldAsync(composed, saved, now, cancellationToken);
        // Not cancellable: a commit stopped half-way leaves the caller not knowing whether the batch is recorded.
        await transaction.CommitAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        Core.Telemetry.OnboardingMetrics.DigestsRecorded(saved.Count);
        return saved.Select(r => r.Id).ToList();
    }

    /// <summary>
    /// The escalations the recorded digests tell are told: in the same transaction as the digests, so an escalation
    /// is said exactly once (a digest another dispatcher recorded says it in its own run).
    /// </summary>
    private async Task MarkEscalationsToldAsync(IReadOnlyList<ComposedDigest> composed, IReadOnlyList<DigestRecord> saved, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var savedKeys = saved.Select(r => (r.Recipient, r.Period)).ToHashSet();
        var stepIds = composed
            .Where(c => savedKeys.Contains((c.Due.Key.Recipient, c.Due.Key.Period)))
            .SelectMany(c => c.Model!.Engagements.SelectMany(e => e.Escalated).Select(x => x.StepId))
            .Distinct()
            .ToList();
        if (stepIds.Count > 0)
        {
            await db.LogEntrySteps.Where(s => stepIds.Contains(s.Id) && s.ToldAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ToldAt, now), cancellationToken);
        }
    }

    /// <summary>The pulse responses the recorded digests tell are told, in the digests' transaction, as escalations are.</summary>
    private async Task MarkResponsesToldAsync(IReadOnlyList<ComposedDigest> composed, IReadOnlyList<DigestRecord> saved, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var savedKeys = saved.Select(r => (r.Recipient, r.Period)).ToHashSet();
        var pulseIds = composed
            .Where(c => savedKeys.Contains((c.Due.Key.Recipient, c.Due.Key.Period)))
            .SelectMany(c => c.Model!.Engagements.SelectMany(e => e.YouSaid).Select(x => x.PulseId))
            .Distinct()
            .ToList();
        if (pulseIds.Count > 0)
        {
            await db.Pulses.Where(p => pulseIds.Contains(p.Id) && p.ResponseToldAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ResponseToldAt, now), cancellationToken);
        }
    }

    // Asked of the database, not the change tracker, where the failed entity is still "added".
    private Task<bool> KeyExistsAsync(DigestRecord record, CancellationToken cancellationToken) =>
        db.Digests.AsNoTracking().AnyAsync(d => d.Recipient == record.Recipient && d.Period == record.Period, cancellationToken);
}
