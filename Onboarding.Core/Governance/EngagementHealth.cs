using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;

namespace Onboarding.Core.Governance;

public enum HealthColour
{
    Green,
    Amber,
    Red,
}

/// <summary>
/// What the health of one engagement is computed from, counted on the engagement's today. Overdue and blocked work
/// is counted by side (<see cref="EngagementRoles.IsClientRole"/> of the task's owner role), because "the client owes
/// us five approvals" and "we owe the client five shortlists" call for different conversations.
/// </summary>
/// <param name="MetricsBehind">Metrics with a target, meaningful by today (<see cref="EngagementHealth.IsBehind"/>), whose latest value misses it.</param>
/// <param name="SlipWorkingDays">The largest slip of an unreached milestone (<see cref="EngagementHealth.Slip"/>).</param>
public sealed record HealthInputs(
    int ClientOverdue,
    int ProviderOverdue,
    int ClientBlocked,
    int ProviderBlocked,
    int OpenHighIssues,
    int OpenCriticalIssues,
    int MetricsBehind,
    int SlipWorkingDays);

/// <summary>The computed colour and every reason that made it so (empty when green).</summary>
public sealed record HealthVerdict(HealthColour Colour, IReadOnlyList<HealthReason> Reasons);

public sealed record HealthReason(HealthColour Colour, string Text);

/// <summary>
/// The health rule: each signal turns the engagement amber or red on its own; the worst signal wins, and every
/// signal that is not green is listed, so the colour is never a mystery.
/// </summary>
public static class EngagementHealth
{
    /// <summary>Two overdue tasks on one side are a pattern rather than a hiccup; five mean that side has stopped keeping up.</summary>
    public const int OverdueAmber = 2;
    public const int OverdueRed = 5;

    /// <summary>One blocked task needs someone's attention; three blocked at once stall the plan.</summary>
    public const int BlockedAmber = 1;
    public const int BlockedRed = 3;

    /// <summary>A day's slip is worth a word; a working week's slip moves go-live conversations.</summary>
    public const int SlipAmber = 1;
    public const int SlipRed = 5;

    /// <summary>One metric behind its target is amber (a trend to watch); metrics never make it red on their own, they lag the work.</summary>
    public const int MetricsAmber = 1;

    public static HealthVerdict Compute(HealthInputs inputs)
    {
        var reasons = new List<HealthReason>();
        Count(reasons, inputs.ClientOverdue, OverdueAmber, OverdueRed, n => $"Client side: {Tasks(n)} overdue");
        Count(reasons, inputs.ProviderOverdue, OverdueAmber, OverdueRed, n => $"Provider side: {Tasks(n)} overdue");
        Count(reasons, inputs.ClientBlocked, BlockedAmber, BlockedRed, n => $"Client side: {Tasks(n)} blocked");
        Count(reasons, inputs.ProviderBlocked, BlockedAmber, BlockedRed, n => $"Provider side: {Tasks(n)} blocked");
        // A critical issue is red by definition: someone judged it could sink the engagement. A high one is amber.
        if (inputs.OpenCriticalIssues > 0)
        {
            reasons.Add(new(HealthColour.Red, $"{Issues(inputs.OpenCriticalIssues)} open at critical severity"));
        }
        if (inputs.OpenHighIssues > 0)
        {
            reasons.Add(new(HealthColour.Amber, $"{Issues(inputs.OpenHighIssues)} open at high severity"));
        }
        if (inputs.MetricsBehind >= MetricsAmber)
        {
            reasons.Add(new(HealthColour.Amber, inputs.MetricsBehind == 1 ? "1 metric behind its target" : $"{inputs.MetricsBehind} metrics behind their targets"));
        }
        Count(reasons, inputs.SlipWorkingDays, SlipAmber, SlipRed, n => $"A milestone has slipped {n} working day{(n == 1 ? "" : "s")}");
        var colour = reasons.Count == 0 ? HealthColour.Green : reasons.Max(r => r.Colour);
        return new HealthVerdict(colour, reasons.OrderByDescending(r => r.Colour).ToList());
    }

    private static void Count(List<HealthReason> reasons, int count, int amber, int red, Func<int, string> text)
    {
        if (count >= red)
        {
            reasons.Add(new(HealthColour.Red, text(count)));
        }
        else if (count >= amber)
        {
            reasons.Add(new(HealthColour.Amber, text(count)));
        }
    }

    private static string Tasks(int n) => n == 1 ? "1 task" : $"{n} tasks";

    private static string Issues(int n) => n == 1 ? "1 issue" : $"{n} issues";

    /// <summary>
    /// How far an unreached milestone has slipped, in working days: from its planned date to the later of the due
    /// date of the task that reaches it and, once the planned date has passed, today. Zero when on time or reached.
    /// </summary>
    public static int Slip(DateOnly planned, DateOnly? taskDue, bool reached, DateOnly today, BusinessCalendar calendar)
    {
        if (reached)
        {
            return 0;
        }
        var expected = taskDue is { } due && due > planned ? due : planned;
        if (today > planned && today > expected)
        {
            expected = today;
        }
        return Math.Max(0, calendar.WorkingDaysBetween(planned, expected));
    }

    /// <summary>
    /// Whether a metric counts towards health today: it has a target and a latest value, and it is meaningful by
    /// now (a lagging metric only from its <see cref="Metric.MeaningfulFromDay"/>).
    /// </summary>
    public static bool IsBehind(decimal? target, MetricDirection direction, MetricStage stage, int? meaningfulFromDay, decimal? latest, int dayOfEngagement)
    {
        if (target is not { } goal || latest is not { } value)
        {
            return false;
        }
        if (stage == MetricStage.Lagging && meaningfulFromDay is { } from && dayOfEngagement < from)
        {
            return false;
        }
        return direction == MetricDirection.HigherIsBetter ? value < goal : value > goal;
    }

    /// <summary>What readers see: the override when a leader set one, else the computed colour.</summary>
    public static HealthColour Shown(HealthColour computed, HealthColour? overridden) => overridden ?? computed;
}
