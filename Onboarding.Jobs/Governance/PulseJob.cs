using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance.Pulses;
using Onboarding.Core.Links;
using Onboarding.Jobs.Mail;

namespace Onboarding.Jobs.Governance;

/// <summary>
/// Asks the client people of running engagements the pulse question (<see cref="PulseRules.Due"/> says when), one
/// pulse per member and occasion, and mails every pulse not sent yet. A fixed number of queries per run.
/// </summary>
public sealed class PulseJob(OnboardingDbContext db, TimeProvider clock, IMailSender mail, AppLinks links, ILogger<PulseJob> logger)
{
    public const string RecurringId = "pulses";

    /// <summary>An unsent pulse is retried this long, then given up: a question about a moment long past is not worth asking.</summary>
    private static readonly TimeSpan RetryFor = TimeSpan.FromDays(3);

    /// <summary>Wide enough to hold every pulse of the current month and of milestones reached within <see cref="PulseRules.ValidFor"/>.</summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(62);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await AddDueAsync(now, cancellationToken);
        await SendUnsentAsync(now, cancellationToken);
    }

    private async Task AddDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // People who switched their digests off get no other mail from the app either.
        var members = await db.Members.AsNoTracking()
            .Where(m => m.Engagement!.Status == EngagementStatus.Active && m.DigestPreference != DigestPreference.None && PulseRules.AskedRoles.Contains(m.Role))
            .Select(m => new { m.Id, m.EngagementId, m.Engagement!.Kickoff, m.Person!.TimeZone, m.Person.WorkingDays, m.User })
            .ToListAsync(cancellationToken);
        members.RemoveAll(m => m.User?.IsLockedAt(now) == true);
        if (members.Count == 0)
        {
            return;
        }
        var engagementIds = members.Select(m => m.EngagementId).Distinct().ToList();
        var memberIds = members.Select(m => m.Id).ToList();
        var reachedSince = now - PulseRules.ValidFor;
        var milestones = (await db.Milestones.AsNoTracking()
                .Where(m => engagementIds.Contains(m.EngagementId) && m.ReachedAt != null && m.ReachedAt > reachedSince && m.PulseAfter != false)
                .ToListAsync(cancellationToken))
            .Where(m => m.AsksPulse())
            .ToLookup(m => m.EngagementId, m => new PulseMilestone(m.Id, m.Title, m.ReachedAt!.Value));
        var since = now - Lookback;
        var earlier = (await db.Pulses.AsNoTracking()
                .Where(p => memberIds.Contains(p.MemberId) && p.CreatedAt > since)
                .Select(p => new { p.MemberId, p.Occasion, p.CreatedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.MemberId);

        var added = new List<Pulse>();
        foreach (var member in members)
        {
            var today = Core.Time.Zones.DateIn(now, member.TimeZone);
            var had = earlier[member.Id].Select(p => p.Occasion).ToHashSet();
            var last = earlier[member.Id].Select(p => (DateTimeOffset?)p.CreatedAt).Max();
            if (PulseRules.Due(today, member.WorkingDays.Includes(today.DayOfWeek), member.Kickoff, now, last, had, milestones[member.EngagementId]) is not { } occasion)
            {
                continue;
            }
            added.Add(new Pulse
            {
                EngagementId = member.EngagementId,
                MemberId = member.Id,
                Occasion = occasion.Key,
                OccasionText = occasion.Text,
                // A placeholder nobody holds: the link's real token is made when the mail goes out.
                TokenHash = Secrets.Hash(Secrets.NewToken()),
                CreatedAt = now,
                ExpiresAt = now + PulseRules.ValidFor,
            });
        }
        if (added.Count == 0)
        {
            return;
        }
        db.Pulses.AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another worker added some of the same pulses: add the rest one by one, the unique index refusing the others.
            db.ChangeTracker.Clear();
            foreach (var pulse in added)
            {
                pulse.Id = 0;
                db.Pulses.Add(pulse);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    logger.LogInformation("Pulse {Occasion} for member {Member} was added by another worker", pulse.Occasion, pulse.MemberId);
                    db.Entry(pulse).State = EntityState.Detached;
                }
            }
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Each unsent pulse gets a fresh token, saved before its mail goes, so the link works from the moment it can
    /// be clicked. A run that dies after sending but before recording it sends the pulse again with a new link.
    /// </summary>
    private async Task SendUnsentAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - RetryFor;
        var unsent = await db.Pulses
            .Where(p => p.SentAt == null && p.AnsweredAt == null && p.CreatedAt > since && p.Engagement!.Status == EngagementStatus.Active)
            .Select(p => new { Pulse = p, p.Member!.Person!.Name, p.Member.Person.Email, p.Member.Role, Engagement = p.Engagement!.Name, Client = p.Engagement!.Client!.Name })
            .ToListAsync(cancellationToken);
        if (unsent.Count == 0)
        {
            return;
        }
        var batch = new List<OutgoingMail>();
        var byId = new Dictionary<string, Pulse>();
        foreach (var u in unsent)
        {
            var token = Secrets.NewToken();
            u.Pulse.TokenHash = Secrets.Hash(token);
            u.Pulse.ExpiresAt = now + PulseRules.ValidFor;
            var message = Mail(u.Pulse, token, u.Name, u.Email, u.Role, u.Engagement, u.Client);
            batch.Add(message);
            byId[message.Id] = u.Pulse;
        }
        await db.SaveChangesAsync(cancellationToken);

        await foreach (var result in mail.SendAsync(batch, cancellationToken))
        {
            if (result.Outcome == DeliveryOutcome.Sent)
            {
                var pulse = byId[result.Id];
                pulse.SentAt = clock.GetUtcNow();
                pulse.ExpiresAt = pulse.SentAt.Value + PulseRules.ValidFor;
            }
            else
            {
                logger.LogWarning("Pulse mail {Id} not sent: {Error}", result.Id, result.Error);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private OutgoingMail Mail(Pulse pulse, string token, string name, string email, EngagementRole role, string engagement, string client)
    {
        var subject = $"{PulseRules.Question} ({engagement})";
        var scores = Enumerable.Range(PulseRules.MinScore, PulseRules.MaxScore).ToList();
        var why = $"You are {role.InSentence()} at {client} in {engagement}; this is the pulse for {pulse.OccasionText}. One click answers; a comment is welcome but not needed. The link works for {PulseRules.ValidFor.Days} days and for you only.";
        var text = $"{name},\n\n{PulseRules.Question}\n\n"
            + string.Concat(scores.Select(s => $"{s} – {PulseRules.ScoreWords(s)}: {links.Pulse(token, s)}\n"))
            + $"\nAdd a comment: {links.Pulse(token)}\n\n{why}\n";
        var buttons = string.Join(" ", scores.Select(s =>
            $"<a href=\"{E(links.Pulse(token, s))}\" style=\"display:inline-block;margin:4px;padding:10px 14px;border:1px solid #1f4e79;border-radius:6px;color:#1f4e79;text-decoration:none;\"><strong>{s}</strong> {E(PulseRules.ScoreWords(s))}</a>"));
        var html = $"<p>{E(name)},</p><p style=\"font-size:18px;\"><strong>{E(PulseRules.Question)}</strong></p><p>{buttons}</p>"
            + $"<p><a href=\"{E(links.Pulse(token))}\">Add a comment</a></p><p style=\"font-size:13px;color:#555;\">{E(why)}</p>";
        return new OutgoingMail($"pulse.{pulse.Id}", name, email, subject, html, text, null);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
