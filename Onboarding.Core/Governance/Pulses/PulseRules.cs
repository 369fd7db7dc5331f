using System.Globalization;
using System.Text.RegularExpressions;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Governance.Pulses;

/// <summary>A reason to ask someone: its key (unique per member) and its words.</summary>
public sealed record PulseOccasion(string Key, string Text);

/// <summary>A milestone that asks for a pulse, reached at <paramref name="ReachedAt"/>.</summary>
public sealed record PulseMilestone(int Id, string Title, DateTimeOffset ReachedAt);

/// <summary>Who is asked, when, and what an answer means.</summary>
public static partial class PulseRules
{
    public const string Question = "How well is the transition going for you?";

    /// <summary>The metric answers feed, made on the engagement when the first answer arrives and it has none (<see cref="IsSatisfactionMetric"/>).</summary>
    public const string MetricName = "Hiring-manager satisfaction";
    public const string MetricUnit = "of 5";
    public const decimal MetricTarget = 4;

    public const int MinScore = 1;
    public const int MaxScore = 5;

    /// <summary>How long a link answers; long enough for a fortnight's holiday, short enough that an answer is about its occasion.</summary>
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(14);

    /// <summary>
    /// No two pulses to one person within this long: a milestone pulse in the first days of a month stands for
    /// that month, so people are not asked the same question twice in a week.
    /// </summary>
    public static readonly TimeSpan MinGap = TimeSpan.FromDays(14);

    /// <summary>The first monthly pulse waits this many days after kickoff: in week one there is nothing to judge yet.</summary>
    public const int FirstMonthlyAfterDays = 28;

    /// <summary>The client people who judge the transition; the provider's own staff are not asked about their own work.</summary>
    public static readonly IReadOnlyList<EngagementRole> AskedRoles = [EngagementRole.TaLead, EngagementRole.HiringManager, EngagementRole.ExecutiveSponsor];

    public static bool IsAsked(EngagementRole role) => AskedRoles.Contains(role);

    /// <summary>
    /// Whether a metric is the one answers feed, however it is spelt: the templates suggest "Hiring manager
    /// satisfaction" on the same 1–5 scale, and the pulse feeds it rather than adding a second of the same name.
    /// </summary>
    public static bool IsSatisfactionMetric(string name) =>
        string.Join(' ', name.Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)).Equals("hiring manager satisfaction", StringComparison.OrdinalIgnoreCase);

    /// <summary>1 and 2 open an issue in the log for the account leader.</summary>
    public static bool IsLow(int score) => score <= 2;

    public static LogSeverity SeverityOf(int score) => score <= 1 ? LogSeverity.High : LogSeverity.Medium;

    public static string ScoreWords(int score) => score switch
    {
        1 => "Badly",
        2 => "Not well",
        3 => "Fairly well",
        4 => "Well",
        5 => "Very well",
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, null),
    };

    /// <summary>A milestone asks for a pulse when the leader ticked it, or by default when it is a 30-, 60- or 90-day review.</summary>
    public static bool AsksPulse(this Milestone milestone) => milestone.PulseAfter ?? IsReviewByDefault(milestone.Title);

    public static bool IsReviewByDefault(string title) => DayReview().IsMatch(title);

    public static PulseOccasion Monthly(DateOnly day) => new(
        string.Create(CultureInfo.InvariantCulture, $"month:{day:yyyy-MM}"),
        day.ToString("MMMM yyyy", CultureInfo.InvariantCulture));

    public static PulseOccasion AfterMilestone(int milestoneId, string title) => new(
        string.Create(CultureInfo.InvariantCulture, $"milestone:{milestoneId}"),
        Data.TextLimits.Fit($"After: {title}", Data.TextLimits.Title));

    /// <summary>
    /// The occasion to ask one member about now, or null. Only on the person's own working days; never within
    /// <see cref="MinGap"/> of their last pulse; a milestone reached within <see cref="ValidFor"/> comes first;
    /// otherwise the month they are in (their local <paramref name="today"/>), once the engagement is
    /// <see cref="FirstMonthlyAfterDays"/> days past kickoff. An occasion in <paramref name="had"/> is never asked again.
    /// </summary>
    public static PulseOccasion? Due(
        DateOnly today, bool isWorkingDay, DateOnly kickoff, DateTimeOffset now, DateTimeOffset? lastPulseAt,
        IReadOnlySet<string> had, IEnumerable<PulseMilestone> milestones)
    {
        if (!isWorkingDay || (lastPulseAt is { } last && now - last < MinGap))
        {
            return null;
        }
        var milestone = milestones
            .Where(m => m.ReachedAt <= now && now - m.ReachedAt <= ValidFor)
            .OrderBy(m => m.ReachedAt).ThenBy(m => m.Id)
            .Select(m => AfterMilestone(m.Id, m.Title))
            .FirstOrDefault(o => !had.Contains(o.Key));
        if (milestone is not null)
        {
            return milestone;
        }
        var monthly = Monthly(today);
        return today.DayNumber - kickoff.DayNumber >= FirstMonthlyAfterDays && !had.Contains(monthly.Key) ? monthly : null;
    }

    /// <summary>The average of answers as the metric records it: two decimals, like the other values on the page.</summary>
    public static decimal Average(IReadOnlyCollection<int> scores) => Math.Round((decimal)scores.Sum() / scores.Count, 2);

    [GeneratedRegex(@"\b(30|60|90)-day review\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayReview();
}
