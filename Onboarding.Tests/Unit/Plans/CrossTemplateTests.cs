using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;
using static Onboarding.Tests.Unit.Plans.TestTemplates;

namespace Onboarding.Tests.Unit.Plans;

/// <summary>Several templates in one launch: dependencies across them, shared steps, and tasks counting from go-live.</summary>
public class CrossTemplateTests
{
    private static readonly DateOnly Monday = new(2026, 1, 5);
    private static readonly BusinessCalendar Calendar = BusinessCalendar.MondayToFriday;

    private static PlanTemplate Client(params TemplateTask[] tasks) => Template("client", DayAnchor.Kickoff, tasks) with { Audience = TemplateAudience.Client };

    private static PlanTemplate Leader(params TemplateTask[] tasks) => Template("leader", DayAnchor.Kickoff, tasks);

    private static PlanTemplate Recruiter(params TemplateTask[] tasks) => Template("recruiter", DayAnchor.Kickoff, tasks) with { Audience = TemplateAudience.Recruiter };

    private static GeneratedPlan Generate(params TemplateApplication[] applications) => PlanGenerator.Generate(Monday, Monday.AddDays(14), Calendar, applications);

    private static TemplateApplication Apply(PlanTemplate template, string instance = "") =>
        new(template, instance, instance.Length == 0 ? EveryRole : new Dictionary<EngagementRole, string>(EveryRole) { [EngagementRole.Recruiter] = $"{instance}@example.com" });

    [Fact]
    public void A_task_waits_for_a_task_of_another_template_and_says_which_template_moved_it()
    {
        var leader = Leader(Task("grant", 1, 5, EngagementRole.TaLead));
        var client = Client(Task("train", 2, 2, EngagementRole.TaLead, "leader/grant"));

        var train = Generate(Apply(client), Apply(leader)).Tasks.Single(t => t.Key == "client/train");

        Assert.Equal(["leader/grant"], train.DependsOn);
        Assert.Equal(new DateOnly(2026, 1, 12), train.Start);
        Assert.Equal("starts 4 working days later than planned because 'Task grant' is due on 2026-01-09", train.Warning);
        Assert.Equal("leader", train.MovedByTemplate);
    }

    [Fact]
    public void A_dependency_on_a_template_outside_the_launch_is_ignored()
    {
        var client = Client(Task("train", 2, 2, EngagementRole.TaLead, "leader/grant"));

        var train = Generate(Apply(client)).Tasks.Single();

        Assert.Empty(train.DependsOn);
        Assert.Equal(new DateOnly(2026, 1, 6), train.Start);
        Assert.Null(train.Warning);
    }

    [Fact]
    public void A_recruiter_task_waits_for_the_single_client_task_and_a_client_task_waits_for_every_recruiter()
    {
        var leader = Leader(Task("grant", 1, 3, EngagementRole.TaLead), Task("open", 10, 1, EngagementRole.AccountLeader, "recruiter/ads"));
        var recruiter = Recruiter(Task("tools", 2, 1, EngagementRole.Recruiter, "leader/grant"), Task("ads", 5, 2, EngagementRole.Recruiter));

        var plan = Generate(Apply(leader), Apply(recruiter, "ann"), Apply(recruiter, "bob")).Tasks;

        Assert.Equal(["leader/grant"], plan.Single(t => t.Key == "recruiter/ann/tools").DependsOn);
        Assert.Equal(["leader/grant"], plan.Single(t => t.Key == "recruiter/bob/tools").DependsOn);
        Assert.Equal(new DateOnly(2026, 1, 8), plan.Single(t => t.Key == "recruiter/bob/tools").Start);
        Assert.Equal(["recruiter/ann/ads", "recruiter/bob/ads"], plan.Single(t => t.Key == "leader/open").DependsOn);
    }

    [Fact]
    public void Shared_tasks_become_one_led_by_the_account_leader_template_with_every_owner_attending()
    {
        var client = Client(
            Task("prep", 1, 3, EngagementRole.TaLead),
            Task("review", 10, 1, EngagementRole.TaLead, "prep") with { SharedKey = "review", Participants = [EngagementRole.ExecutiveSponsor] },
            Task("after", 11, 1, EngagementRole.TaLead, "review"));
        var leader = Leader(Task("review-30", 10, 1, EngagementRole.AccountLeader) with { SharedKey = "review", IsMilestone = true, Participants = [EngagementRole.HiringManager] });
        var recruiter = Recruiter(Task("my-review", 10, 1, EngagementRole.Recruiter) with { SharedKey = "review" });

        // The client template comes first in the launch, and still does not lead: the order is fixed.
        var plan = Generate(Apply(client), Apply(recruiter, "ann"), Apply(leader), Apply(recruiter, "bob")).Tasks;

        var review = Assert.Single(plan, t => t.SharedKey == "review");
        Assert.Equal(("leader/review-30", EngagementRole.AccountLeader, true), (review.Key, review.OwnerRole, review.IsMilestone));
        Assert.Equal(
            new[] { EngagementRole.HiringManager, EngagementRole.TaLead, EngagementRole.ExecutiveSponsor, EngagementRole.Recruiter }.Order(),
            review.ParticipantRoles.Order());
        Assert.Equal(["client/prep"], review.DependsOn);
        Assert.Equal(["leader/review-30"], plan.Single(t => t.Key == "client/after").DependsOn);
        Assert.DoesNotContain(plan, t => t.Key is "client/review" or "recruiter/ann/my-review" or "recruiter/bob/my-review");
    }

    [Fact]
    public void Copies_of_one_template_share_their_shared_step()
    {
        var recruiter = Recruiter(Task("checkin", 2, 5, EngagementRole.AccountLeader) with { SharedKey = "checkin" });

        var plan = Generate(Apply(recruiter, "ann"), Apply(recruiter, "bob")).Tasks;

        Assert.Equal("recruiter/ann/checkin", Assert.Single(plan).Key);
    }

    [Fact]
    public void A_task_counting_from_go_live_moves_with_go_live_and_the_others_stay()
    {
        var leader = Leader(Task("kickoff", 1, 1), Task("ready", 1, 1) with { Anchor = DayAnchor.GoLive });

        var early = PlanGenerator.Generate(Monday, new DateOnly(2026, 2, 2), Calendar, [Apply(leader)]).Tasks.ToDictionary(t => t.TaskKey);
        var late = PlanGenerator.Generate(Monday, new DateOnly(2026, 2, 9), Calendar, [Apply(leader)]).Tasks.ToDictionary(t => t.TaskKey);

        Assert.Equal((new DateOnly(2026, 2, 2), DayAnchor.GoLive), (early["ready"].Start, early["ready"].Anchor));
        Assert.Equal(new DateOnly(2026, 2, 9), late["ready"].Start);
        Assert.Equal(Monday, late["kickoff"].Start);
    }

    [Fact]
    public void Moving_go_live_in_a_running_plan_moves_the_go_live_task()
    {
        var leader = Leader(Task("kickoff", 1, 1), Task("ready", 1, 1) with { Anchor = DayAnchor.GoLive });
        var states = PlanGenerator.Generate(Monday, new DateOnly(2026, 2, 2), Calendar, [Apply(leader)]).Tasks.Select(t => t.ToState()).ToList();

        var moved = PlanRescheduler.MoveAnchor(states, DayAnchor.GoLive, new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 16), Calendar).ToDictionary(t => t.Key);

        Assert.Equal(new DateOnly(2026, 2, 16), moved["leader/ready"].Start);
        Assert.Equal(Monday, moved["leader/kickoff"].Start);
    }

    [Fact]
    public void A_cycle_across_templates_is_refused()
    {
        var leader = Leader(Task("a", 1, 1, EngagementRole.AccountLeader, "client/b"));
        var client = Client(Task("b", 1, 1, EngagementRole.TaLead, "leader/a"));

        var error = Assert.Throws<ArgumentException>(() => Generate(Apply(leader), Apply(client)));

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }
}
