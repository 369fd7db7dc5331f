using Onboarding.Core.Engagements;
using Onboarding.Core.Links;

namespace Onboarding.Core.Digests;

/// <summary>
/// Turns the state of a recipient's engagements into their digest. Pure: same input, same digest.
/// </summary>
/// <remarks>
/// How much each section says, how far it looks and how long its lists are is <see cref="DigestDepth"/>'s rule.
/// Per engagement, on the period's local date D:
/// <list type="bullet">
/// <item>before kickoff (a getting-ready digest, client stakeholders only): kickoff's date, who is who, and your
/// first tasks with their what and why;</item>
/// <item>coming up for you: your open, unblocked tasks that start or are due from D to the schedule's look-ahead
/// (yours: you own them or take part in them); in full when the section explains or the task is new;</item>
/// <item>needs attention: open tasks due before D, or blocked; your own, and those your role watches
/// (<see cref="Oversight.Watches"/>: all of them for an account leader, the client side's for the TA lead);</item>
/// <item>reassigned: tasks handed to you, or from you to someone else, in the period's window (net of the
/// window's changes: a task handed on and back again is no news);</item>
/// <item>who you work with: a recruiter's hiring managers, a hiring manager's recruiters (context, not news);</item>
/// <item>wins: tasks and milestones completed, targets hit and kudos given in the period's window
/// (the last 7 days for a first digest, which calls them recent rather than "since your last digest");
/// a task that reaches a milestone is the milestone's win only;</item>
/// <item>milestones ahead: the next <see cref="MilestonesShown"/> open milestones due on or after D;</item>
/// <item>metric movement: metrics measured in the window, latest against previous and target;</item>
/// <item>one glossary term, rotating with the date;</item>
/// <item>go-live, when it falls in the coming-up window (<see cref="GoLiveNotice"/>): news for everyone in the engagement;</item>
/// <item>market cards to write or review (the account leader): when due, then weekly (<see cref="MarketCardsToReview"/>);</item>
/// <item>all of it in the reader's words (<see cref="DigestWording"/>).</item>
/// </list>
/// Milestones ahead and the glossary term are context, not news: an engagement with nothing else
/// is left out, and with no engagement left there is nothing to say.
/// </remarks>
public static class DigestComposer
{
    public const int MilestonesShown = 3;
    public const int WinsShown = DigestDepth.ListCap;
    /// <summary>How far back a first digest looks for wins.</summary>
    public static readonly TimeSpan FirstDigestWindow = TimeSpan.FromDays(7);
    /// <summary>How long a new location may go without a market card before the leader's digest asks for one.</summary>
    public static readonly TimeSpan MissingCardGrace = TimeSpan.FromDays(7);
    /// <summary>How often a card still due is said again.</summary>
    public static readonly TimeSpan CardReminderEvery = TimeSpan.FromDays(7);

    /// <summary>The digest, or null when there is nothing to say.</summary>
    /// <param name="due">What the schedule planned for each engagement (getting ready, look-ahead, stage); an engagement
    /// it does not name gets <see cref="DueEngagement.Assumed"/>.</param>
    /// <exception cref="ArgumentException">The recipient is not a member of one of the engagements, or a URL is not absolute http(s).</exception>
    public static DigestModel? Compose(
        DigestRecipient recipient,
        IReadOnlyList<DigestEngagement> engagements,
        DigestPeriod period,
        Uri baseUrl,
        Uri unsubscribeUrl,
        IReadOnlyList<DueEngagement>? due = null)
    {
        var links = new AppLinks(baseUrl);
        var unsubscribe = AppLinks.RequireWebUrl(unsubscribeUrl, nameof(unsubscribeUrl));
        var sections = engagements
            .Select(e => DigestWording.ForReader(
                Section(recipient, e, period, links, due?.FirstOrDefault(d => d.EngagementId == e.Id) ?? DueEngagement.Assumed(e.Id, e.Kickoff, period.Date)),
                e, recipient))
            .Where(s => s.HasNews)
            .ToList();
        if (sections.Count == 0)
        {
            return null;
        }
        var first = engagements.First(e => e.Id == sections[0].EngagementId);
        return new DigestModel(
            recipient.Name,
            recipient.Email,
            period.Date,
            Subject(sections),
            first.ProviderName,
            BrandColours.OrFallback(first.BrandColour),
            sections,
            links.DigestPreferences(),
            unsubscribe.AbsoluteUri)
        { EngagementsUrl = links.Engagements() };
    }

    private static EngagementDigest Section(DigestRecipient recipient, DigestEngagement engagement, DigestPeriod period, AppLinks links, DueEngagement due)
    {
        var membership = recipient.Memberships.FirstOrDefault(m => m.EngagementId == engagement.Id)
            ?? throw new ArgumentException($"{recipient.Email} is not a member of engagement {engagement.Id}.", nameof(recipient));
        var today = period.Date;
        var firstDigest = period.Since is null;
        var since = period.Since ?? period.Until - FirstDigestWindow;
        bool InWindow(DateTimeOffset at) => at > since && at <= period.Until;
        bool Mine(DigestTask t) => t.OwnerMemberId == membership.MemberId || (t.ParticipantMemberIds?.Contains(membership.MemberId) ?? false);
        var open = engagement.Tasks.Where(t => t.Status != DigestTaskStatus.Done).ToList();
        var mineUrl = links.Plan(engagement.Id, membership.MemberId);
        if (due.GettingReady)
        {
            return GettingReadySection(engagement, membership, due, open.Where(Mine).ToList(), links);
        }

        var explains = DigestDepth.Explains(due.EarlyStage, firstDigest);
        var horizonEnd = due.LooksAheadTo;
        bool InHorizon(DateOnly d) => d >= today && d <= horizonEnd;
        // The last digest looked ahead this far: what starts after it, or was handed to the reader since, is news.
        var seenTo = period.LastDate is { } last && !firstDigest ? DigestDepth.PreviouslyLookedAheadTo(last, today) : (DateOnly?)null;
        var reassigned = Reassigned(engagement, membership.MemberId, InWindow, links);
        var handedToMe = engagement.Reassignments.Where(r => InWindow(r.At) && r.ToMemberId == membership.MemberId).Select(r => r.TaskId).ToHashSet();

        var comingUp = open
            .Where(t => Mine(t) && t.Status != DigestTaskStatus.Blocked && t.Due >= today && (InHorizon(t.Start) || InHorizon(t.Due)))
            .OrderBy(t => t.Due).ThenBy(t => t.Title, StringComparer.Ordinal)
            .Select(t =>
            {
                var isNew = seenTo is null || t.Start > seenTo || handedToMe.Contains(t.Id);
                return new TaskItem(t.Title, links.Task(engagement.Id, t.Id), t.Start, t.Due, t.What, t.Why, t.Milestone, explains || isNew, isNew) { Checklist = t.Checklist };
            })
            .ToList();

        var attention = open
            .Where(t => (t.Due < today || t.Status == DigestTaskStatus.Blocked) && (Mine(t) || membership.Role.Watches(t.OwnerRole)))
            .OrderBy(t => t.Due).ThenBy(t => t.Title, StringComparer.Ordinal)
            .Select(t => new AttentionItem(
                t.Title,
                links.Task(engagement.Id, t.Id),
                t.OwnerName,
                Mine(t),
                t.Due,
                Math.Max(0, today.DayNumber - t.Due.DayNumber),
                t.Status == DigestTaskStatus.Blocked,
                t.BlockedReason))
            .ToList();

        // A task that reaches a milestone is news once, as the milestone.
        var milestoneTasks = engagement.Milestones.Where(m => m.TaskId is not null && m.CompletedAt is { } at && InWindow(at)).Select(m => m.TaskId!.Value).ToHashSet();
        var wins = engagement.Tasks
            .Where(t => t.CompletedAt is { } at && InWindow(at) && !milestoneTasks.Contains(t.Id))
            .Select(t => new WinItem(DigestWinKind.TaskCompleted, Done(t.Title, t.OwnerName), links.Task(engagement.Id, t.Id), t.CompletedAt!.Value))
            .Concat(engagement.Milestones
                .Where(m => m.CompletedAt is { } at && InWindow(at))
                .Select(m => new WinItem(DigestWinKind.MilestoneReached, $"Milestone reached: {m.Title}", links.Milestone(engagement.Id, m.TaskId), m.CompletedAt!.Value)))
            .Concat(engagement.Metrics
                .Select(m => (Metric: m, Hit: TargetHitIn(m, InWindow, period.Until)))
                .Where(x => x.Hit is not null)
                .Select(x => new WinItem(DigestWinKind.TargetHit, $"Target hit: {x.Metric.Name}", links.Metric(engagement.Id, x.Metric.Id), x.Hit!.Value)))
            .Concat(engagement.Kudos
                .Where(k => InWindow(k.At))
                .Select(k => new WinItem(DigestWinKind.Kudos, KudosText(k), links.Wins(engagement.Id), k.At)))
            .OrderBy(w => w.At)
            .ToList();

        var milestones = engagement.Milestones
            .Where(m => m.CompletedAt is null && m.Due >= today)
            .OrderBy(m => m.Due).ThenBy(m => m.Title, StringComparer.Ordinal)
            .Take(MilestonesShown)
            .Select(m => new MilestoneItem(m.Title, links.Milestone(engagement.Id, m.TaskId), m.Due, m.Due.DayNumber - today.DayNumber))
            .ToList();

        var metrics = engagement.Metrics
            .Select(m => (Metric: m, Values: Measured(m, period.Until)))
            .Where(x => x.Values.Count > 0 && InWindow(x.Values[^1].At))
            .Select(x => new MetricItem(
                x.Metric.Name,
                links.Metric(engagement.Id, x.Metric.Id),
                x.Metric.Unit,
                x.Values[^1].Value,
                x.Values.Count > 1 ? x.Values[^2].Value : null,
                x.Metric.Target,
                x.Metric.HigherIsBetter))
            .ToList();

        const int cap = DigestDepth.ListCap;
        return new EngagementDigest(
            engagement.Id,
            engagement.Name,
            engagement.ClientName,
            Engagement.DayNumber(engagement.Kickoff, today),
            BrandColours.OrFallback(engagement.BrandColour),
            links.Engagement(engagement.Id),
            comingUp.Take(cap).ToList(),
            attention.Take(cap).ToList(),
            wins.Take(WinsShown).ToList(),
            Math.Max(0, wins.Count - WinsShown),
            links.Wins(engagement.Id),
            milestones,
            metrics.Take(cap).ToList(),
            TermOfTheDay(engagement, today, links),
            reassigned.Take(cap).ToList(),
            RecruiterAssignments.For(membership.MemberId, membership.Role, engagement.Pairs))
        {
            Explains = explains,
            // Go-live: its own rule (GoLiveNotice), called with this digest's coming-up window.
            GoLive = GoLiveNotice.For(engagement.GoLive, today, horizonEnd, links.Engagement(engagement.Id)),
            LooksAheadDays = horizonEnd.DayNumber - today.DayNumber + 1,
            HasLastDigest = !firstDigest,
            MoreComingUp = Math.Max(0, comingUp.Count - cap),
            ComingUpUrl = mineUrl,
            MoreAttention = Math.Max(0, attention.Count - cap),
            // A reader who watches others' tasks finds them all on the plan; the others, on their own checklist.
            AttentionUrl = attention.All(a => a.IsOwn) ? mineUrl : links.Plan(engagement.Id),
            MoreReassigned = Math.Max(0, reassigned.Count - cap),
            CheckIns = DigestCheckIns.For(engagement, membership.MemberId, InWindow, links),
            MoreMetrics = Math.Max(0, metrics.Count - cap),
            MetricsUrl = links.Metrics(engagement.Id),
            OverdueCount = attention.Count(a => a.DaysOverdue > 0),
            BlockedCount = attention.Count(a => a.Blocked && a.DaysOverdue == 0),
            NewCount = comingUp.Count(t => t.IsNew),
            Escalated = Escalated(engagement, membership.MemberId, links),
            YouSaid = YouSaid(engagement, membership.MemberId),
            MarketCardsToReview = membership.Role == EngagementRole.AccountLeader ? MarketCardsToReview(engagement, since, period.Until, links) : [],
        };
    }

    /// <summary>
    /// Cards older than their set age, and locations with no card a grace after they were added, most overdue first: pay
    /// and ad rules move, and a stale card misleads recruiters. Each is said in the digest whose window holds the moment it
    /// became due, then again in the one holding each <see cref="CardReminderEvery"/> after it: a reminder, not a
    /// refrain, and never on its own a reason to send every digest.
    /// </summary>
    private static List<MarketCardReviewItem> MarketCardsToReview(DigestEngagement engagement, DateTimeOffset since, DateTimeOffset until, AppLinks links) => engagement.MarketCards
        .Where(c => RemindsIn(c.DueAt, since, until))
        .OrderBy(c => c.DueAt).ThenBy(c => c.LocationName, StringComparer.Ordinal)
        .Select(c => new MarketCardReviewItem(
            !c.HasCard
                ? $"{c.LocationName} has no market card yet"
                : $"Market card: {c.LocationName}, " + (c.ReviewedAt is { } at
                    ? $"last reviewed {(int)(until - at).TotalDays} days ago{(c.ReviewedBy is { } by ? $" by {by}" : "")}"
                    : "never reviewed"),
            links.MarketCard(engagement.Id, c.LocationId)))
        .ToList();

    /// <summary>Whether <paramref name="dueAt"/>, or a reminder every <see cref="CardReminderEvery"/> after it, falls after <paramref name="since"/> and by <paramref name="until"/>.</summary>
    private static bool RemindsIn(DateTimeOffset dueAt, DateTimeOffset since, DateTimeOffset until)
    {
        if (until < dueAt)
        {
            return false;
        }
        var latest = dueAt + TimeSpan.FromTicks((until - dueAt).Ticks / CardReminderEvery.Ticks * CardReminderEvery.Ticks);
        return latest > since;
    }

    /// <summary>Before kickoff: what it is and when, who is who, and the reader's first tasks in full.</summary>
    private static EngagementDigest GettingReadySection(DigestEngagement engagement, DigestMembership membership, DueEngagement due, List<DigestTask> mine, AppLinks links)
    {
        const int cap = DigestDepth.ListCap;
        var people = engagement.People
            .OrderBy(p => p.MemberId != membership.MemberId).ThenBy(p => p.Role).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new PersonItem(p.Name, p.Role, p.MemberId == membership.MemberId))
            .ToList();
        var first = mine
            .OrderBy(t => t.Start).ThenBy(t => t.Due).ThenBy(t => t.Title, StringComparer.Ordinal)
            .Select(t => new TaskItem(t.Title, links.Task(engagement.Id, t.Id), t.Start, t.Due, t.What, t.Why, t.Milestone) { Checklist = t.Checklist })
            .ToList();
        var mineUrl = links.Plan(engagement.Id, membership.MemberId);
        return new EngagementDigest(
            engagement.Id,
            engagement.Name,
            engagement.ClientName,
            due.Day,
            BrandColours.OrFallback(engagement.BrandColour),
            links.Engagement(engagement.Id),
            [],
            [],
            [],
            0,
            links.Wins(engagement.Id),
            [],
            [],
            null)
        {
            HasLastDigest = false,
            ComingUpUrl = mineUrl,
            Ready = new GettingReady(
                engagement.Kickoff,
                -due.WorkingDay,
                people.Take(cap).ToList(),
                Math.Max(0, people.Count - cap),
                links.Stakeholders(engagement.Id),
                first.Take(cap).ToList(),
                Math.Max(0, first.Count - cap)),
        };
    }

    /// <summary>Per task, the window's first owner against its last: what changed for the reader, once.</summary>
    /// <summary>Every escalation that reached the reader and was not told yet: each is said once, so none is capped away.</summary>
    private static List<EscalatedItem> Escalated(DigestEngagement engagement, int memberId, AppLinks links) => engagement.Escalations
        .Where(x => x.ToMemberId == memberId)
        .OrderBy(x => x.StepId)
        .Select(x => new EscalatedItem(x.StepId, x.Title, x.Severity, x.Text, links.LogEntry(engagement.Id, x.EntryId)))
        .ToList();

    /// <summary>Every response to the reader's own pulse answers not told yet: each is said once, so none is capped away.</summary>
    private static List<YouSaidItem> YouSaid(DigestEngagement engagement, int memberId) => engagement.PulseResponses
        .Where(r => r.MemberId == memberId)
        .OrderBy(r => r.PulseId)
        .Select(r => new YouSaidItem(
            r.PulseId,
            $"You answered {r.Score} of 5 for {r.Occasion}" + (r.Comment.Length == 0 ? "." : $": “{r.Comment}”"),
            r.Response))
        .ToList();

    private static List<ReassignedItem> Reassigned(DigestEngagement engagement, int memberId, Func<DateTimeOffset, bool> inWindow, AppLinks links) => engagement.Reassignments
        .Where(r => inWindow(r.At))
        .GroupBy(r => r.TaskId)
        .Select(g => (First: g.MinBy(r => r.At)!, Last: g.MaxBy(r => r.At)!))
        .Where(x => x.First.FromMemberId != x.Last.ToMemberId && (x.Last.ToMemberId == memberId || x.First.FromMemberId == memberId))
        .OrderBy(x => x.Last.At)
        .Select(x => new ReassignedItem(x.Last.Title, links.Task(engagement.Id, x.Last.TaskId), x.Last.ToMemberId == memberId, x.Last.ToName))
        .ToList();

    private static string KudosText(DigestKudos kudos)
    {
        var text = string.IsNullOrWhiteSpace(kudos.FromName) ? $"Kudos: {kudos.Title}" : $"Kudos from {kudos.FromName}: {kudos.Title}";
        return string.IsNullOrWhiteSpace(kudos.Body) ? text : $"{text} ({kudos.Body})";
    }

    private static string Done(string title, string? owner) => owner is null ? $"Done: {title}" : $"Done: {title} ({owner})";

    private static List<DigestMeasurement> Measured(DigestMetric metric, DateTimeOffset until) =>
        metric.Measurements.Where(m => m.At <= until).OrderBy(m => m.At).ToList();

    /// <summary>When the metric first met its target inside the window, having not met it at the measurement before.</summary>
    private static DateTimeOffset? TargetHitIn(DigestMetric metric, Func<DateTimeOffset, bool> inWindow, DateTimeOffset until)
    {
        if (metric.Target is not { } target)
        {
            return null;
        }
        bool Meets(decimal v) => metric.HigherIsBetter ? v >= target : v <= target;
        var values = Measured(metric, until);
        for (var i = 0; i < values.Count; i++)
        {
            if (inWindow(values[i].At) && Meets(values[i].Value) && (i == 0 || !Meets(values[i - 1].Value)))
            {
                return values[i].At;
            }
        }
        return null;
    }

    /// <summary>
    /// The term for <paramref name="date"/>. Stepping by the golden ratio spreads the terms evenly
    /// at any cadence; "day mod count" would show weekly readers one term forever when the count is a multiple of 7.
    /// </summary>
    private static GlossaryItem? TermOfTheDay(DigestEngagement engagement, DateOnly date, AppLinks links)
    {
        if (engagement.Glossary.Count == 0)
        {
            return null;
        }
        var terms = engagement.Glossary
            .OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Id)
            .ToList();
        var position = date.DayNumber * 0.6180339887498949 % 1.0;
        var term = terms[(int)(position * terms.Count)];
        return new GlossaryItem(term.Term, term.ProviderTerm, term.Definition, links.GlossaryTerm(engagement.Id, term.Id));
    }

    /// <summary>"Acme RPO · day 12: 3 things this week, 1 overdue"; several engagements share one gist.</summary>
    internal static string Subject(IReadOnlyList<EngagementDigest> sections)
    {
        var prefix = sections.Count switch
        {
            1 => $"{sections[0].Name} · {DayLabel(sections[0])}",
            2 => $"{sections[0].Name} ({DayLabel(sections[0])}) + {sections[1].Name} ({DayLabel(sections[1])})",
            _ => $"{sections[0].Name}, {sections[1].Name} + {sections.Count - 2} more",
        };
        return $"{prefix}: {Gist(sections)}";
    }

    private static string Gist(IReadOnlyList<EngagementDigest> sections)
    {
        if (sections.FirstOrDefault(s => s.Ready is not null) is { Ready: { } ready })
        {
            return $"getting ready for {DigestRenderer.ShortDate(ready.Kickoff)}";
        }
        var comingUp = sections.Sum(s => s.ComingUpCount);
        var overdue = sections.Sum(s => s.OverdueCount);
        var blocked = sections.Sum(s => s.BlockedCount);
        var wins = sections.Sum(s => s.WinCount);
        var reassigned = sections.Sum(s => s.Reassigned.Count + s.MoreReassigned);
        var parts = new List<string>();
        if (comingUp > 0)
        {
            parts.Add($"{comingUp} {(comingUp == 1 ? "thing" : "things")} {ComingUpWhen(sections)}");
        }
        if (overdue > 0)
        {
            parts.Add($"{overdue} overdue");
        }
        if (blocked > 0)
        {
            parts.Add($"{blocked} blocked");
        }
        if (parts.Count == 0 && wins > 0)
        {
            // A first digest has no last digest to count from: its wins are the past week's.
            parts.Add(sections.All(s => s.HasLastDigest)
                ? $"{wins} {(wins == 1 ? "win" : "wins")} since your last digest"
                : $"{wins} recent {(wins == 1 ? "win" : "wins")}");
        }
        if (parts.Count == 0 && reassigned > 0)
        {
            parts.Add($"{reassigned} {(reassigned == 1 ? "task" : "tasks")} reassigned");
        }
        if (parts.Count == 0 && sections.Any(s => s.CheckIns.Count > 0))
        {
            parts.Add("notes from the check-in");
        }
        return parts.Count > 0 ? string.Join(", ", parts) : "metrics moved";
    }

    private static string DayLabel(EngagementDigest section) => section.Ready is null ? $"day {section.Day}" : "before kickoff";

    private static string ComingUpWhen(IReadOnlyList<EngagementDigest> sections) =>
        sections.All(s => s.LooksAheadDays <= DigestDepth.MinLookAheadDays) ? "this week" : "coming up";
}
