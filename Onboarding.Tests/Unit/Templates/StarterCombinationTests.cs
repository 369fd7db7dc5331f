using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;

namespace Onboarding.Tests.Unit.Templates;

/// <summary>
/// The starter templates from the real templates folder, planned as a launch plans them (through <see cref="PlanWriter.Applications"/>)
/// for every combination of them, with three hiring managers and two recruiters.
/// </summary>
public class StarterCombinationTests
{
    private static readonly TemplateCatalog Catalog = TemplateCatalog.Load(RepoPaths.Templates);
    private static readonly DateOnly Kickoff = new(2026, 1, 5);
    private static readonly DateOnly GoLive = new(2026, 2, 9);

    private static readonly string[] Starters = ["rpo-client-launch", "first-time-buyer", "recruiter-onboarding"];

    public static TheoryData<string[]> Combinations()
    {
        var data = new TheoryData<string[]>();
        for (var mask = 1; mask < 1 << Starters.Length; mask++)
        {
            data.Add(Starters.Where((_, i) => (mask & (1 << i)) != 0).ToArray());
        }
        return data;
    }

    private static readonly List<Member> Members =
    [
        Person("Ada Leader", "ada@provider.example", EngagementRole.AccountLeader, 1),
        Person("Tom Lead", "tom@client.example", EngagementRole.TaLead, 2),
        Person("Sue Sponsor", "sue@client.example", EngagementRole.ExecutiveSponsor, 3),
        Person("Marta Manager", "marta@client.example", EngagementRole.HiringManager, 4),
        Person("Hugo Manager", "hugo@client.example", EngagementRole.HiringManager, 5),
        Person("Ines Manager", "ines@client.example", EngagementRole.HiringManager, 6),
        Person("Ann Recruiter", "ann@provider.example", EngagementRole.Recruiter, 7),
        Person("Bob Recruiter", "bob@provider.example", EngagementRole.Recruiter, 8),
    ];

    private static Member Person(string name, string email, EngagementRole role, int id) => new()
    {
        Id = id,
        Name = name,
        Email = email,
        Role = role,
        CalendarToken = $"calendar-{id}",
        UnsubscribeToken = $"unsubscribe-{id}",
        CreatedAt = new DateTimeOffset(2026, 1, 1, 9, id, 0, TimeSpan.Zero),
    };

    private static GeneratedPlan Plan(IEnumerable<string> keys, DateOnly goLive) =>
        PlanGenerator.Generate(Kickoff, goLive, BusinessCalendar.MondayToFriday, PlanWriter.Applications(keys.Select(k => Catalog.Find(k)!), Members));

    [Fact]
    public void The_catalog_checks_clean_across_templates()
    {
        Assert.Empty(Catalog.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Every_task_starts_after_every_task_it_depends_on_is_due(string[] keys)
    {
        var plan = Plan(keys, GoLive);
        var byKey = plan.Tasks.ToDictionary(t => t.Key);

        Assert.Empty(plan.UnresolvedOwners);
        Assert.All(plan.Tasks, task => Assert.All(task.DependsOn, dependency =>
            Assert.True(byKey[dependency].Due < task.Start, $"{task.Key} starts {task.Start:yyyy-MM-dd}, before {dependency} is due {byKey[dependency].Due:yyyy-MM-dd}")));
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void With_go_live_five_weeks_after_kickoff_no_task_is_pushed_past_its_planned_day(string[] keys)
    {
        var plan = Plan(keys, GoLive);

        Assert.All(plan.Tasks, t => Assert.True(t.Warning is null, $"{t.Key}: {t.Warning}"));
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void No_shared_step_is_planned_twice_and_the_plan_has_three_phases(string[] keys)
    {
        var plan = Plan(keys, GoLive);

        // A per-person shared step is one task per person: one plan key before the '@'.
        Assert.All(
            plan.Tasks.Where(t => t.SharedKey is not null).GroupBy(t => t.SharedKey),
            g => Assert.Single(g.Select(t => t.Key.Split(PersonalCopies.KeySeparator)[0]).Distinct()));
        Assert.Equal(3, plan.Tasks.Select(t => (t.PhaseKey, t.PhaseTitle)).Distinct().Count());
    }

    [Fact]
    public void All_three_together_hold_each_review_and_each_month_of_check_ins_once_with_everyone()
    {
        var plan = Plan(Starters, GoLive).Tasks;

        foreach (var review in new[] { "review-30", "review-60", "review-90" })
        {
            var task = Assert.Single(plan, t => t.TaskKey == review);
            Assert.Equal(($"rpo-client-launch/{review}", EngagementRole.AccountLeader), (task.Key, task.OwnerRole));
            Assert.Superset(
                new HashSet<EngagementRole> { EngagementRole.TaLead, EngagementRole.ExecutiveSponsor, EngagementRole.HiringManager, EngagementRole.Recruiter },
                task.ParticipantRoles.ToHashSet());
        }
        Assert.Single(plan, t => t.Title == "Run the weekly check-ins of the first month");
        Assert.DoesNotContain(plan, t => t.Title == "Hold the weekly check-ins of the first month");
        Assert.Contains(EngagementRole.Recruiter, plan.Single(t => t.SharedKey == "weekly-checkins-month-1").ParticipantRoles);
        var access = Assert.Single(plan, t => t.SharedKey == "systems-access");
        Assert.Equal("Grant systems access", access.Title);
        Assert.Equal(3, plan.Count(t => t.SharedKey == "intake-meetings"));
        Assert.Single(plan, t => t.SharedKey == "go-live-readiness" && t.IsMilestone);
    }

    [Fact]
    public void The_fixed_order_problems_are_fixed_when_all_three_are_applied()
    {
        var plan = Plan(Starters, GoLive).Tasks;
        DateOnly Due(string key) => plan.Where(t => t.Key == key || t.Key.StartsWith(key + "@", StringComparison.Ordinal)).Max(t => t.Due);
        DateOnly Start(string key) => plan.Where(t => t.Key == key || t.Key.StartsWith(key + "@", StringComparison.Ordinal)).Min(t => t.Start);
        const string Ann = "recruiter-onboarding/ann-provider-example";

        Assert.True(Start($"{Ann}/tools-training") > Due("rpo-client-launch/grant-access"));
        Assert.True(Start($"{Ann}/shadow-intake") >= Start("rpo-client-launch/intake-meetings"));
        Assert.True(Start($"{Ann}/learn-vocabulary") > Due("rpo-client-launch/publish-glossary"));
        Assert.True(Start($"{Ann}/read-shared-purpose") > Due("rpo-client-launch/shared-purpose"));
        Assert.True(Start("rpo-client-launch/first-requisitions") > Due($"{Ann}/first-job-ads"));
        // Every hiring manager reviews each recruiter's job ads.
        Assert.Equal(3, plan.Count(t => t.Key.StartsWith($"{Ann}/review-job-ad@", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_go_live_readiness_milestone_moves_with_go_live()
    {
        var before = Plan(Starters, GoLive).Tasks;
        var after = Plan(Starters, GoLive.AddDays(14)).Tasks;

        Assert.Equal(GoLive, before.Single(t => t.SharedKey == "go-live-readiness").Start);
        Assert.Equal(GoLive.AddDays(14), after.Single(t => t.SharedKey == "go-live-readiness").Start);
        Assert.Equal(
            before.Where(t => t.Anchor == DayAnchor.Kickoff).Select(t => (t.Key, t.Start)),
            after.Where(t => t.Anchor == DayAnchor.Kickoff).Select(t => (t.Key, t.Start)));
    }
}
