using System.Globalization;
using System.Text;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Documents.PlanPack;

/// <summary>The tasks of one plan phase, in plan order.</summary>
public sealed record PackPhase(string Key, string Title, IReadOnlyList<PackTask> Tasks);

/// <summary>What one person owns in one phase: how many tasks, and the few that matter most.</summary>
public sealed record Responsibility(PackMember Member, string Phase, int Count, IReadOnlyList<string> KeyTasks);

public sealed record CadenceRow(string Days, string Dates, string Frequency);

/// <summary>
/// The words and derived figures of the pack, shared by the PDF (<see cref="PackComposer"/>) and the
/// HTML print view (<see cref="PackHtml"/>) so both say exactly the same thing.
/// </summary>
public static class PackContent
{
    public const string SharedPurpose = "Shared purpose";
    public const string Contents = "Contents";
    public const string Outcomes = "Business outcomes";
    public const string Stakeholders = "Stakeholders";
    public const string Responsibilities = "Responsibilities by phase";
    public const string Communication = "Communication plan";
    public const string Cadence = "Digest cadence";
    public const string Recipients = "Who gets what, when";
    public const string Glossary = "Glossary";
    public const string Timeline = "Timeline";
    public const string Plan = "The 30/60/90 plan";
    public const string Metrics = "Metrics and targets";
    public const string Wins = "Wins so far";
    public const string YourTasks = "Your tasks";
    public const string PeopleToMeet = "People to meet";

    public const string PackTagline = "Plan pack for the first 90 days";
    public const string MeasuredBy = "Measured by: ";
    public const string What = "What";
    public const string Why = "Why";
    public const string MilestoneTag = "Milestone";
    public const string DigestHolds = "Each digest holds:";
    public const string PageOfFormat = "Page {0} of {1}";

    public const string NoOutcomes = "No business outcomes recorded yet.";
    public const string NoTasks = "No tasks in the plan yet.";
    public const string ResponsibilitiesIntro = "What each person owns in each phase of the plan: how many tasks, and the key ones.";
    public const string GlossaryIntro = "One dictionary: the client's word, the provider's word, and what both mean.";
    public const string NoTerms = "No terms yet.";
    public const string NotAgreed = "Not yet agreed by both sides.";
    public const string NoMetrics = "No metrics chosen yet.";
    public const string NoWins = "No wins yet: completed milestones, targets hit and kudos will show here.";
    public const string PeopleIntro = "The people you will work with in this engagement; meet each of them in your first weeks.";
    public const string NoPeople = "Nobody else is in the engagement yet.";

    public const string CommunicationIntro =
        "Everyone in the engagement gets a digest by email: frequent while the change is new, tapering as it settles. "
        + "Each digest is sent at the recipient's own local hour, on their working days, and links back to every item.";

    public static IReadOnlyList<string> StakeholderColumns { get; } = ["Name", "Role", "Organisation", "Time zone"];

    public static IReadOnlyList<string> ResponsibilityColumns { get; } = ["Person", "Phase", "Owns", "Key tasks"];

    public static IReadOnlyList<string> CadenceColumns { get; } = ["Working days", "Dates", "Frequency"];

    public static IReadOnlyList<string> RecipientColumns { get; } = ["Name", "Role", "Receives", "Local hour"];

    public static IReadOnlyList<string> GlossaryColumns { get; } = ["Client term", "Provider term", "Meaning"];

    public static IReadOnlyList<string> MetricColumns { get; } = ["Metric", "Baseline", "Target", "Latest", "How measured"];

    public static IReadOnlyList<string> PeopleColumns { get; } = ["Name", "Role", "Organisation", "Time zone"];

    /// <summary>What each digest holds: <see cref="DigestDepth"/>'s rule in words, so the pack promises what digests carry.</summary>
    public static IReadOnlyList<string> DigestContents(PackModel pack) => DigestDepth.Described(pack.Cadence);

    private const int KeyTasksShown = 3;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string PackTitle(PackModel pack) => $"{pack.EngagementName}: plan pack";

    public static string PersonalTitle(PackModel pack, PackMember member) => $"{pack.EngagementName}: onboarding plan for {member.Name}";

    public static string PackSubject(PackModel pack) =>
        $"The first 90 days of {pack.ClientName} with {pack.ProviderName}: purpose, people, communication and plan";

    public static string PersonalSubject(PackModel pack, PackMember member) =>
        $"{member.Name}'s first 90 days with {pack.ClientName}: own tasks, people to meet and the shared glossary";

    public static string PersonalTagline(PackModel pack) => $"Onboarding plan · {pack.ClientName}";

    /// <summary>E.g. <c>acme-robotics-plan-pack-2026-11-23.pdf</c>.</summary>
    public static string PackFileName(PackModel pack) => $"{Slug(pack.ClientName)}-plan-pack-{pack.Today:yyyy-MM-dd}.pdf";

    public static string PersonalFileName(PackModel pack, PackMember member) =>
        $"{Slug(pack.ClientName)}-plan-{Slug(member.Name)}-{pack.Today:yyyy-MM-dd}.pdf";

    public static string Prepared(PackModel pack) => $"Prepared {Date(pack.Today)} (day {pack.DayOf(pack.Today)})";

    public static IReadOnlyList<(string Label, string Value)> CoverFacts(PackModel pack) =>
    [
        ("Client", pack.ClientName),
        ("Provider", pack.ProviderName),
        ("Kickoff", Date(pack.Kickoff)),
        ("Go-live", Date(pack.GoLive)),
        ("Time zone", pack.TimeZone),
        ("Prepared", $"{Date(pack.Today)} (day {pack.DayOf(pack.Today)})"),
    ];

    public static IReadOnlyList<(string Label, string Value)> PersonalFacts(PackModel pack, PackMember member, int taskCount) =>
    [
        ("Role", RoleAndTitle(member)),
        ("Client", pack.ClientName),
        ("Provider", pack.ProviderName),
        ("Kickoff", Date(pack.Kickoff)),
        ("Go-live", Date(pack.GoLive)),
        ("Your digests", member.DigestPreference == DigestPreference.None ? Receives(member) : $"{Receives(member)}, at {LocalTime(member)}"),
        ("Your tasks", taskCount.ToString(Invariant)),
        ("Prepared", $"{Date(pack.Today)} (day {pack.DayOf(pack.Today)})"),
    ];

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Invariant);

    public static string DateRange(DateOnly start, DateOnly end) =>
        start == end ? Date(end)
        : start.Year == end.Year ? $"{start.ToString("d MMM", Invariant)} – {Date(end)}"
        : $"{Date(start)} – {Date(end)}";

    public static string Owner(PackTask task) =>
        task.OwnerName is null ? task.OwnerRole.DisplayName() : $"{task.OwnerName} ({task.OwnerRole.DisplayName()})";

    public static string Status(PackTask task) =>
        task.Status == PlanTaskStatus.Blocked && !string.IsNullOrWhiteSpace(task.BlockedReason) ? $"Blocked: {task.BlockedReason}" : task.Status.DisplayName();

    /// <summary>"Days 3–7 · 25 Nov – 1 Dec 2026".</summary>
    public static string When(PackModel pack, PackTask task) =>
        task.Start == task.Due
            ? $"Day {pack.DayOf(task.Due)} · {Date(task.Due)}"
            : $"Days {pack.DayOf(task.Start)}–{pack.DayOf(task.Due)} · {DateRange(task.Start, task.Due)}";

    public static string Side(EngagementRole role, PackModel pack) => role.IsClientRole() ? pack.ClientName : pack.ProviderName;

    public static string RoleAndTitle(PackMember member) =>
        string.IsNullOrWhiteSpace(member.Title) || string.Equals(member.Title, member.Role.DisplayName(), StringComparison.OrdinalIgnoreCase)
            ? member.Role.DisplayName()
            : $"{member.Role.DisplayName()}, {member.Title}";

    /// <summary>Tasks grouped by their template phase, phases in the order their work starts.</summary>
    public static IReadOnlyList<PackPhase> Phases(IEnumerable<PackTask> tasks) =>
    [
        .. tasks
            .GroupBy(t => (t.PhaseKey, t.PhaseTitle))
            .Select(g => new PackPhase(g.Key.PhaseKey, g.Key.PhaseTitle, [.. g]))
            .OrderBy(p => p.Tasks.Min(t => t.Start))
            .ThenBy(p => p.Title, StringComparer.Ordinal),
    ];

    /// <summary>Per member, per phase they own work in: the count and the key tasks (milestones first, then by due date).</summary>
    public static IReadOnlyList<Responsibility> ResponsibilitiesOf(PackModel pack)
    {
        var phases = Phases(pack.Tasks);
        var rows = new List<Responsibility>();
        foreach (var member in pack.Members)
        {
            foreach (var phase in phases)
            {
                var owned = phase.Tasks.Where(t => t.OwnerId == member.Id).ToList();
                if (owned.Count > 0)
                {
                    var key = owned.OrderByDescending(t => t.IsMilestone).ThenBy(t => t.Due).Take(KeyTasksShown).Select(t => t.Title).ToList();
                    rows.Add(new Responsibility(member, phase.Title, owned.Count, key));
                }
            }
        }

        return rows;
    }

    public static string Owns(Responsibility responsibility) => Count(responsibility.Count, "task");

    public static IReadOnlyList<CadenceRow> CadenceRows(PackModel pack) =>
    [
        .. pack.Cadence.Stages.Select(s => new CadenceRow(
            s.ToDay is { } to ? $"Days {s.FromDay}–{to}" : $"Day {s.FromDay} onwards",
            s.ToDay is { } end
                ? DateRange(DigestDepth.DateOf(pack.Calendar, pack.Kickoff, s.FromDay), DigestDepth.DateOf(pack.Calendar, pack.Kickoff, end))
                : $"From {Date(DigestDepth.DateOf(pack.Calendar, pack.Kickoff, s.FromDay))}",
            Frequency(s.Frequency))),
    ];

    public static string Receives(PackMember member) => member.DigestPreference switch
    {
        DigestPreference.Cadence => "Every digest on the cadence",
        DigestPreference.WeeklyOnly => "A weekly digest only",
        _ => "No digests (opted out)",
    };

    public static string LocalTime(PackMember member) =>
        member.DigestPreference == DigestPreference.None ? "—" : $"{member.DigestHour:00}:00 {member.TimeZone}";

    public static string Value(decimal? value, string unit) =>
        value is { } v ? $"{v.ToString("0.##", Invariant)} {unit}" : "—";

    public static string Latest(PackMetric metric) =>
        metric.Latest is { } latest ? $"{Value(latest.Value, metric.Unit)} ({Date(latest.MeasuredOn)})" : "Not measured yet";

    public static string Direction(PackMetric metric) =>
        metric.Direction == MetricDirection.LowerIsBetter ? "Lower is better" : "Higher is better";

    public static string Term(PackTerm term) =>
        string.IsNullOrWhiteSpace(term.ProviderTerm) || term.ProviderTerm == term.ClientTerm ? "same word" : term.ProviderTerm;

    public static string WinLine(PackWin win)
    {
        var kind = win.Kind switch
        {
            WinKind.MilestoneReached => "Milestone",
            WinKind.TargetHit => "Target hit",
            _ => "Kudos",
        };
        return $"{kind} · {Date(win.On)}";
    }

    /// <summary>Everyone in the engagement but the person themself, in the pack's member order.</summary>
    public static IReadOnlyList<PackMember> PeopleFor(PackModel pack, PackMember member) => [.. pack.Members.Where(m => m.Id != member.Id)];

    public static string PlanIntro(IReadOnlyList<PackTask> tasks, IReadOnlyList<PackPhase> phases, bool withOwners) =>
        $"{Count(tasks.Count, "task")} in {Count(phases.Count, "phase")}: for each, {(withOwners ? "who owns it, " : "")}when, its status, what to do and why it matters.";

    public static string PhaseSummary(PackPhase phase) =>
        $"{Count(phase.Tasks.Count, "task")}, {phase.Tasks.Count(t => t.Status == PlanTaskStatus.Done)} done";

    public static string TimelineLegend(TimelineChart chart) => chart.Today is { } today
        ? $"Bands are 30-day months from kickoff up to the plan's last day, diamonds are milestones (the red one is go-live), the dashed line is today (day {today})."
        : "Bands are 30-day months from kickoff up to the plan's last day, diamonds are milestones (the red one is go-live).";

    /// <summary>A last stretch shorter than this joins the month before it, rather than a sliver too narrow for its title.</summary>
    private const int ShortestLastBand = 8;

    /// <summary>
    /// The 30/60/90 rhythm as 30-day bands from kickoff, ending on the plan's last day (the latest task due date,
    /// milestone or go-live), so a plan that ends by day 90 never shows a "Days 91–120" band; and the milestones,
    /// go-live among them. Template phases count working days, so "days 1–21" of a phase fall in the first 30 calendar days.
    /// </summary>
    public static TimelineChart Chart(PackModel pack)
    {
        var goLiveDay = Math.Max(1, pack.DayOf(pack.GoLive));
        var lastDay = pack.Tasks.Select(t => pack.DayOf(t.Due)).Concat(pack.Milestones.Select(m => pack.DayOf(m.Date))).Append(goLiveDay).Max();
        var phases = new List<TimelinePhase>();
        for (var start = 1; start <= lastDay; start += 30)
        {
            var end = Math.Min(start + 29, lastDay);
            if (end - start + 1 < ShortestLastBand && phases.Count > 0)
            {
                phases[^1] = phases[^1] with { EndDay = end };
            }
            else
            {
                phases.Add(new TimelinePhase($"Month {phases.Count + 1}", start, end));
            }
        }
        var today = pack.DayOf(pack.Today);
        return new TimelineChart(
            phases,
            [.. pack.Milestones.Select(m => new TimelineMilestone(m.Title, Math.Max(1, pack.DayOf(m.Date)))),
                new TimelineMilestone($"{GoLiveMilestone.Title} · {pack.GoLive.ToString("d MMM", CultureInfo.InvariantCulture)}", goLiveDay, IsGoLive: true)],
            today >= 1 && today <= lastDay ? today : null);
    }

    private static string Frequency(CadenceFrequency frequency) => frequency switch
    {
        CadenceFrequency.EveryWorkingDay => "Every working day",
        CadenceFrequency.TwiceAWeek => "Twice a week",
        CadenceFrequency.Weekly => "Weekly",
        _ => "Fortnightly",
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>Lower-case ASCII words joined by hyphens, for file names: "Acme Robotics" becomes "acme-robotics", "Ñandú" "nandu".</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "engagement" : result;
    }
}
