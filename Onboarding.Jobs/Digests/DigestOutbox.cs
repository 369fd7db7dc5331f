using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;

namespace Onboarding.Jobs.Digests;

/// <summary>
/// A digest this worker has claimed, with what sending it takes; <see cref="Attempts"/> counts this one.
/// <see cref="To"/> is null when the recipient is no longer a member of any engagement.
/// </summary>
internal sealed record ClaimedDigest(long Id, string Recipient, DateOnly Period, int Attempts, string Subject, string HtmlBody, string TextBody, Addressee? To);

/// <summary>The recipient's name, address and unsubscribe token, from their first membership of an open engagement (as the composer took them).</summary>
internal sealed record Addressee(string Name, string Email, string UnsubscribeToken);

/// <summary>
/// The outbox statements delivery runs. A claim is a lease: pending (or sending with a lapsed lease)
/// becomes sending at a claim time, and only the worker that wrote that time sends the digest. Outcomes
/// are written as they come, several in one statement when they came during the previous write (see
/// <see cref="MarkWriter"/>).
/// </summary>
internal abstract class DigestOutbox : IAsyncDisposable
{
    /// <summary>PostgreSQL's set-based statements where it is the database; row-by-row EF elsewhere (SQLite, one writer, one node).</summary>
    public static async Task<DigestOutbox> OpenAsync(OnboardingDbContext db, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql() ? await PostgresDigestOutbox.PrepareAsync(db, cancellationToken) : new PortableDigestOutbox(db);

    /// <summary>
    /// Claims for <paramref name="claimant"/> those of <paramref name="ids"/> that are free at <paramref name="now"/>
    /// (or still claimed by that claimant), with their content and addressee, in id order.
    /// </summary>
    public abstract Task<List<ClaimedDigest>> ClaimAsync(long[] ids, string? claimant, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Moves the claim time of those of <paramref name="ids"/> still claimed at <paramref name="claimedAt"/> to <paramref name="now"/>; returns them.</summary>
    public abstract Task<HashSet<long>> RenewAsync(long[] ids, DateTimeOffset claimedAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records outcomes, all or none. Not cancellable: once the server has taken a message, recording that matters more than stopping quickly.</summary>
    public abstract Task MarkAsync(IReadOnlyList<DigestMark> marks);

    /// <summary>
    /// Hands back those of <paramref name="ids"/> still claimed at <paramref name="claimedAt"/>: pending again, free
    /// for the next delivery at once. Not cancellable: it is what a delivery being stopped does last.
    /// </summary>
    public abstract Task ReleaseAsync(long[] ids, DateTimeOffset claimedAt);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// Claims one row per conditional UPDATE (the affected count says whether this worker won it):
/// slower than PostgreSQL's batch claim, and right on any database.
/// </summary>
internal sealed class PortableDigestOutbox(OnboardingDbContext db) : DigestOutbox
{
    public override async Task<List<ClaimedDigest>> ClaimAsync(long[] ids, string? claimant, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var claimedBefore = now - lease;
        var won = new List<long>(ids.Length);
        foreach (var id in ids)
        {
            var updated = await db.Digests
                .Where(d => d.Id == id && (d.Status == DigestStatus.Pending
                    || (d.Status == DigestStatus.Sending && (d.ClaimedAt < claimedBefore || (claimant != null && d.ClaimedBy == claimant)))))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, DigestStatus.Sending)
                    .SetProperty(d => d.ClaimedAt, now)
                    .SetProperty(d => d.ClaimedBy, claimant)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
            if (updated == 1)
            {
                won.Add(id);
            }
        }
        var claimed = await db.Digests.AsNoTracking()
            .Where(d => won.Contains(d.Id))
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Recipient, d.Period, d.Attempts, d.Subject, d.HtmlBody, d.TextBody })
            .ToListAsync(cancellationToken);
        var addressees = await AddresseesAsync(claimed.Select(c => c.Recipient).Distinct().ToList(), cancellationToken);
        return claimed
            .Select(c => new ClaimedDigest(c.Id, c.Recipient, c.Period, c.Attempts, c.Subject, c.HtmlBody, c.TextBody, addressees.GetValueOrDefault(c.Recipient)))
            .ToList();
    }

    private async Task<Dictionary<string, Addressee>> AddresseesAsync(IReadOnlyCollection<string> recipients, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking()
            .Where(m => recipients.Contains(m.Person!.EmailKey))
            .OrderBy(m => m.Engagement!.Status == EngagementStatus.Closed)
            .ThenBy(m => m.Id)
            .Select(m => new { m.Name, m.Email, m.Person!.EmailKey, m.UnsubscribeToken })
            .ToListAsync(cancellationToken);
        return members
            .GroupBy(m => m.EmailKey)
            .ToDictionary(g => g.Key, g => new Addressee(g.First().Name, g.First().Email.Trim(), g.First().UnsubscribeToken));
    }

    public override async Task<HashSet<long>> RenewAsync(long[] ids, DateTimeOffset claimedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var renewed = new HashSet<long>();
        foreach (var id in ids)
        {
            if (await db.Digests
                    .Where(d => d.Id == id && d.Status == DigestStatus.Sending && d.ClaimedAt == claimedAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedAt, now), cancellationToken) == 1)
            {
                renewed.Add(id);
            }
        }
        return renewed;
    }

    public override Task ReleaseAsync(long[] ids, DateTimeOffset claimedAt) =>
        db.Digests
            .Where(d => ids.Contains(d.Id) && d.Status == DigestStatus.Sending && d.ClaimedAt == claimedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DigestStatus.Pending), CancellationToken.None);

    public override async Task MarkAsync(IReadOnlyList<DigestMark> marks)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        foreach (var mark in marks)
        {
            await db.Digests.Where(d => d.Id == mark.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, mark.Status)
                .SetProperty(d => d.LastError, mark.Error)
                .SetProperty(d => d.SentAt, d => mark.Status == DigestStatus.Sent ? mark.At : d.SentAt), CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);
        Core.Telemetry.OnboardingMetrics.DigestsMarked(marks.Select(m => m.Status));
    }
}
