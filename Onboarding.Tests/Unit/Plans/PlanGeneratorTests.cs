using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;
using static Onboarding.Tests.Unit.Plans.TestTemplates;

namespace Onboarding.Tests.Unit.Plans;

public class PlanGeneratorTests
{
    private static readonly DateOnly Saturday = new(2026, 1, 3);
    private static readonly DateOnly GoLive = new(2026, 3, 2);

    [Fact]
    public void Day_one_is_the_anchor_rolled_to_a_working_day_and_offsets_count_working_days()
    {
        var calendar = new BusinessCalendar(BusinessCalendar.MondayToFriday.WorkingDays, [new(2026, 1, 12)]);
        var template = Template(Task("first", 1, 1), Task("second", 6, 3));

        var tasks = Generate(calendar, new TemplateApplication(template, "", EveryRole)).Tasks;

        Assert.Equal((new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 5)), (tasks[0].Start, tasks[0].Due));
        // Day 6 would be Monday the 12th, a holiday here: the 13th is the sixth working day.
        Assert.Equal((new DateOnly(2026, 1, 13), new DateOnly(2026, 1, 15)), (tasks[1].Start, tasks[1].Due));
        Assert.All(tasks, t => Assert.Null(t.Warning));
    }

    [Fact]
    public void A_task_held_back_by_its_dependency_says_how_late_and_why()
    {
        var template = Template(Task("a", 1, 5), Task("b", 3, 2, "a"));

        var b = Generate(BusinessCalendar.MondayToFriday, new TemplateApplication(template, "", EveryRole)).Tasks.Single(t => t.TaskKey == "b");

        Assert.Equal((new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 13)), (b.Start, b.Due));
        Assert.Equal("starts 3 working days later than planned because 'Task a' is due on 2026-01-09", b.Warning);
        Assert.Equal(3, b.PlannedStartDay);
    }

    [Fact]
    public void Go_live_templates_count_from_go_live()
    {
        var template = Template("after-go-live", DayAnchor.GoLive, Task("a", 2, 1));

        var task = Generate(BusinessCalendar.MondayToFriday, new TemplateApplication(template, "", EveryRole)).Tasks.Single();

        Assert.Equal(new DateOnly(2026, 3, 3), task.Start);
    }

    [Fact]
    public void Plan_keys_combine_template_instance_and_task_and_carry_everything_the_template_said()
    {
        var template = Template("recruiter", DayAnchor.Kickoff, Task("meet", 1, 1), Task("learn", 2, 1, EngagementRole.Recruiter, "meet"));
        var owners = new Dictionary<EngagementRole, string> { [EngagementRole.AccountLeader] = "al@example.com", [EngagementRole.Recruiter] = "jo@example.com" };

        var tasks = Generate(BusinessCalendar.MondayToFriday, new TemplateApplication(template, "jo@example.com", owners)).Tasks;

        var learn = tasks.Single(t => t.TaskKey == "learn");
        Assert.Equal("recruiter/jo@example.com/learn", learn.Key);
        Assert.Equal(["recruiter/jo@example.com/meet"], learn.DependsOn);
        Assert.Equal(("recruiter", 1, "jo@example.com"), (learn.TemplateKey, learn.TemplateVersion, learn.InstanceKey));
        Assert.Equal(("all", "Whole plan", "Task learn", "Do learn.", "Because learn."), (learn.PhaseKey, learn.PhaseTitle, learn.Title, learn.What, learn.Why));
        Assert.Equal((EngagementRole.Recruiter, "jo@example.com"), (learn.OwnerRole, learn.OwnerReference));
        Assert.Equal("recruiter/meet", PlanKeys.For("recruiter", "", "meet"));
    }

    [Fact]
    public void Roles_nobody_fills_are_reported_instead_of_failing()
    {
        var template = Template(Task("a", 1, 1, EngagementRole.TaLead), Task("b", 2, 1, EngagementRole.TaLead), Task("c", 3, 1, EngagementRole.AccountLeader));
        var owners = new Dictionary<EngagementRole, string> { [EngagementRole.AccountLeader] = "al@example.com" };

        var plan = Generate(BusinessCalendar.MondayToFriday, new TemplateApplication(template, "", owners));

        var unresolved = Assert.Single(plan.UnresolvedOwners);
        Assert.Equal(("tpl", "", EngagementRole.TaLead), (unresolved.TemplateKey, unresolved.InstanceKey, unresolved.Role));
        Assert.Equal(["tpl/a", "tpl/b"], unresolved.TaskKeys);
        Assert.Null(plan.Tasks.Single(t => t.TaskKey == "a").OwnerReference);
    }

    [Fact]
    public void Tasks_of_several_applications_come_out_in_start_order()
    {
        var template = Template(Task("late", 5, 1), Task("early", 1, 1));

        var plan = Generate(BusinessCalendar.MondayToFriday,
            new TemplateApplication(template, "ann", EveryRole), new TemplateApplication(template, "bob", EveryRole));

        Assert.Equal(["tpl/ann/early", "tpl/bob/early", "tpl/ann/late", "tpl/bob/late"], plan.Tasks.Select(t => t.Key));
    }

    [Fact]
    public void The_same_template_and_instance_twice_is_refused()
    {
        var application = new TemplateApplication(Template(Task("a", 1, 1)), "x", EveryRole);

        Assert.Throws<ArgumentException>(() => Generate(BusinessCalendar.MondayToFriday, application, application));
        Assert.Throws<ArgumentException>(() => Generate(BusinessCalendar.MondayToFriday, application with { InstanceKey = "a/b" }));
    }

    private static GeneratedPlan Generate(BusinessCalendar calendar, params TemplateApplication[] applications) =>
        PlanGenerator.Generate(Saturday, GoLive, calendar, applications);
}
