using System.Net;
using System.Text.RegularExpressions;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Unit.Digests;

public class DigestComposerTests
{
    private static readonly DateOnly Today = new(2026, 11, 23); // a Monday, day 12 of the engagement
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastDigest = Now.AddDays(-3);
    private static readonly Uri BaseUrl = new("https://onboarding.example/app/");
    private static readonly Uri Unsubscribe = new("https://onboarding.example/app/digests/unsubscribe?token=abc&list=digest");
    private static readonly int EngagementId = TestIds.Next();
    private static readonly int Me = TestIds.Next();
    private static readonly int Colleague = TestIds.Next();

    [Fact]
    public void Subject_names_the_engagement_the_day_and_the_gist()
    {
        var digest = Compose(Engagement(tasks:
        [
            Task("Share interview slots", Me, due: Today.AddDays(1)),
            Task("Approve job templates", Me, due: Today.AddDays(3)),
            Task("Meet the hiring managers", Me, start: Today.AddDays(4), due: Today.AddDays(9)),
            Task("Send the org chart", Me, due: Today.AddDays(-2)),
        ]));

        Assert.Equal("Acme RPO · day 12: 3 things this week, 1 overdue", digest?.Subject);
    }

    [Fact]
    public void Nothing_to_say_gives_no_digest()
    {
        var quiet = Engagement(
            tasks: [Task("Quarterly review", Me, start: Today.AddDays(30), due: Today.AddDays(35)), Task("Someone else's", Colleague, due: Today.AddDays(1))],
            milestones: [new DigestMilestone(TestIds.Next(), "Go-live", Today.AddDays(20), null)],
            glossary: [new DigestGlossaryTerm(TestIds.Next(), "Req", "Vacancy", "An open position.")]);

        Assert.Null(Compose(quiet));
    }

    [Fact]
    public void Coming_up_is_your_open_unblocked_work_for_the_next_seven_days()
    {
        var digest = Compose(Engagement(tasks:
        [
            Task("Due this week", Me, due: Today.AddDays(6)),
            Task("Starts this week", Me, start: Today.AddDays(2), due: Today.AddDays(20)),
            Task("Next week", Me, start: Today.AddDays(7), due: Today.AddDays(8)),
            Task("Colleague's", Colleague, due: Today.AddDays(1)),
            Task("Done already", Me, due: Today.AddDays(1), status: DigestTaskStatus.Done, completedAt: Now.AddDays(-10)),
            Task("Waiting on IT", Me, due: Today.AddDays(2), status: DigestTaskStatus.Blocked, blockedReason: "No laptop"),
        ]));

        var section = Assert.Single(digest!.Engagements);
        Assert.Equal(["Due this week", "Starts this week"], section.ComingUp.Select(t => t.Title));
        Assert.Equal("Waiting on IT", Assert.Single(section.NeedsAttention).Title);
    }

    [Fact]
    public void Account_leaders_see_the_engagements_overdue_and_blocked_work_others_only_their_own()
    {
        var engagement = Engagement(tasks:
        [
            Task("My late task", Me, due: Today.AddDays(-1)),
            Task("Colleague's late task", Colleague, due: Today.AddDays(-4), owner: "Bo"),
            Task("Colleague's blocked task", Colleague, due: Today.AddDays(5), status: DigestTaskStatus.Blocked, blockedReason: "Waiting for ATS access", owner: "Bo"),
        ]);

        var recruiter = Compose(engagement, EngagementRole.Recruiter)!.Engagements.Single();
        var leader = Compose(engagement, EngagementRole.AccountLeader)!.Engagements.Single();

        Assert.Equal(["My late task"], recruiter.NeedsAttention.Select(a => a.Title));
        Assert.Equal(["Colleague's late task", "My late task", "Colleague's blocked task"], leader.NeedsAttention.Select(a => a.Title));
        var late = leader.NeedsAttention[0];
        Assert.Equal((4, false, "Bo"), (late.DaysOverdue, late.IsOwn, late.OwnerName));
        Assert.Equal("Acme RPO · day 12: 2 overdue, 1 blocked", Compose(engagement, EngagementRole.AccountLeader)!.Subject);
    }

    [Fact]
    public void Wins_are_completions_milestones_targets_and_kudos_since_the_last_digest()
    {
        var metric = new DigestMetric(TestIds.Next(), "Time to hire", "days", 45, 30, HigherIsBetter: false,
            [new DigestMeasurement(Now.AddDays(-20), 41), new DigestMeasurement(Now.AddDays(-1), 29)]);
        var digest = Compose(Engagement(
            tasks:
            [
                Task("Kickoff workshop", Colleague, due: Today.AddDays(-2), status: DigestTaskStatus.Done, completedAt: Now.AddDays(-2), owner: "Bo"),
                Task("Old news", Me, due: Today.AddDays(-9), status: DigestTaskStatus.Done, completedAt: Now.AddDays(-4)),
            ],
            milestones: [new DigestMilestone(TestIds.Next(), "ATS live", Today.AddDays(-1), Now.AddHours(-20))],
            metrics: [metric],
            kudos: [new DigestKudos(Now.AddHours(-5), "Cy", "Bo's workshop", "Everyone left with a plan"), new DigestKudos(Now.AddDays(-5), "Cy", "Too old")]));

        var section = digest!.Engagements.Single();
        Assert.Equal(
            [DigestWinKind.TaskCompleted, DigestWinKind.TargetHit, DigestWinKind.MilestoneReached, DigestWinKind.Kudos],
            section.Wins.Select(w => w.Kind));
        Assert.Equal("Done: Kickoff workshop (Bo)", section.Wins[0].Text);
        Assert.Equal("Kudos from Cy: Bo's workshop (Everyone left with a plan)", section.Wins[3].Text);
        Assert.Equal("Acme RPO · day 12: 4 wins since your last digest", digest.Subject);
        var moved = Assert.Single(section.Metrics);
        Assert.Equal((29m, 41m, true), (moved.Latest, moved.Previous, moved.TargetMet));
    }

    [Fact]
    public void A_first_digest_looks_back_one_week_for_wins()
    {
        var engagement = Engagement(tasks:
        [
            Task("Six days ago", Me, due: Today.AddDays(-6), status: DigestTaskStatus.Done, completedAt: Now.AddDays(-6)),
            Task("Eight days ago", Me, due: Today.AddDays(-8), status: DigestTaskStatus.Done, completedAt: Now.AddDays(-8)),
        ]);

        var digest = DigestComposer.Compose(Recipient(EngagementRole.Recruiter), [engagement], new DigestPeriod(Today, Now, Since: null), BaseUrl, Unsubscribe);

        Assert.Equal(["Done: Six days ago"], digest!.Engagements.Single().Wins.Select(w => w.Text));
    }

    [Fact]
    public void Milestones_ahead_are_the_next_three_open_ones()
    {
        var milestones = Enumerable.Range(1, 5)
            .Select(i => new DigestMilestone(TestIds.Next(), $"M{i}", Today.AddDays(10 * i), null))
            .Append(new DigestMilestone(TestIds.Next(), "Reached", Today.AddDays(2), Now.AddDays(-30)))
            .ToList();

        var section = Compose(Engagement(tasks: [Task("Something", Me, due: Today)], milestones: milestones))!.Engagements.Single();

        Assert.Equal(["M1", "M2", "M3"], section.MilestonesAhead.Select(m => m.Title));
        Assert.Equal(10, section.MilestonesAhead[0].DaysAway);
    }

    [Fact]
    public void The_glossary_term_is_fixed_for_a_date_and_rotates_for_daily_and_weekly_readers()
    {
        var glossary = Enumerable.Range(1, 7).Select(i => new DigestGlossaryTerm(TestIds.Next(), $"Term {i}", null, "Meaning")).ToList();
        string? TermOn(DateOnly date)
        {
            var engagement = Engagement(tasks: [Task("Something", Me, due: date)], glossary: glossary);
            return DigestComposer.Compose(Recipient(EngagementRole.Recruiter), [engagement], new DigestPeriod(date, Now, LastDigest), BaseUrl, Unsubscribe)!
                .Engagements.Single().Term?.Term;
        }

        Assert.Equal(TermOn(Today), TermOn(Today));
        Assert.True(Enumerable.Range(0, 14).Select(d => TermOn(Today.AddDays(d))).Distinct().Count() >= 6);
        Assert.True(Enumerable.Range(0, 14).Select(w => TermOn(Today.AddDays(7 * w))).Distinct().Count() >= 5);
        Assert.Equal(7, Enumerable.Range(0, 40).Select(w => TermOn(Today.AddDays(7 * w))).Distinct().Count());
    }

    [Fact]
    public void Several_engagements_share_one_digest_with_a_combined_subject_and_quiet_ones_left_out()
    {
        var globexId = TestIds.Next();
        var initechId = TestIds.Next();
        var globex = Engagement(tasks: [Task("Globex intake", Me, due: Today.AddDays(2)), Task("Globex late", Me, due: Today.AddDays(-1))]) with
        {
            Id = globexId,
            Name = "Globex RPO",
            Kickoff = Today.AddDays(-39),
        };
        var quiet = Engagement(tasks: []) with { Id = initechId, Name = "Initech RPO" };
        var recipient = Recipient(EngagementRole.Recruiter) with
        {
            Memberships =
            [
                new DigestMembership(EngagementId, Me, EngagementRole.Recruiter),
                new DigestMembership(globexId, Me, EngagementRole.Recruiter),
                new DigestMembership(initechId, Me, EngagementRole.Recruiter),
            ],
        };

        var digest = DigestComposer.Compose(
            recipient,
            [Engagement(tasks: [Task("Acme intake", Me, due: Today.AddDays(1))]), globex, quiet],
            new DigestPeriod(Today, Now, LastDigest),
            BaseUrl,
            Unsubscribe);

        Assert.Equal(["Acme RPO", "Globex RPO"], digest!.Engagements.Select(e => e.Name));
        Assert.Equal("Acme RPO (day 12) + Globex RPO (day 40): 2 things this week, 1 overdue", digest.Subject);
    }

    [Fact]
    public void An_engagement_the_recipient_is_not_a_member_of_is_refused()
    {
        var stranger = Recipient(EngagementRole.Recruiter) with { Memberships = [] };

        Assert.Throws<ArgumentException>(() =>
            DigestComposer.Compose(stranger, [Engagement(tasks: [Task("X", Me, due: Today)])], new DigestPeriod(Today, Now, LastDigest), BaseUrl, Unsubscribe));
    }

    [Fact]
    public void Plain_text_carries_each_items_what_and_why_and_its_link()
    {
        var task = Task("Share interview slots", Me, due: Today.AddDays(1)) with
        {
            What = "Add **three** slots to the [shared calendar](https://calendar.example/acme).",
            Why = "Candidates wait less when slots are ready.",
        };

        var text = DigestRenderer.Render(Compose(Engagement(tasks: [task]))!).Text;

        Assert.Contains("COMING UP FOR YOU", text);
        Assert.Contains("What: Add three slots to the shared calendar.", text);
        Assert.Contains("Why: Candidates wait less when slots are ready.", text);
        Assert.Contains($"https://onboarding.example/app/engagements/{EngagementId}/tasks/{task.Id}", text);
        Assert.Contains(Unsubscribe.AbsoluteUri, text);
    }

    [Fact]
    public void Html_links_are_absolute_under_the_base_url()
    {
        var task = Task("Share interview slots", Me, due: Today.AddDays(1));
        var digest = Compose(Engagement(
            tasks: [task, Task("Late", Me, due: Today.AddDays(-1))],
            milestones: [new DigestMilestone(TestIds.Next(), "Go-live", Today.AddDays(20), null)],
            glossary: [new DigestGlossaryTerm(TestIds.Next(), "Req", "Vacancy", "An open position.")],
            kudos: [new DigestKudos(Now.AddHours(-1), "Cy", "Ada's help")]))!;

        var html = DigestRenderer.Render(digest).Html;
        var hrefs = Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        Assert.True(hrefs.Count >= 6);
        Assert.All(hrefs, href => Assert.StartsWith("https://onboarding.example/app/", href));
        Assert.Contains($"https://onboarding.example/app/engagements/{EngagementId}/tasks/{task.Id}", hrefs);
        Assert.Contains(Unsubscribe.AbsoluteUri, hrefs);
        Assert.Contains("https://onboarding.example/app/digests/preferences", hrefs);
    }

    [Fact]
    public void Html_puts_the_provider_on_its_brand_colour_in_a_table_layout()
    {
        var html = DigestRenderer.Render(Compose(Engagement(tasks: [Task("Something", Me, due: Today)]))!).Html;

        Assert.Contains("<table role=\"presentation\"", html);
        Assert.Contains("background-color:#0b6e4f;color:#ffffff;", html);
        Assert.Contains(">Northwind Talent</td>", html);
        Assert.DoesNotContain("<style", html);
    }

    [Fact]
    public void User_text_cannot_inject_markup_or_script()
    {
        var task = Task("<script>alert('title')</script>", Me, due: Today.AddDays(1), owner: "<b>Bo</b>") with
        {
            What = "<script>alert('what')</script> and [click](javascript:alert('link')) and ![pixel](javascript:x)",
            Why = "<img src=x onerror=alert('why')>",
        };
        var engagement = Engagement(tasks: [task]) with
        {
            Name = "Acme <script>alert('name')</script>",
            ClientName = "\"><script>alert('client')</script>",
            ProviderName = "<i>Northwind</i>",
            BrandColour = "red;background:url(javascript:alert(1))",
        };
        var recipient = Recipient(EngagementRole.Recruiter) with { Name = "<script>alert('me')</script>" };

        var html = DigestRenderer.Render(DigestComposer.Compose(recipient, [engagement], new DigestPeriod(Today, Now, LastDigest), BaseUrl, Unsubscribe)!).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<i>Northwind", html);
        Assert.Contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;", html);
        Assert.Contains("click", html);
        Assert.Contains("background-color:#1f4e79;", html);
    }

    [Fact]
    public void A_relative_or_non_web_base_url_is_refused()
    {
        var engagement = Engagement(tasks: [Task("X", Me, due: Today)]);
        var period = new DigestPeriod(Today, Now, LastDigest);

        Assert.Throws<ArgumentException>(() => DigestComposer.Compose(Recipient(EngagementRole.Recruiter), [engagement], period, new Uri("/app", UriKind.Relative), Unsubscribe));
        Assert.Throws<ArgumentException>(() => DigestComposer.Compose(Recipient(EngagementRole.Recruiter), [engagement], period, new Uri("ftp://files.example/"), Unsubscribe));
    }

    private static DigestModel? Compose(DigestEngagement engagement, EngagementRole role = EngagementRole.Recruiter) =>
        DigestComposer.Compose(Recipient(role), [engagement], new DigestPeriod(Today, Now, LastDigest), BaseUrl, Unsubscribe);

    private static DigestRecipient Recipient(EngagementRole role) =>
        new("Ada", "ada@acme.example", [new DigestMembership(EngagementId, Me, role)]);

    private static DigestEngagement Engagement(
        IReadOnlyList<DigestTask> tasks,
        IReadOnlyList<DigestMilestone>? milestones = null,
        IReadOnlyList<DigestGlossaryTerm>? glossary = null,
        IReadOnlyList<DigestMetric>? metrics = null,
        IReadOnlyList<DigestKudos>? kudos = null) => new(
            EngagementId,
            "Acme RPO",
            "Acme Corp",
            "Northwind Talent",
            "#0B6E4F",
            Today.AddDays(-11),
            Today.AddDays(60),
            tasks,
            milestones ?? [],
            glossary ?? [],
            metrics ?? [],
            kudos ?? []);

    private static DigestTask Task(
        string title,
        int ownerId,
        DateOnly due,
        DateOnly? start = null,
        DigestTaskStatus status = DigestTaskStatus.NotStarted,
        DateTimeOffset? completedAt = null,
        string? blockedReason = null,
        string? owner = null) => new(
            TestIds.Next(), title, ownerId, owner, status, start ?? due.AddDays(-3), due, completedAt,
            $"Do {title}.", $"Because {title} matters.", blockedReason);
}
