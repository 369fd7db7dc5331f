using System.Globalization;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using static Onboarding.Core.Documents.PlanPack.PackContent;

namespace Onboarding.Core.Documents.Steering;

/// <summary>The words of the steering report, shared by the PDF (<see cref="SteeringComposer"/>) and the print view.</summary>
public static class SteeringContent
{
    public const string HealthHeading = "Health";
    public const string Outcomes = "Outcomes and targets";
    public const string MetricsHeading = "Metrics";
    public const string Milestones = "Milestones";
    public const string Wins = "Wins this month";
    public const string PulseHeading = "Pulse this month";
    public const string RisksAndIssues = "Open risks and issues";
    public const string Decisions = "Decisions";
    public const string DecisionsMadeHeading = "Made this month";
    public const string DecisionsDueHeading = "Still to decide";
    public const string NextPlan = "The plan ahead";

    public const string HealthyNote = "Nothing holds the engagement back: no overdue or blocked work to speak of, no pressing issue, metrics on target and milestones on time.";
    public const string NoOutcomes = "No business outcomes recorded yet.";
    public const string NoMetrics = "No metrics chosen yet.";
    public const string NoMilestones = "No milestones fell in this month or the next.";
    public const string NoWins = "No wins recorded this month.";
    public const string NoPulses = "No pulse was sent this month.";
    public const string PulseNamesNote = "Answers are shown without names.";
    public const string NoResponse = "No response yet.";
    public const string NoRisks = "No open risks or issues.";
    public const string NoDecisionsMade = "No decisions were recorded this month.";
    public const string NoDecisionsDue = "No decisions are waiting.";
    public const string NoNextPlan = "No open tasks in this period.";
    public const string ClientFacingNote = "Entries the provider keeps internal are not part of this report.";

    public static IReadOnlyList<string> MetricColumns { get; } = ["Metric", "Baseline", "Target", "Latest", "Standing"];

    public static IReadOnlyList<string> ValueColumns { get; } = ["Date", "Value"];

    public static IReadOnlyList<string> MilestoneColumns { get; } = ["Milestone", "Planned", "Standing"];

    public static IReadOnlyList<string> LogColumns { get; } = ["Entry", "Severity", "Owner", "Due", "Escalation"];

    public static IReadOnlyList<string> DecisionColumns { get; } = ["Decision", "Decided", "What was decided"];

    public static IReadOnlyList<string> PulseColumns { get; } = ["Answered", "Score", "You said", "We did"];

    public static IReadOnlyList<string> PlanColumns { get; } = ["When", "Task", "Owner"];

    public static string Title(SteeringModel report) => $"Steering report · {MonthName(report.Period)}";

    public static string Subject(SteeringModel report) => $"Steering report of {report.EngagementName} for {MonthName(report.Period)}";

    public static string FileName(SteeringModel report) =>
        $"{Slug(report.ClientName)}-steering-report-{SteeringPeriod.Key(report.Period)}.pdf";

    public static string MonthName(SteeringPeriod period) => period.From.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static IReadOnlyList<(string Label, string Value)> Facts(SteeringModel report) =>
    [
        ("Client", report.ClientName),
        ("Provider", report.ProviderName),
        ("Period", DateRange(report.Period.From, report.Period.To)),
        ("Engagement day", $"Day {report.Day} of 90"),
        ("Kickoff", Date(report.Kickoff)),
        ("Go-live", Date(report.GoLive)),
        ("Prepared", Date(report.Today)),
    ];

    /// <summary>"Amber", or "Green (set by the account leader: …; computed: amber)" when a leader overrode it.</summary>
    public static string Health(SteeringHealth health) =>
        health.OverrideReason is { } reason
            ? $"{health.Shown}, set by the account leader: {reason} (computed: {health.Computed.Colour.ToString().ToLowerInvariant()})"
            : health.Shown.ToString();

    public static string HealthIntro(SteeringHealth health) =>
        health.Computed.Reasons.Count == 0 ? HealthyNote : "What the computed health comes from:";

    public static string Standing(SteeringMetric metric) => metric.Standing switch
    {
        MetricStanding.NoValueYet => "No value yet",
        MetricStanding.NotMeaningfulYet => $"Meaningful from day {metric.MeaningfulFromDay}",
        MetricStanding.Met => "Target met",
        MetricStanding.Behind => "Behind target",
        _ => "No target set",
    };

    public static string Target(SteeringMetric metric) =>
        !string.IsNullOrWhiteSpace(metric.TargetText) ? metric.TargetText : Value(metric.Target, metric.Unit);

    public static string Latest(SteeringMetric metric) =>
        metric.Latest is { } latest ? $"{Value(latest.Value, metric.Unit)} ({Date(latest.On)})" : "Not measured yet";

    public static string ChartText(SteeringMetric metric) =>
        $"{metric.Name}: {metric.Values.Count} value{(metric.Values.Count == 1 ? "" : "s")}"
        + (metric.Latest is { } latest ? $", latest {Value(latest.Value, metric.Unit)} on {Date(latest.On)}" : "")
        + (metric.Target is { } target ? $", target {Value(target, metric.Unit)}" : "")
        + ".";

    public static string Standing(SteeringMilestone milestone) => milestone switch
    {
        { IsReached: true, SlipWorkingDays: 0 } => $"Reached on time ({Date(milestone.ReachedOn!.Value)})",
        { IsReached: true } => $"Reached {Date(milestone.ReachedOn!.Value)}, {WorkingDays(milestone.SlipWorkingDays)} late",
        { SlipWorkingDays: > 0 } => $"Not reached: {WorkingDays(milestone.SlipWorkingDays)} late so far",
        _ => "Ahead",
    };

    /// <summary>"5 of 8 people asked answered “How well…?”: on average 3.8 of 5."</summary>
    public static string PulseSummary(SteeringPulses pulses) =>
        $"{pulses.Answered} of {pulses.Sent} {(pulses.Sent == 1 ? "person" : "people")} asked answered “{Governance.Pulses.PulseRules.Question}”"
        + (pulses.Average is { } average ? $": on average {Number(average)} of {Governance.Pulses.PulseRules.MaxScore}." : ".");

    public static string Score(SteeringPulseAnswer answer) =>
        $"{answer.Score} of {Governance.Pulses.PulseRules.MaxScore} ({Governance.Pulses.PulseRules.ScoreWords(answer.Score).ToLowerInvariant()})";

    public static string Said(SteeringPulseAnswer answer) => answer.Comment.Length > 0 ? answer.Comment : "(no comment)";

    public static string Did(SteeringPulseAnswer answer) => answer.Response.Length > 0 ? answer.Response : NoResponse;

    public static string Entry(SteeringLogEntry entry) => $"{entry.Kind} · {(entry.Side == LogSide.Client ? "client" : "provider")} side";

    public static string Escalation(SteeringLogEntry entry) =>
        entry.EscalatedTo is { } role ? $"Level {entry.EscalationLevel}: {role.DisplayName()}" : "With its owner";

    public static string Owner(SteeringLogEntry entry) => entry.Owner ?? "Nobody yet";

    public static string Due(DateOnly? due) => due is { } d ? Date(d) : "—";

    public static string When(SteeringTask task) => task.Start == task.Due ? Date(task.Due) : DateRange(task.Start, task.Due);

    public static string Owner(SteeringTask task) =>
        task.OwnerName is null ? task.OwnerRole.DisplayName() : $"{task.OwnerName} ({task.OwnerRole.DisplayName()})";

    public static string NextIntro(SteeringModel report) =>
        $"Open work from {Date(report.Period.Next(report.Today).From)} to {Date(report.Period.Next(report.Today).To)}: what each side does next.";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string WorkingDays(int n) => n == 1 ? "1 working day" : $"{n} working days";
}
