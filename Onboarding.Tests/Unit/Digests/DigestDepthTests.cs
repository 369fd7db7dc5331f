using System.Text;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Unit.Digests;

/// <summary>How far digests look, how much they say, and how long they get (<see cref="DigestDepth"/>).</summary>
public class DigestDepthTests
{
    private static readonly DateOnly Kickoff = new(2026, 11, 2); // a Monday
    private static readonly Uri BaseUrl = new("https://onboarding.example/");
    private static readonly Uri Unsubscribe = new("https://onboarding.example/digests/unsubscribe/abc");
    private static readonly int Me = TestIds.Next();

    [Fact]
    public void A_fortnightly_digest_lists_a_task_that_starts_and_ends_in_its_skipped_week()
    {
        var engagementId = TestIds.Next();
        var fortnightly = new DigestCadence([new CadenceStage(1, null, CadenceFrequency.Fortnightly)]);
        var schedule = Schedule(new DigestSubscription(engagementId, Kickoff, fortnightly));
        var date = Kickoff.AddDays(14); // Monday of week 2; the next digest is Monday of week 4
        var skippedWeek = Task("Run the calibration session", start: date.AddDays(8), due: date.AddDays(10));
        var engagement = Engagement(engagementId, [skippedWeek]);

        var planned = DigestSchedule.ForDate(schedule, date);
        Assert.NotNull(planned);
        Assert.Null(DigestSchedule.ForDate(schedule, date.AddDays(7)));
        var due = Assert.Single(planned.Engagements);
        Assert.Equal(date.AddDays(13), due.LooksAheadTo);

        var digest = DigestComposer.Compose(Recipient(engagementId), [engagement], Period(date, first: false), BaseUrl, Unsubscribe, planned.Engagements);
        Assert.Equal(["Run the calibration session"], digest!.Engagements.Single().ComingUp.Select(t => t.Title));
        Assert.Contains("1 thing coming up", digest.Subject);
        // A week's look-ahead, as before, would have missed it.
        Assert.Null(DigestComposer.Compose(Recipient(engagementId), [engagement], Period(date, first: false), BaseUrl, Unsubscribe));
    }

    [Fact]
    public void Cadence_stages_count_the_engagements_working_days_so_a_holiday_moves_them()
    {
        var engagementId = TestIds.Next();
        var cadence = new DigestCadence([
            new CadenceStage(1, 6, CadenceFrequency.EveryWorkingDay),
            new CadenceStage(7, null, CadenceFrequency.Weekly),
        ]);
        var tuesday = Kickoff.AddDays(8);
        var plain = Schedule(new DigestSubscription(engagementId, Kickoff, cadence));
        var holiday = new BusinessCalendar(DigestRecipientSchedule.MondayToFriday, [Kickoff.AddDays(2)]);
        var withHoliday = Schedule(new DigestSubscription(engagementId, Kickoff, cadence, Calendar: holiday));

        // Working day 7 on the plain calendar: weekly, and Tuesday is not the week's first working day.
        Assert.Null(DigestSchedule.ForDate(plain, tuesday));
        // The Wednesday holiday makes the same Tuesday working day 6: still every working day.
        var planned = DigestSchedule.ForDate(withHoliday, tuesday);
        Assert.NotNull(planned);
        Assert.Equal(6, planned.Engagements.Single().WorkingDay);
        Assert.Equal(9, planned.Engagements.Single().Day);
    }

    [Fact]
    public void An_early_digest_explains_every_task_and_a_later_one_summarises_with_links()
    {
        var engagementId = TestIds.Next();
        var date = Kickoff.AddDays(35);
        var lastDate = date.AddDays(-7);
        var running = Task("Screen the first applicants", start: date.AddDays(-2), due: date.AddDays(3));
        var fresh = Task("Hold the first debrief", start: date.AddDays(9), due: date.AddDays(10));
        var engagement = Engagement(engagementId, [running, fresh]);

        var early = Render(DigestComposer.Compose(Recipient(engagementId), [engagement], Period(date, first: false), BaseUrl, Unsubscribe,
            [new DueEngagement(engagementId, 36, CadenceFrequency.EveryWorkingDay, 26, date.AddDays(13), EarlyStage: true)]));
        Assert.Contains("Because Screen the first applicants matters.", early.Html);
        Assert.Contains("Because Hold the first debrief matters.", early.Html);
        Assert.DoesNotContain("coming up (", early.Html);

        var later = DigestComposer.Compose(Recipient(engagementId), [engagement], Period(date, first: false, lastDate),
            BaseUrl, Unsubscribe, [new DueEngagement(engagementId, 36, CadenceFrequency.Weekly, 26, date.AddDays(13), EarlyStage: false)]);
        var section = later!.Engagements.Single();
        Assert.False(section.Explains);
        Assert.Equal([(running.Title, false), (fresh.Title, true)], section.ComingUp.Select(t => (t.Title, t.Full)));
        var rendered = Render(later);
        // What the last digest already listed is one line linking to its page; what is new keeps its what and why.
        Assert.DoesNotContain("Because Screen the first applicants matters.", rendered.Html);
        Assert.Contains($"href=\"https://onboarding.example/engagements/{engagementId}/tasks/{running.Id}\"", rendered.Html);
        Assert.Contains("Because Hold the first debrief matters.", rendered.Html);
        Assert.Contains("2 coming up (1 new)", rendered.Html);
        Assert.Contains("2 coming up (1 new)", rendered.Text);
        Assert.DoesNotContain("Why: Because Screen", rendered.Text);
    }

    [Fact]
    public void A_first_digest_explains_even_late_in_the_engagement()
    {
        var engagementId = TestIds.Next();
        var date = Kickoff.AddDays(35);
        var digest = DigestComposer.Compose(Recipient(engagementId), [Engagement(engagementId, [Task("Review the shortlist", date, date.AddDays(1))])],
            Period(date, first: true), BaseUrl, Unsubscribe,
            [new DueEngagement(engagementId, 36, CadenceFrequency.Weekly, 26, date.AddDays(6), EarlyStage: false)]);

        Assert.True(digest!.Engagements.Single().Explains);
        Assert.Contains("Because Review the shortlist matters.", Render(digest).Html);
    }

    [Fact]
    public void Every_list_is_capped_with_and_n_more_linking_to_the_page()
    {
        var engagementId = TestIds.Next();
        var date = Kickoff.AddDays(7);
        var tasks = Enumerable.Range(1, 15).Select(i => Task($"Coming {i:00}", date.AddDays(1), date.AddDays(2)))
            .Concat(Enumerable.Range(1, 13).Select(i => Task($"Late {i:00}", date.AddDays(-5), date.AddDays(-1))))
            .ToList();

        var digest = DigestComposer.Compose(Recipient(engagementId), [Engagement(engagementId, tasks)], Period(date, first: false), BaseUrl, Unsubscribe);
        var section = digest!.Engagements.Single();
        var rendered = Render(digest);

        Assert.Equal(DigestDepth.ListCap, section.ComingUp.Count);
        Assert.Equal((5, 3), (section.MoreComingUp, section.MoreAttention));
        Assert.Equal(13, section.OverdueCount);
        Assert.Contains($"<a href=\"https://onboarding.example/engagements/{engagementId}/plan?owner={Me}\" style=\"color:#0969da;\">and 5 more</a>", rendered.Html);
        Assert.Contains("and 3 more", rendered.Html);
        Assert.Contains($"and 5 more\n  https://onboarding.example/engagements/{engagementId}/plan?owner={Me}", rendered.Text);
        Assert.Contains("15 things this week, 13 overdue", digest.Subject);
    }

    [Fact]
    public void A_leader_with_five_engagements_of_300_overdue_tasks_gets_under_100_KB_with_its_footer()
    {
        var date = Kickoff.AddDays(60);
        var ids = Enumerable.Range(0, 5).Select(_ => TestIds.Next()).ToList();
        var engagements = ids.Select(id => Engagement(id, Enumerable.Range(1, 300)
            .Select(i => Task($"Overdue task {i} with a title of a realistic length for a plan", date.AddDays(-30), date.AddDays(-1 - i % 20), owner: TestIds.Next()))
            .ToList())).ToList();
        var leader = new DigestRecipient("Lee", "lee@provider.example", ids.Select(id => new DigestMembership(id, Me, EngagementRole.AccountLeader)).ToList());

        var digest = DigestComposer.Compose(leader, engagements, Period(date, first: false), BaseUrl, Unsubscribe);
        var rendered = Render(digest);

        Assert.True(Encoding.UTF8.GetByteCount(rendered.Html) < 100 * 1024, $"{Encoding.UTF8.GetByteCount(rendered.Html)} bytes");
        Assert.Equal(5, digest!.Engagements.Count);
        Assert.All(digest.Engagements, e => Assert.Equal((10, 290, 300), (e.NeedsAttention.Count, e.MoreAttention, e.OverdueCount)));
        Assert.Contains($"<a href=\"https://onboarding.example/engagements/{ids[0]}/plan\" style=\"color:#0969da;\">and 290 more</a>", rendered.Html);
        Assert.Contains("Change how often you get it</a>", rendered.Html);
        Assert.Contains($"href=\"{Unsubscribe.AbsoluteUri}\"", rendered.Html);
        Assert.Contains("1500 overdue", digest.Subject);
    }

    [Fact]
    public void However_many_engagements_the_html_stays_under_100_KB_and_keeps_its_footer()
    {
        var date = Kickoff.AddDays(3);
        var ids = Enumerable.Range(0, 200).Select(_ => TestIds.Next()).ToList();
        var longText = string.Join(" ", Enumerable.Repeat("A long explanation of the step.", 30));
        var engagements = ids.Select(id => Engagement(id, Enumerable.Range(1, 12)
            .Select(i => Task($"Step {i}", date, date.AddDays(2)) with { What = longText, Why = longText })
            .ToList())).ToList();
        var reader = new DigestRecipient("Lee", "lee@provider.example", ids.Select(id => new DigestMembership(id, Me, EngagementRole.AccountLeader)).ToList());

        var digest = DigestComposer.Compose(reader, engagements, Period(date, first: false), BaseUrl, Unsubscribe);
        var rendered = Render(digest);

        var bytes = Encoding.UTF8.GetByteCount(rendered.Html);
        Assert.True(bytes <= DigestDepth.MaxHtmlBytes, $"{bytes} bytes");
        Assert.Contains("Change how often you get it</a>", rendered.Html);
        Assert.Contains($"href=\"{Unsubscribe.AbsoluteUri}\"", rendered.Html);
        Assert.Contains("more engagements have news for you", rendered.Html);
        Assert.Contains("https://onboarding.example/engagements\"", rendered.Html);
        Assert.Contains("more engagements have news for you", rendered.Text);
        Assert.DoesNotContain("A long explanation", rendered.Html);
    }

    [Fact]
    public void Client_stakeholders_alone_get_getting_ready_digests_in_the_week_before_kickoff()
    {
        var engagementId = TestIds.Next();
        var kickoff = new DateOnly(2026, 11, 16); // a Monday
        var client = Schedule(new DigestSubscription(engagementId, kickoff, DigestCadence.Default, ClientSide: true));
        var provider = Schedule(new DigestSubscription(engagementId, kickoff, DigestCadence.Default));

        var gettingReady = Enumerable.Range(-14, 14).Select(kickoff.AddDays).Where(d => DigestSchedule.ForDate(client, d) is not null).ToList();
        Assert.Equal([kickoff.AddDays(-7), kickoff.AddDays(-3)], gettingReady);
        Assert.All(Enumerable.Range(-14, 14).Select(kickoff.AddDays), d => Assert.Null(DigestSchedule.ForDate(provider, d)));

        var planned = DigestSchedule.ForDate(client, kickoff.AddDays(-7))!;
        var due = Assert.Single(planned.Engagements);
        Assert.True(due.GettingReady);
        var first = Task("Share the hiring plan", kickoff, kickoff.AddDays(2));
        var engagement = Engagement(engagementId, [first, Task("Later work", kickoff.AddDays(20), kickoff.AddDays(22))], kickoff) with
        {
            People = [new DigestPerson(Me, "Ada Client", EngagementRole.TaLead), new DigestPerson(TestIds.Next(), "Lee Provider", EngagementRole.AccountLeader)],
        };
        var recipient = new DigestRecipient("Ada Client", "ada@client.example", [new DigestMembership(engagementId, Me, EngagementRole.TaLead)]);

        var digest = DigestComposer.Compose(recipient, [engagement], Period(kickoff.AddDays(-7), first: true), BaseUrl, Unsubscribe, planned.Engagements);
        var rendered = Render(digest);

        Assert.Equal("Acme RPO · before kickoff: getting ready for Mon 16 Nov", digest!.Subject);
        Assert.Contains("It is on Monday 16 November 2026, in 5 working days.", rendered.Html);
        Assert.Contains("Lee Provider, Account leader", rendered.Html);
        Assert.Contains("Ada Client, TA lead (you)", rendered.Html);
        Assert.Contains("Because Share the hiring plan matters.", rendered.Html);
        Assert.Contains("Why: Because Later work matters.", rendered.Text);
    }

    [Fact]
    public void A_first_digest_counts_nothing_since_a_last_digest()
    {
        var engagementId = TestIds.Next();
        var date = Kickoff.AddDays(9);
        var now = At(date);
        var engagement = Engagement(engagementId, [Task("Set up the ATS", date.AddDays(-4), date.AddDays(-1)) with { Status = DigestTaskStatus.Done, CompletedAt = now.AddDays(-1) }]);

        var digest = DigestComposer.Compose(Recipient(engagementId), [engagement], Period(date, first: true), BaseUrl, Unsubscribe);
        var rendered = Render(digest);

        Assert.Equal("Acme RPO · day 10: 1 recent win", digest!.Subject);
        Assert.DoesNotContain("since your last digest", rendered.Html);
        Assert.DoesNotContain("since your last digest", rendered.Text);
        Assert.Contains("Recent wins", rendered.Html);
    }

    [Fact]
    public void A_task_that_reaches_a_milestone_is_reported_once_as_the_milestone()
    {
        var engagementId = TestIds.Next();
        var date = Kickoff.AddDays(9);
        var now = At(date);
        var task = Task("Go live on the ATS", date.AddDays(-2), date.AddDays(-1)) with { Status = DigestTaskStatus.Done, CompletedAt = now.AddHours(-3) };
        var engagement = Engagement(engagementId, [task]) with
        {
            Milestones = [new DigestMilestone(TestIds.Next(), "ATS live", date.AddDays(-1), now.AddHours(-3), task.Id)],
        };

        var digest = DigestComposer.Compose(Recipient(engagementId), [engagement], Period(date, first: false), BaseUrl, Unsubscribe);

        var win = Assert.Single(digest!.Engagements.Single().Wins);
        Assert.Equal((DigestWinKind.MilestoneReached, "Milestone reached: ATS live"), (win.Kind, win.Text));
        Assert.DoesNotContain("Done: Go live on the ATS", Render(digest).Html);
    }

    private static RenderedDigest Render(DigestModel? digest)
    {
        Assert.NotNull(digest);
        return DigestRenderer.Render(digest);
    }

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);

    private static DigestPeriod Period(DateOnly date, bool first, DateOnly? lastDate = null) =>
        new(date, At(date), first ? null : At(lastDate ?? date.AddDays(-1)), first ? null : lastDate ?? date.AddDays(-1));

    private static DigestRecipientSchedule Schedule(DigestSubscription subscription) =>
        new(TestIds.NextRecipient(), "Europe/London", 8, DigestRecipientSchedule.MondayToFriday, [subscription]);

    private static DigestRecipient Recipient(int engagementId) =>
        new("Ada", "ada@acme.example", [new DigestMembership(engagementId, Me, EngagementRole.Recruiter)]);

    private static DigestEngagement Engagement(int id, IReadOnlyList<DigestTask> tasks, DateOnly? kickoff = null) =>
        new(id, "Acme RPO", "Acme Corp", "Northwind Talent", "#0B6E4F", kickoff ?? Kickoff, (kickoff ?? Kickoff).AddDays(60), tasks, [], [], [], []);

    private static DigestTask Task(string title, DateOnly start, DateOnly due, int? owner = null) =>
        new(TestIds.Next(), title, owner ?? Me, null, DigestTaskStatus.NotStarted, start, due, null,
            $"Do {title}.", $"Because {title} matters.", OwnerRole: EngagementRole.Recruiter);
}
