using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Time;

namespace Onboarding.Core.Governance.Pulses;

public enum PulseAnswerOutcome
{
    Recorded,
    AlreadyAnswered,
    Expired,
}

/// <summary>Recording an answer and the leader's response: the one way the answer page and tests change a pulse.</summary>
public static class PulseAnswers
{
    /// <summary>
    /// Records the first answer to <paramref name="pulse"/> and, in the same transaction, what follows from it: the
    /// month's value of the satisfaction metric, and for a low score an issue in the log for the account leader.
    /// A second answer, however it races the first, changes nothing.
    /// </summary>
    public static async Task<PulseAnswerOutcome> AnswerAsync(OnboardingDbContext db, Pulse pulse, int score, string comment, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, PulseRules.MinScore);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, PulseRules.MaxScore);
        if (pulse.AnsweredAt is not null)
        {
            return PulseAnswerOutcome.AlreadyAnswered;
        }
        if (now >= pulse.ExpiresAt)
        {
            return PulseAnswerOutcome.Expired;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A conditional update claims the pulse: of two answers racing on one link, one changes the row and the other finds it answered.
        var claimed = await db.Pulses.Where(p => p.Id == pulse.Id && p.AnsweredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AnsweredAt, now).SetProperty(p => p.Score, score).SetProperty(p => p.Comment, comment), cancellationToken);
        if (claimed == 0)
        {
            return PulseAnswerOutcome.AlreadyAnswered;
        }
        (pulse.AnsweredAt, pulse.Score, pulse.Comment) = (now, score, comment);

        await RecordMetricAsync(db, pulse.EngagementId, now, cancellationToken);
        if (PulseRules.IsLow(score))
        {
            var entry = await LowScoreIssueAsync(db, pulse, score, comment, now, cancellationToken);
            db.LogEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            await db.Pulses.Where(p => p.Id == pulse.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.LogEntryId, entry.Id), cancellationToken);
            pulse.LogEntryId = entry.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PulseAnswerOutcome.Recorded;
    }

    /// <summary>
    /// The leader's "we did". Once a digest has told it, it stands as told: changing it then would leave the
    /// respondent with words the app no longer shows. False when that is so.
    /// </summary>
    public static bool Respond(this Pulse pulse, string response, string by, DateTimeOffset now)
    {
        if (pulse.ResponseToldAt is not null)
        {
            return false;
        }
        (pulse.Response, pulse.RespondedBy, pulse.RespondedAt) = (response, TextLimits.Fit(by, TextLimits.Name), now);
        return true;
    }

    /// <summary>
    /// The month's value: the average of every answer given in the engagement's calendar month, one value per month,
    /// updated as answers arrive. The metric is made with the first answer, so a leader never has to set it up.
    /// </summary>
    private static async Task RecordMetricAsync(OnboardingDbContext db, int engagementId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.TimeZone).FirstAsync(cancellationToken);
        var day = Zones.DateIn(now, zone);
        var monthStart = new DateOnly(day.Year, day.Month, 1);
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        // Few per engagement (its client people times its months), and a month is a local one: filtered here.
        var answers = await db.Pulses.AsNoTracking()
            .Where(p => p.EngagementId == engagementId && p.AnsweredAt != null && p.Score != null)
            .Select(p => new { AnsweredAt = p.AnsweredAt!.Value, Score = p.Score!.Value })
            .ToListAsync(cancellationToken);
        var scores = answers.Where(a => Zones.DateIn(a.AnsweredAt, zone) is var d && d >= monthStart && d <= monthEnd).Select(a => a.Score).ToList();

        var metric = (await db.Metrics.Include(m => m.Measurements)
                .Where(m => m.EngagementId == engagementId)
                .OrderBy(m => m.Id)
                .ToListAsync(cancellationToken))
            .FirstOrDefault(m => PulseRules.IsSatisfactionMetric(m.Name));
        if (metric is null)
        {
            metric = new Metric
            {
                EngagementId = engagementId,
                Name = PulseRules.MetricName,
                Unit = PulseRules.MetricUnit,
                Direction = MetricDirection.HigherIsBetter,
                Target = PulseRules.MetricTarget,
                TargetText = "4 or more",
                HowMeasured = $"The monthly average of the client people's answers to the pulse “{PulseRules.Question}” (1 to 5).",
                Stage = MetricStage.Early,
            };
            db.Metrics.Add(metric);
            // Saved now for its id, which a win for hitting the target names.
            await db.SaveChangesAsync(cancellationToken);
        }
        var wasMet = metric.Latest is { } before && metric.IsMet(before.Value);
        var value = metric.Measurements.FirstOrDefault(m => m.FromPulses && m.MeasuredOn >= monthStart && m.MeasuredOn <= monthEnd);
        if (value is null)
        {
            value = new Measurement { FromPulses = true };
            metric.Measurements.Add(value);
        }
        value.Value = PulseRules.Average(scores);
        value.MeasuredOn = day;
        value.RecordedAt = now;
        value.Note = string.Create(CultureInfo.InvariantCulture, $"Average of {scores.Count} pulse answer{(scores.Count == 1 ? "" : "s")} in {day:MMMM yyyy}");
        if (!wasMet && metric.Latest == value && metric.IsMet(value.Value))
        {
            db.Wins.Add(new Win
            {
                EngagementId = engagementId,
                Kind = WinKind.TargetHit,
                Title = Win.TargetHitTitle(metric, value.Value),
                AuthorName = "Pulse answers",
                CreatedAt = now,
                MetricId = metric.Id,
            });
        }
    }

    /// <summary>
    /// The issue a low score opens, owned by the account leader on the provider's side. Provider-only: an answer is
    /// given to the provider, and one hiring manager's words should not be read by their colleagues in the log.
    /// </summary>
    private static async Task<LogEntry> LowScoreIssueAsync(OnboardingDbContext db, Pulse pulse, int score, string comment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var who = await db.Members.Where(m => m.Id == pulse.MemberId).Select(m => new { m.Person!.Name, m.Role }).FirstAsync(cancellationToken);
        var leaderId = await db.Members
            .Where(m => m.EngagementId == pulse.EngagementId && m.Role == EngagementRole.AccountLeader)
            .OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
        var said = comment.Length == 0
            ? "No comment was given."
            : string.Join('\n', comment.Split('\n').Select(line => $"> {line.TrimEnd('\r')}"));
        var description = $"{who.Name} ({who.Role.InSentence()}) answered the pulse for {pulse.OccasionText} with {score} of 5 ({PulseRules.ScoreWords(score).ToLowerInvariant()}).\n\n{said}\n\n"
            + $"Record what you did about it [on the Pulses page](/engagements/{pulse.EngagementId}/pulses#pulse-{pulse.Id}): their next digest tells them.";
        var title = TextLimits.Fit($"Pulse: {who.Name} scored {score} of 5", TextLimits.Title);
        return LogEntries.Open(
            pulse.EngagementId, LogEntryKind.Issue, title, PulseRules.SeverityOf(score), LogSide.Provider, leaderId, null,
            TextLimits.Fit(description, TextLimits.Description), providerInternal: true, by: $"{TextLimits.Fit(who.Name, TextLimits.Name - 20)}, in a pulse", now);
    }
}
