using Onboarding.Core.Accounts;
using Onboarding.Core.Documents.PlanPack;
using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;
using Onboarding.Tests.Support;
using Onboarding.Tests.Unit.Templates;

namespace Onboarding.Tests.Unit.Documents;

/// <summary>
/// Engagements built in memory as the app builds them (members, then <see cref="PlanWriter"/>),
/// turned into pack models by the same <see cref="PackModel.From"/> the loader uses.
/// </summary>
internal static class PackModels
{
    public const string UnusualName = "Zażółć Ñandú Øster";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Kickoff = new(2026, 11, 12);

    private static readonly Lazy<TemplateCatalog> Templates = new(() => TemplateCatalog.Load(RepoPaths.Templates));

    /// <summary>The demo engagement: the three starter templates (about 90 tasks) on day 12, with progress, a blocked task, metrics and wins.</summary>
    public static Engagement DemoEngagement()
    {
        var engagement = NewEngagement();
        var templates = new[] { "rpo-client-launch", "first-time-buyer", "recruiter-onboarding" }.Select(k => Templates.Value.Find(k)!).ToList();
        var applications = PlanWriter.Applications(templates, engagement.Members);
        PlanWriter.Add(engagement, PlanWriter.Generate(engagement, applications), applications, Now);

        var today = DateOnly.FromDateTime(Now.Date);
        foreach (var task in engagement.Tasks.Where(t => t.Due < today))
        {
            task.Status = PlanTaskStatus.Done;
            task.CompletedAt = new DateTimeOffset(task.Due.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero);
        }

        var blocked = engagement.Tasks.First(t => t.Start <= today && t.Due >= today && t.OwnerRole == EngagementRole.HiringManager);
        blocked.Status = PlanTaskStatus.Blocked;
        blocked.BlockedReason = "Waiting for IT to grant scheduling access";
        foreach (var milestone in engagement.Milestones.Where(m => m.Task!.Status == PlanTaskStatus.Done))
        {
            milestone.ReachedAt = milestone.Task!.CompletedAt;
            engagement.Wins.Add(new Win { Kind = WinKind.MilestoneReached, Title = $"Milestone reached: {milestone.Title}", CreatedAt = milestone.ReachedAt!.Value });
        }

        engagement.Wins.Add(new Win { Kind = WinKind.Kudos, Title = "Feedback within 24 hours all week", Body = "That is how we reach **40 days**.", CreatedAt = Now.AddHours(-3) });
        return engagement;
    }

    public static PackModel Demo() => PackModel.From(DemoEngagement(), Now);

    /// <summary>
    /// A plan of <paramref name="tasks"/> tasks over 90 days in three phases, titled "T0001 …" so titles never
    /// contain each other; every 25th task has a long URL and an unbreakable word, and the glossary runs over pages.
    /// </summary>
    public static Engagement LargeEngagement(int tasks, int terms = 60)
    {
        const string url = "https://example.com/engagements/acme/tasks/0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz/history?with=everything";
        var longWord = string.Concat(Enumerable.Repeat("Überqualifiziert", 14));
        var engagement = NewEngagement();
        var members = engagement.Members;
        string[] phases = ["Days 1–30: learn and connect", "Days 31–60: deliver and adjust", "Days 61–90: prove and improve"];
        for (var i = 0; i < tasks; i++)
        {
            var start = Kickoff.AddDays(i * 88 / tasks);
            var owner = members[i % members.Count];
            var task = new PlanTask
            {
                Id = i + 1,
                Key = $"task-{i + 1}",
                Title = $"T{i + 1:0000} Agree the interview slots for role {i % 17} with {owner.Name}",
                PhaseKey = $"phase-{(start.DayNumber - Kickoff.DayNumber) / 30}",
                PhaseTitle = phases[(start.DayNumber - Kickoff.DayNumber) / 30],
                Start = start,
                Due = start.AddDays(i % 5),
                OwnerRole = owner.Role,
                Owner = owner,
                Status = (PlanTaskStatus)(i % 5),
                BlockedReason = i % 5 == (int)PlanTaskStatus.Blocked ? "Waiting for the hiring budget" : null,
                What = i % 25 == 0
                    ? $"Book the slots in the shared calendar, see {url} and the {longWord} notes."
                    : $"Book **three slots a week** for role {i % 17} in the shared calendar, and say who covers holidays.",
                Why = i % 3 == 0
                    ? "Candidates hear back within *48 hours*, which keeps offer acceptance high; slow scheduling is the main reason good candidates drop out of a process, so this is where the first weeks pay off most."
                    : "Candidates hear back within *48 hours*, which keeps offer acceptance high.",
                IsMilestone = i % 30 == 29,
            };
            engagement.Tasks.Add(task);
            if (task.IsMilestone)
            {
                engagement.Milestones.Add(new Milestone { Id = i + 1, Title = $"Milestone {i / 30 + 1}", Date = task.Due, Task = task });
            }
        }

        for (var i = 1; i <= terms; i++)
        {
            engagement.Glossary.Add(new GlossaryTerm { ClientTerm = $"Term {i:00}", ProviderTerm = $"Word {i:00}", Definition = $"What both sides mean by term {i:00}: an *approved* opening that recruiting may work on, with its budget signed off.", Agreed = i % 4 != 0 });
        }

        return engagement;
    }

    public static PackModel Large(int tasks) => PackModel.From(LargeEngagement(tasks), Now);

    private static Engagement NewEngagement()
    {
        var provider = new Organisation { Id = 1, Name = "Northstar Talent", Kind = OrganisationKind.Provider, BrandColour = "#1f5f8b" };
        var client = new Organisation { Id = 2, Name = "Acme Robotics", Kind = OrganisationKind.Client };
        var engagement = new Engagement
        {
            Id = 7,
            Name = "Acme Robotics RPO launch",
            Provider = provider,
            Client = client,
            Kickoff = Kickoff,
            GoLive = Kickoff.AddDays(28),
            TimeZone = "America/New_York",
            SharedPurpose = "Together we build the engineering team that takes Acme's robots to **50 customer sites**.",
            Outcomes =
            [
                new BusinessOutcome { Id = 2, Title = "Cut time to fill from 62 to 40 days", HowMeasured = "Median days from approval to accepted offer", Position = 1 },
                new BusinessOutcome { Id = 1, Title = "Hire 60 engineers by the end of next year", HowMeasured = "Accepted offers against the hiring plan", Position = 0 },
            ],
            Metrics =
            [
                new Metric
                {
                    Id = 1, Name = "Time to fill", Unit = "days", Direction = MetricDirection.LowerIsBetter, Baseline = 62, Target = 40, HowMeasured = "Median over roles filled in the month",
                    Measurements = [new Measurement { MeasuredOn = new DateOnly(2026, 11, 20), Value = 55 }, new Measurement { MeasuredOn = new DateOnly(2026, 11, 13), Value = 60 }],
                },
                new Metric { Id = 2, Name = "Hiring manager satisfaction", Unit = "score /5", Direction = MetricDirection.HigherIsBetter, Baseline = 3.6m, Target = 4.5m, HowMeasured = "Survey after each hire" },
            ],
        };
        var people = new (string Name, string Email, EngagementRole Role, string Title, string Zone, int Hour, DigestPreference Digests)[]
        {
            ("Alex Morgan", "alex.morgan@northstar.example", EngagementRole.AccountLeader, "Account leader", "Europe/London", 8, DigestPreference.Cadence),
            ("Riya Shah", "riya.shah@northstar.example", EngagementRole.Recruiter, "Embedded recruiter", "Europe/London", 9, DigestPreference.Cadence),
            ("Tomás Herrera", "tomas.herrera@acme.example", EngagementRole.TaLead, "Head of Talent Acquisition", "America/New_York", 8, DigestPreference.WeeklyOnly),
            (UnusualName, "hm@acme.example", EngagementRole.HiringManager, "Engineering Manager, Robotics", "America/Chicago", 7, DigestPreference.Cadence),
            ("Samuel Okafor", "samuel.okafor@acme.example", EngagementRole.ExecutiveSponsor, "Chief People Officer", "America/New_York", 8, DigestPreference.None),
        };
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            var member = TestPeople.NewMember(person.Name, person.Email, person.Role, person.Zone, digestHour: person.Hour, title: person.Title);
            member.Id = i + 1;
            member.DigestPreference = person.Digests;
            member.CreatedAt = Now.AddDays(-30).AddMinutes(i);
            engagement.Members.Add(member);
        }

        return engagement;
    }
}
