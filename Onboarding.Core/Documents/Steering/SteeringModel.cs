using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Plans;
using Onboarding.Core.Time;

namespace Onboarding.Core.Documents.Steering;

/// <summary>
/// Everything the monthly steering report shows about one calendar month of an engagement (in the client's
/// zone), so the PDF and the print view are composed from the same data. The report goes to the client's TA
/// lead and sponsor, so it holds only client-facing log entries (provider-internal ones stay in the log) and
/// speaks the client's words where the plan's texts use the provider's.
/// </summary>
public sealed record SteeringModel(
    string EngagementName,
    string ClientName,
    string ProviderName,
    string BrandColour,
    SteeringPeriod Period,
    DateOnly Kickoff,
    DateOnly GoLive,
    DateOnly Today,
    DateTimeOffset GeneratedAt,
    SteeringHealth Health,
    IReadOnlyList<SteeringOutcome> Outcomes,
    IReadOnlyList<SteeringMetric> Metrics,
    IReadOnlyList<SteeringMilestone> Milestones,
    IReadOnlyList<SteeringWin> Wins,
    SteeringPulses Pulses,
    IReadOnlyList<SteeringLogEntry> OpenRisksAndIssues,
    IReadOnlyList<SteeringLogEntry> DecisionsMade,
    IReadOnlyList<SteeringLogEntry> DecisionsDue,
    IReadOnlyList<SteeringTask> NextPlan)
{
    /// <summary>Day N of the engagement at the end of the period (or today, for the month under way).</summary>
    public int Day => Engagement.DayNumber(Kickoff, Period.AsOf(Today));

    /// <summary>
    /// The report of <paramref name="month"/> as of <paramref name="now"/>. Needs the engagement's client,
    /// provider, outcomes, members, tasks, milestones, glossary, metrics with measurements, wins, escalation
    /// ladder and log loaded; <paramref name="standing"/> is its health now; <paramref name="pulses"/> are its pulses.
    /// </summary>
    public static SteeringModel From(
        Engagement engagement, EngagementStanding standing, IReadOnlyList<Governance.Pulses.Pulse> pulses, SteeringPeriod month, DateTimeOffset now)
    {
        var today = Zones.DateIn(now, engagement.TimeZone);
        var asOf = month.AsOf(today);
        var calendar = PlanWriter.Calendar(engagement);
        var names = engagement.Members.ToDictionary(m => m.Id, m => m.Name);
        var next = month.Next(today);
        var clientFacing = engagement.Log.Where(e => e.ClientFacing).ToList();
        var words = ReaderWords.ForClientReader(engagement.Glossary.Select(g => new GlossaryEntry(g.ClientTerm, g.ProviderTerm, g.Definition)));
        bool InPeriod(DateTimeOffset at) => month.Contains(Zones.DateIn(at, engagement.TimeZone));

        return new SteeringModel(
            engagement.Name,
            engagement.Client?.Name ?? throw Missing(nameof(Engagement.Client)),
            engagement.Provider?.Name ?? throw Missing(nameof(Engagement.Provider)),
            engagement.Provider.BrandColour,
            month,
            engagement.Kickoff,
            engagement.GoLive,
            today,
            now,
            new SteeringHealth(standing.Shown, standing.Computed, standing.Override is null ? null : standing.OverrideReason),
            [.. engagement.Outcomes.OrderBy(o => o.Position).ThenBy(o => o.Id).Select(o => new SteeringOutcome(o.Title, o.HowMeasured))],
            [.. engagement.Metrics.OrderBy(m => m.Id).Select(m => SteeringMetric.Of(m, engagement, asOf))],
            [
                .. engagement.Milestones
                    .Select(m => SteeringMilestone.Of(m, engagement.TimeZone, calendar, asOf) with { Title = words.Text(m.Title) })
                    .Where(m => m.Date <= next.To && (m.Date >= month.From || m.ReachedOn is null || m.ReachedOn >= month.From))
                    .OrderBy(m => m.Date).ThenBy(m => m.Title, StringComparer.InvariantCulture),
            ],
            [
                .. engagement.Wins.Where(w => InPeriod(w.CreatedAt)).OrderBy(w => w.CreatedAt).ThenBy(w => w.Id)
                    .Select(w => new SteeringWin(words.Text(w.Title), words.Markdown(w.Body), Zones.DateIn(w.CreatedAt, engagement.TimeZone))),
            ],
            SteeringPulses.Of(pulses.Where(p => p.SentAt is { } sent && InPeriod(sent)), engagement.TimeZone),
            [
                .. clientFacing.Where(e => e.Kind != LogEntryKind.Decision && e.IsOpen())
                    .OrderByDescending(e => e.Severity).ThenByDescending(e => e.EscalationLevel).ThenBy(e => e.Due ?? DateOnly.MaxValue).ThenBy(e => e.Id)
                    .Select(e => SteeringLogEntry.Of(e, names, engagement)),
            ],
            [
                .. clientFacing.Where(e => e.Kind == LogEntryKind.Decision && !e.IsOpen() && e.ClosedAt is { } closed && InPeriod(closed))
                    .OrderBy(e => e.ClosedAt).ThenBy(e => e.Id)
                    .Select(e => SteeringLogEntry.Of(e, names, engagement)),
            ],
            [
                .. clientFacing.Where(e => e.Kind == LogEntryKind.Decision && e.IsOpen())
                    .OrderBy(e => e.Due ?? DateOnly.MaxValue).ThenBy(e => e.Id)
                    .Select(e => SteeringLogEntry.Of(e, names, engagement)),
            ],
            [
                .. engagement.Tasks
                    .Where(t => t.Status is not (PlanTaskStatus.Done or PlanTaskStatus.Skipped) && t.Start <= next.To && t.Due >= next.From)
                    .OrderBy(t => t.Start).ThenBy(t => t.Due).ThenBy(t => t.Id)
                    .Select(t => new SteeringTask(
                        words.Text(t.Title), t.Start, t.Due, t.OwnerId is { } owner ? names.GetValueOrDefault(owner) : null, t.OwnerRole, t.Status, t.IsMilestone)),
            ]);
    }

    private static InvalidOperationException Missing(string navigation) =>
        new($"the engagement's {navigation} must be loaded to compose its steering report");
}

/// <summary>
/// The engagement's health when the report is made (health is a judgement of now, not of the month): the colour
/// shown, the computed one with its reasons, and the leader's reason when they set the colour by hand.
/// </summary>
public sealed record SteeringHealth(HealthColour Shown, HealthVerdict Computed, string? OverrideReason);

/// <summary>A calendar month of the client's calendar.</summary>
public sealed record SteeringPeriod(DateOnly From, DateOnly To)
{
    public static SteeringPeriod Month(int year, int month)
    {
        var from = new DateOnly(year, month, 1);
        return new SteeringPeriod(from, from.AddMonths(1).AddDays(-1));
    }

    public static SteeringPeriod MonthOf(DateOnly date) => Month(date.Year, date.Month);

    /// <summary>The months a report can be made for: from the kickoff's month to the month under way, newest first.</summary>
    public static IReadOnlyList<SteeringPeriod> Available(DateOnly kickoff, DateOnly today)
    {
        var months = new List<SteeringPeriod>();
        for (var month = MonthOf(today); month.To >= kickoff; month = MonthOf(month.From.AddDays(-1)))
        {
            months.Add(month);
        }

        return months.Count == 0 ? [MonthOf(kickoff)] : months;
    }

    /// <summary>
    /// The month <paramref name="text"/> names as <c>yyyy-MM</c>, or the month under way when it is empty; null with
    /// what is wrong when it is not a month the engagement has (<see cref="Available"/>).
    /// </summary>
    public static SteeringPeriod? Parse(string? text, DateOnly kickoff, DateOnly today, out string? problem)
    {
        var available = Available(kickoff, today);
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return available[0];
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first))
        {
            problem = $"Month '{Shown(text)}' is not a month written as year-month, such as {Key(available[0])}.";
            return null;
        }

        var month = MonthOf(first);
        if (!available.Contains(month))
        {
            problem = $"Month {Key(month)} has no report: choose a month from {Key(available[^1])} (the kickoff's) to {Key(available[0])}.";
            return null;
        }

        return month;
    }

    public static string Key(SteeringPeriod month) => month.From.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static string Shown(string text) => text.Length > 20 ? text[..20] + "…" : text;

    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>The day the report stands on: the month's last day, or today while the month is under way.</summary>
    public DateOnly AsOf(DateOnly today) => today < To ? (today < From ? From : today) : To;

    /// <summary>
    /// The plan the report looks ahead to: the month after this one, and for the month under way also the
    /// rest of this month, so nothing between today and next month falls between two reports.
    /// </summary>
    public SteeringPeriod Next(DateOnly today)
    {
        var following = Month(To.AddDays(1).Year, To.AddDays(1).Month);
        return new SteeringPeriod(Contains(today) ? today.AddDays(1) : following.From, following.To);
    }
}

public sealed record SteeringOutcome(string Title, string HowMeasured);

public enum MetricStanding
{
    NoValueYet,
    NotMeaningfulYet,
    Met,
    Behind,
    NoTarget,
}

public sealed record ChartValue(DateOnly On, decimal Value);

/// <summary>A metric as it stood at the end of the period, with every value recorded up to then (for its chart).</summary>
public sealed record SteeringMetric(
    string Name,
    string Unit,
    MetricDirection Direction,
    decimal? Baseline,
    decimal? Target,
    string TargetText,
    MetricSide? Side,
    int? MeaningfulFromDay,
    IReadOnlyList<ChartValue> Values,
    MetricStanding Standing)
{
    public ChartValue? Latest => Values.Count == 0 ? null : Values[^1];

    public static SteeringMetric Of(Metric metric, Engagement engagement, DateOnly asOf)
    {
        var values = metric.Measurements
            .Where(m => m.MeasuredOn <= asOf)
            .OrderBy(m => m.MeasuredOn).ThenBy(m => m.RecordedAt).ThenBy(m => m.Id)
            .Select(m => new ChartValue(m.MeasuredOn, m.Value))
            .ToList();
        var standing = values.Count == 0 ? MetricStanding.NoValueYet
            : metric.MeaningfulFromDay is { } from && engagement.DayOn(asOf) < from ? MetricStanding.NotMeaningfulYet
            : metric.Target is null ? MetricStanding.NoTarget
            : metric.IsMet(values[^1].Value) ? MetricStanding.Met
            : MetricStanding.Behind;
        return new SteeringMetric(
            metric.Name, metric.Unit, metric.Direction, metric.Baseline, metric.Target, metric.TargetText, metric.Side, metric.MeaningfulFromDay, values, standing);
    }
}

/// <summary>
/// A milestone against its planned date: reached on time or late, missed so far, or still ahead. Slip is in
/// working days of the client's calendar, the unit the plan is made in.
/// </summary>
public sealed record SteeringMilestone(string Title, DateOnly Date, DateOnly? ReachedOn, int SlipWorkingDays)
{
    public bool IsReached => ReachedOn is not null;

    public static SteeringMilestone Of(Milestone milestone, string timeZone, BusinessCalendar calendar, DateOnly asOf)
    {
        var reached = milestone.ReachedAt is { } at ? Zones.DateIn(at, timeZone) : (DateOnly?)null;
        if (reached > asOf)
        {
            reached = null;
        }

        var standing = reached ?? asOf;
        var slip = standing > milestone.Date ? calendar.WorkingDaysBetween(milestone.Date, standing) : 0;
        return new SteeringMilestone(milestone.Title, milestone.Date, reached, slip);
    }
}

public sealed record SteeringWin(string Title, string Body, DateOnly On);

/// <summary>
/// The pulses sent in the month: how many were answered, their average, and what people said with what the
/// leader did about it. Without names: a pulse asks for candour, and the report goes to the steering group.
/// </summary>
public sealed record SteeringPulses(int Sent, int Answered, decimal? Average, IReadOnlyList<SteeringPulseAnswer> Said)
{
    public static SteeringPulses Of(IEnumerable<Governance.Pulses.Pulse> sent, string timeZone)
    {
        var pulses = sent.ToList();
        var answered = pulses.Where(p => p.Score is not null).ToList();
        return new SteeringPulses(
            pulses.Count,
            answered.Count,
            answered.Count == 0 ? null : Math.Round((decimal)answered.Average(p => p.Score!.Value), 1),
            [
                .. answered.Where(p => p.Comment.Length > 0 || p.Response.Length > 0)
                    .OrderBy(p => p.AnsweredAt).ThenBy(p => p.Id)
                    .Select(p => new SteeringPulseAnswer(p.Score!.Value, p.Comment, p.Response, Zones.DateIn(p.AnsweredAt!.Value, timeZone))),
            ]);
    }
}

/// <summary>One answer with something said: its score and comment, and the leader's "we did" (empty while there is none).</summary>
public sealed record SteeringPulseAnswer(int Score, string Comment, string Response, DateOnly On);

/// <summary>A client-facing log entry; <see cref="EscalatedTo"/> names the rung it has reached, when it has climbed.</summary>
public sealed record SteeringLogEntry(
    LogEntryKind Kind,
    string Title,
    string Description,
    LogSeverity Severity,
    LogSide Side,
    string? Owner,
    DateOnly? Due,
    int EscalationLevel,
    EngagementRole? EscalatedTo,
    string Resolution,
    DateOnly? ClosedOn)
{
    public static SteeringLogEntry Of(LogEntry entry, IReadOnlyDictionary<int, string> names, Engagement engagement)
    {
        var ladder = engagement.Escalation.Count > 0
            ? engagement.Escalation.OrderBy(r => r.Level).Select(r => r.Role).ToList()
            : [.. EscalationLadder.Default];
        EngagementRole? reached = entry.EscalationLevel > 0 ? ladder[Math.Min(entry.EscalationLevel, ladder.Count) - 1] : null;
        return new SteeringLogEntry(
            entry.Kind,
            entry.Title,
            entry.Description,
            entry.Severity,
            entry.Side,
            entry.OwnerMemberId is { } owner ? names.GetValueOrDefault(owner) : null,
            entry.Due,
            entry.EscalationLevel,
            reached,
            entry.Resolution,
            entry.ClosedAt is { } closed ? Zones.DateIn(closed, engagement.TimeZone) : null);
    }
}

public sealed record SteeringTask(
    string Title,
    DateOnly Start,
    DateOnly Due,
    string? OwnerName,
    EngagementRole OwnerRole,
    PlanTaskStatus Status,
    bool IsMilestone);
