using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;

namespace Onboarding.Tests.Unit.Templates;

public class StarterTemplateTests
{
    public static TheoryData<string> StarterKeys => ["rpo-client-launch", "first-time-buyer", "recruiter-onboarding"];

    private static readonly TemplateCatalog Catalog = TemplateCatalog.Load(RepoPaths.Templates);

    [Fact]
    public void Every_template_in_the_repository_validates_clean()
    {
        Assert.Empty(Catalog.Errors.Select(e => e.ToString()));
        Assert.Equal(Catalog.FileCount, Catalog.Templates.Count);
    }

    [Theory]
    [MemberData(nameof(StarterKeys))]
    public void Starter_template_has_at_least_25_tasks_each_with_what_and_why(string key)
    {
        var template = Catalog.Find(key);

        Assert.NotNull(template);
        Assert.True(template.Tasks.Count >= 25, $"{key} has {template.Tasks.Count} tasks");
        Assert.All(template.Tasks, t =>
        {
            Assert.True(t.What.Length >= 80, $"{t.Key}: what is too thin");
            Assert.True(t.Why.Length >= 80, $"{t.Key}: why is too thin");
        });
    }

    [Theory]
    [MemberData(nameof(StarterKeys))]
    public void Starter_template_marks_its_30_60_and_90_day_reviews_as_milestones(string key)
    {
        var milestones = Catalog.Find(key)!.Tasks.Where(t => t.IsMilestone).Select(t => t.Key).ToList();

        Assert.Contains("review-30", milestones);
        Assert.Contains("review-60", milestones);
        Assert.Contains("review-90", milestones);
    }

    [Theory]
    [MemberData(nameof(StarterKeys))]
    public void Starter_template_dates_fit_its_own_offsets_without_warnings(string key)
    {
        var template = Catalog.Find(key)!;
        var owners = Enum.GetValues<EngagementRole>().ToDictionary(r => r, r => r.ToKey());

        // Go-live five weeks after kickoff, as the launch form suggests: a go-live readiness check at kickoff would rightly warn.
        var plan = PlanGenerator.Generate(new(2026, 1, 5), new(2026, 2, 9), BusinessCalendar.MondayToFriday, [new(template, "", owners)]);

        Assert.All(plan.Tasks, t => Assert.Null(t.Warning));
    }

    [Fact]
    public void Client_launch_carries_glossary_metrics_and_the_default_cadence()
    {
        var template = Catalog.Find("rpo-client-launch")!;

        Assert.Contains(template.Glossary, g => g.ClientTerm == "Requisition" && g.ProviderTerm == "Job order");
        // A few early indicators and service levels of both sides, and the lagging outcomes they lead to.
        Assert.InRange(template.Metrics.Count, 3, 8);
        Assert.Contains(template.Metrics, m => m.Side == Onboarding.Core.Engagements.MetricSide.Provider);
        Assert.Contains(template.Metrics, m => m.Side == Onboarding.Core.Engagements.MetricSide.Client);
        Assert.Equal(Onboarding.Core.Digests.DigestCadence.Default.Stages, template.Cadence.Stages);
        Assert.Equal(TemplateAudience.AccountLeader, template.Audience);
    }

    [Fact]
    public void Owners_match_each_template_audience()
    {
        Assert.All(Catalog.Find("first-time-buyer")!.Tasks, t => Assert.True(t.Owner.IsClientRole(), t.Key));
        var recruiter = Catalog.Find("recruiter-onboarding")!.Tasks;
        Assert.True(recruiter.Count(t => t.Owner == EngagementRole.Recruiter) > recruiter.Count / 2);
        Assert.Contains(recruiter, t => t.Owner == EngagementRole.AccountLeader && t.Key.StartsWith("weekly-checkins", StringComparison.Ordinal));
    }
}
