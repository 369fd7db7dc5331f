using Onboarding.Core.Plans;

namespace Onboarding.Core.Digests;

/// <summary>
/// How much a digest says, and how far it looks: the one place for the rule. The schedule, the composer,
/// the renderer and the plan pack's communication plan all read it from here.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Days are the engagement's working days (its working week and holidays), kickoff being working day 1,
/// as the plan counts them; the cadence's stages count them too, so a holiday moves a stage's end.</item>
/// <item>"Coming up" looks from the digest's date to the day before the reader's next digest for that
/// engagement, and at least <see cref="MinLookAheadDays"/> days ahead: a fortnightly reader hears of a task
/// that starts and ends in the week between two digests.</item>
/// <item>Explaining: while the engagement is in its cadence's first stage (by default working days 1–14),
/// and in a reader's first digest, every task comes with its what and its why in full.</item>
/// <item>Summarising: later digests open with counts; exceptions (overdue, blocked, reassigned) are listed;
/// coming-up tasks that are new since the reader's last digest (outside what that digest looked ahead to,
/// or handed to them since) keep their what and why, the rest are one line linking to the task.</item>
/// <item>Every list shows at most <see cref="ListCap"/> items, then "and N more" linking to the page that
/// lists them all; no digest's HTML exceeds <see cref="MaxHtmlBytes"/>: the renderer summarises, then
/// shortens lists, then leaves whole engagements to a link, and keeps the footer.</item>
/// <item>Getting ready: client stakeholders hear from the engagement before kickoff, on the
/// <see cref="GettingReadyWorkingDays"/>th working day before it and on the last one, at their digest hour:
/// what kickoff is and when, who is who, and their first tasks in full.</item>
/// <item>A first digest counts nothing "since your last digest"; a task that reaches a milestone is reported
/// once, as the milestone.</item>
/// </list>
/// </remarks>
public static class DigestDepth
{
    /// <summary>The most items any list of a digest shows before "and N more".</summary>
    public const int ListCap = 10;

    /// <summary>The shorter lists the renderer falls back to when a digest would be too big.</summary>
    public const int TightListCap = 3;

    /// <summary>Gmail clips a message past about 102 KB, hiding its end: the footer's preference and unsubscribe links.</summary>
    public const int MaxHtmlBytes = 100 * 1024;

    /// <summary>"Coming up" looks at least a week ahead, whatever the cadence.</summary>
    public const int MinLookAheadDays = 7;

    /// <summary>How far the schedule searches for a reader's next digest; with none in reach, "coming up" looks this far.</summary>
    public const int MaxLookAheadDays = 21;

    /// <summary>Getting-ready digests go this many working days before kickoff, and on the last working day before it.</summary>
    public const int GettingReadyWorkingDays = 5;

    /// <summary>
    /// The working day of the engagement on <paramref name="date"/>: 1 on kickoff (or the first working day after
    /// it), counted on <paramref name="calendar"/>; before kickoff, minus the working days left until it (the last
    /// working day before kickoff is -1, a day off just before it 0).
    /// </summary>
    public static int WorkingDay(BusinessCalendar calendar, DateOnly kickoff, DateOnly date) =>
        date >= kickoff
            ? Math.Max(1, calendar.WorkingDaysBetween(kickoff.AddDays(-1), date))
            : calendar.WorkingDaysBetween(kickoff, date);

    /// <summary>The date of the engagement's working day <paramref name="workingDay"/> (1 or more): the inverse of <see cref="WorkingDay"/>.</summary>
    public static DateOnly DateOf(BusinessCalendar calendar, DateOnly kickoff, int workingDay) =>
        calendar.AddWorkingDays(calendar.RollForward(kickoff), Math.Max(0, workingDay - 1));

    /// <summary>Whether working day <paramref name="workingDay"/> is in the cadence's first stage, when digests explain.</summary>
    public static bool IsEarlyStage(DigestCadence cadence, int workingDay) =>
        cadence.Stages.Count > 0 && cadence.Stages[0].Contains(workingDay);

    /// <summary>Whether a digest explains (what and why of every task in full) rather than summarises.</summary>
    public static bool Explains(bool earlyStage, bool firstDigest) => earlyStage || firstDigest;

    /// <summary>Whether client stakeholders get a getting-ready digest on <paramref name="date"/>.</summary>
    public static bool IsGettingReadyDate(BusinessCalendar calendar, DateOnly kickoff, DateOnly date) =>
        date < kickoff && calendar.IsWorkingDay(date) &&
        WorkingDay(calendar, kickoff, date) is var day && (day == -GettingReadyWorkingDays || day == -1);

    /// <summary>The last date "coming up" covers in a digest on <paramref name="date"/> whose reader's next digest is <paramref name="nextDigest"/>.</summary>
    public static DateOnly LooksAheadTo(DateOnly date, DateOnly? nextDigest) =>
        nextDigest is { } next
            ? Max(date.AddDays(MinLookAheadDays - 1), next.AddDays(-1))
            : date.AddDays(MaxLookAheadDays - 1);

    /// <summary>
    /// What the previous digest on <paramref name="lastDate"/> looked ahead to, given this one on
    /// <paramref name="date"/> was its next: tasks starting after it are news now.
    /// </summary>
    public static DateOnly PreviouslyLookedAheadTo(DateOnly lastDate, DateOnly date) => LooksAheadTo(lastDate, date);

    /// <summary>The communication plan's description of each digest, in the plan pack; the same rule as above, in words.</summary>
    public static IReadOnlyList<string> Described(DigestCadence cadence)
    {
        var first = cadence.Stages.Count > 0 ? cadence.Stages[0] : null;
        var early = first is null ? "In a reader's first digest"
            : first.ToDay is { } to ? $"In working days {first.FromDay}–{to}, and in a reader's first digest"
            : "Throughout";
        return
        [
            $"Getting ready: client stakeholders get a digest {GettingReadyWorkingDays} working days before kickoff and on the last working day before it: what kickoff is and when, who is who, and their first tasks",
            $"Coming up for the recipient until their next digest (at least {MinLookAheadDays} days ahead), counted in the plan's working days",
            $"{early}, each task comes with its what and its why in full; later digests open with counts, list what is overdue, blocked or reassigned, give what is new since the last digest in full, and the rest as one-line links",
            $"What was completed since the last digest: the wins, each reported once (a milestone reached as the milestone)",
            $"Upcoming milestones and how the metrics moved",
            $"At most {ListCap} items in each list, then a link to the page that lists them all",
        ];
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
