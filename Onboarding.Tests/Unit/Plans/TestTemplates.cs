using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;

namespace Onboarding.Tests.Unit.Plans;

/// <summary>Templates built in code, for tests about dates rather than about the file format.</summary>
internal static class TestTemplates
{
    public static readonly IReadOnlyDictionary<EngagementRole, string> EveryRole =
        Enum.GetValues<EngagementRole>().ToDictionary(r => r, r => $"{r.ToKey()}@example.com");

    public static TemplateTask Task(string key, int start, int duration, params string[] dependsOn) =>
        Task(key, start, duration, EngagementRole.AccountLeader, dependsOn);

    public static TemplateTask Task(string key, int start, int duration, EngagementRole owner, params string[] dependsOn) =>
        new(key, $"Task {key}", "all", start, duration, owner, dependsOn, false, [], $"Do {key}.", $"Because {key}.", 0);

    public static PlanTemplate Template(string key, DayAnchor anchor, params TemplateTask[] tasks) =>
        new(key, $"Template {key}", 1, TemplateAudience.AccountLeader, anchor,
            [new TemplatePhase("all", "Whole plan", 1, 100_000)], tasks, [], [], DigestCadence.Default, $"{key}.md", "", 2);

    public static PlanTemplate Template(params TemplateTask[] tasks) => Template("tpl", DayAnchor.Kickoff, tasks);
}
