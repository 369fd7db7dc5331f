using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Links;
using Onboarding.Core.Plans;
using Onboarding.Jobs.Mail;

namespace Onboarding.Jobs.Governance;

/// <summary>
/// Climbs pressing issues one rung of their engagement's ladder (<see cref="Escalation"/>). Everyone reached gets
/// an Escalated step; a critical issue is mailed to them at once (and the step marked told), the others hear of it
/// in their next digest. A fixed number of queries per run, whatever the number of engagements.
/// </summary>
public sealed class EscalationJob(OnboardingDbContext db, TimeProvider clock, IMailSender mail, AppLinks links, ILogger<EscalationJob> logger)
{
    public const string RecurringId = "escalation";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var entries = await db.LogEntries
            .Where(Escalation.Candidates)
            .Where(e => e.Engagement!.Status == EngagementStatus.Active)
            .ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return;
        }
        var engagementIds = entries.Select(e => e.EngagementId).Distinct().ToList();
        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => engagementIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.TimeZone, e.WorkingDays, e.Holidays, e.EscalateAfterWorkingDays, Rungs = e.Escalation.Select(r => new { r.Level, r.Role }).ToList() })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var members = (await db.Members.AsNoTracking()
                .Where(m => engagementIds.Contains(m.EngagementId))
                .Select(m => new EscalationMember(m.Id, m.EngagementId, m.Role, m.Person!.Name, m.Person.Email))
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.EngagementId);

        var mails = new List<(LogEntryStep Step, EscalationMember To, LogEntry Entry)>();
        foreach (var entry in entries)
        {
            var engagement = engagements[entry.EngagementId];
            var calendar = new BusinessCalendar(engagement.WorkingDays.ToSet(), engagement.Holidays);
            if (!Escalation.IsDue(entry, now, engagement.TimeZone, calendar, engagement.EscalateAfterWorkingDays))
            {
                continue;
            }
            var ladder = EscalationLadder.Of(engagement.Rungs.Select(r => new EscalationRung { Level = r.Level, Role = r.Role }));
            // A provider-only issue climbs the provider's rungs only: a client rung is passed over as if nobody held it.
            var people = members[entry.EngagementId].Where(p => !entry.ProviderInternal || !p.Role.IsClientRole()).ToList();
            if (Escalation.NextRung(entry.EscalationLevel, ladder, people.Select(p => (p.Id, p.Role))) is not { } next)
            {
                continue;
            }
            var reached = people.Where(p => next.MemberIds.Contains(p.Id)).ToList();
            var before = entry.Steps.Count;
            Escalation.Climb(entry, next.Level, next.Role, reached.Select(p => (p.Id, p.Name)).ToList(), now, engagement.EscalateAfterWorkingDays);
            if (entry.Severity == LogSeverity.Critical)
            {
                mails.AddRange(entry.Steps.Skip(before).Select(step => (step, reached.First(p => p.Id == step.ToMemberId), entry)));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (mails.Count == 0)
        {
            return;
        }

        // Critical: mailed now. A step whose mail did not go stays untold, so the digest still says it.
        var batch = mails.Select(m => Mail(m.Step, m.To, m.Entry, engagements[m.Entry.EngagementId].Name)).ToList();
        var byId = mails.ToDictionary(m => $"escalation.{m.Step.Id}", m => m.Step);
        await foreach (var result in mail.SendAsync(batch, cancellationToken))
        {
            if (result.Outcome == DeliveryOutcome.Sent)
            {
                byId[result.Id].ToldAt = clock.GetUtcNow();
            }
            else
            {
                logger.LogWarning("Escalation mail {Id} not sent: {Error}", result.Id, result.Error);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private OutgoingMail Mail(LogEntryStep step, EscalationMember to, LogEntry entry, string engagementName)
    {
        var link = links.LogEntry(entry.EngagementId, entry.Id);
        var subject = $"Critical issue escalated to you: {entry.Title} ({engagementName})";
        var due = entry.Due is { } d ? $" Due {d:d MMM yyyy}." : "";
        var text = $"{to.Name},\n\nA critical issue in {engagementName} has been open for the agreed working days without being resolved, and now reaches you.\n\n{entry.Title}\n{step.Text}.{due}\n\nSee it and its history: {link}\n";
        var html = $"<p>{E(to.Name)},</p><p>A critical issue in {E(engagementName)} has been open for the agreed working days without being resolved, and now reaches you.</p>"
            + $"<p><strong>{E(entry.Title)}</strong><br>{E(step.Text)}.{E(due)}</p><p><a href=\"{E(link)}\">See it and its history</a></p>";
        return new OutgoingMail($"escalation.{step.Id}", to.Name, to.Email, subject, html, text, null);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private sealed record EscalationMember(int Id, int EngagementId, EngagementRole Role, string Name, string Email);
}
