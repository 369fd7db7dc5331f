using Onboarding.Core.Digests;
using Onboarding.Core.Documents.PlanPack;
using Onboarding.Core.Engagements;

namespace Onboarding.Tests.Unit.Documents;

public class PackModelTests
{
    [Fact]
    public void The_model_lists_outcomes_people_and_values_in_reading_order()
    {
        var engagement = PackModels.LargeEngagement(tasks: 12);
        engagement.Wins.Add(new Win { Kind = WinKind.Kudos, Title = "Late-evening kudos", CreatedAt = new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero) });

        var pack = PackModel.From(engagement, PackModels.Now);

        Assert.Equal(["Hire 60 engineers by the end of next year", "Cut time to fill from 62 to 40 days"], pack.Outcomes.Select(o => o.Title));
        Assert.Equal(
            [EngagementRole.AccountLeader, EngagementRole.Recruiter, EngagementRole.TaLead, EngagementRole.HiringManager, EngagementRole.ExecutiveSponsor],
            pack.Members.Select(m => m.Role));
        Assert.Equal(new PackMeasurement(new DateOnly(2026, 11, 20), 55), pack.Metrics[0].Latest);
        Assert.Null(pack.Metrics[1].Latest);
        // 03:00 UTC on the 24th is still the 23rd in New York, the engagement's zone.
        Assert.Equal(new DateOnly(2026, 11, 23), Assert.Single(pack.Wins).On);
        Assert.Equal(new DateOnly(2026, 11, 23), pack.Today);
        Assert.Equal(12, pack.DayOf(pack.Today));
    }

    [Fact]
    public void Each_task_carries_its_owners_name_and_a_task_nobody_holds_shows_the_role()
    {
        var engagement = PackModels.LargeEngagement(tasks: 3);
        engagement.Tasks[1].Owner = null;
        engagement.Tasks[1].OwnerId = null;

        var pack = PackModel.From(engagement, PackModels.Now);

        Assert.Equal("Alex Morgan (Account leader)", PackContent.Owner(pack.Tasks[0]));
        Assert.Equal("Recruiter", PackContent.Owner(pack.Tasks[1]));
        Assert.Equal(["T0001 Agree the interview slots for role 0 with Alex Morgan"], pack.TasksOf(pack.Members[0]).Select(t => t.Title));
    }

    [Fact]
    public void Digests_follow_the_cadence_of_the_account_leaders_template_as_launched()
    {
        var engagement = PackModels.DemoEngagement();
        var launch = engagement.Templates.Single(t => t.TemplateKey == "rpo-client-launch");
        launch.Content = launch.Content.Replace("days: 1-14", "days: 1-10").Replace("days: 15-45", "days: 11-45");

        var pack = PackModel.From(engagement, PackModels.Now);

        Assert.Equal(new CadenceStage(1, 10, CadenceFrequency.EveryWorkingDay), pack.Cadence.Stages[0]);
        Assert.Equal("Days 1–10", PackContent.CadenceRows(pack)[0].Days);
        // Working days 1–10 of a Monday-to-Friday calendar from Thursday 12 November.
        Assert.Equal("12 Nov – 25 Nov 2026", PackContent.CadenceRows(pack)[0].Dates);
    }

    [Fact]
    public void Without_an_account_leaders_template_digests_follow_the_default_cadence()
    {
        var pack = PackModel.From(PackModels.LargeEngagement(tasks: 3), PackModels.Now);

        Assert.Equal(DigestCadence.Default, pack.Cadence);
    }
}
