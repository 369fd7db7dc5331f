using Onboarding.Core.Accounts;
using Onboarding.Core.Engagements;
using Onboarding.Core.Markdown;
using Onboarding.Core.People;
using Onboarding.Core.Templates;

/// <summary>
/// Engagements built in memory the way the app launches them: members, then the starter templates
/// through <see cref="PlanWriter"/>, with the first eleven days played as the demo plays them.
/// </summary>
internal static class BenchEngagements
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    private static readonly string[] TemplateKeys = ["rpo-client-launch", "first-time-buyer", "recruiter-onboarding"];

    /// <summary>
    /// The demo engagement with <paramref name="recruiters"/> recruiters; the recruiter template is applied
    /// once per recruiter (about 32 tasks each), so one gives the demo's plan of about 90 tasks. With
    /// <paramref name="maxTasks"/> the plan is cut to that many tasks, the latest dropped.
    /// </summary>
    public static Engagement Build(TemplateCatalog templates, int recruiters, int? maxTasks = null)
    {
        var provider = new Organisation { Id = 1, Name = "Northstar Talent", Kind = OrganisationKind.Provider, BrandColour = "#1f5f8b" };
        var client = new Organisation { Id = 2, Name = "Acme Robotics", Kind = OrganisationKind.Client };
        var kickoff = new DateOnly(2026, 11, 12);
        var engagement = new Engagement
        {
            Id = 1,
            Name = "Acme Robotics RPO launch",
            Provider = provider,
            Client = client,
            Kickoff = kickoff,
            GoLive = kickoff.AddDays(28),
            TimeZone = "America/New_York",
            SharedPurpose = "Together we build the engineering team that takes Acme's warehouse robots from pilot to **50 customer sites**: "
                + "hiring faster without lowering the bar, and giving every candidate an experience that makes them want to join.",
            Outcomes =
            [
                new BusinessOutcome { Title = "Hire 60 engineers and technicians by the end of next year", HowMeasured = "Accepted offers against the hiring plan, reviewed monthly" },
                new BusinessOutcome { Title = "Cut time to fill for engineering roles from 62 to 40 days", HowMeasured = "Median days from requisition approval to accepted offer, from the ATS", Position = 1 },
                new BusinessOutcome { Title = "Hiring managers rate the service 4.5 out of 5 or better", HowMeasured = "Quarterly hiring-manager satisfaction survey", Position = 2 },
            ],
            Metrics =
            [
                new Metric
                {
                    Id = 1, Name = "Time to fill", Unit = "days", Direction = MetricDirection.LowerIsBetter, Baseline = 62, Target = 40, HowMeasured = "Median over roles filled in the month",
                    Measurements = [new Measurement { MeasuredOn = new DateOnly(2026, 11, 20), Value = 55 }],
                },
                new Metric { Id = 2, Name = "Hiring manager satisfaction", Unit = "score /5", Direction = MetricDirection.HigherIsBetter, Baseline = 3.6m, Target = 4.5m, HowMeasured = "Survey after each hire" },
            ],
        };
        var people = new List<(string Name, string Email, EngagementRole Role, string Title, string Zone)>
        {
            ("Alex Morgan", "alex.morgan@northstar.example", EngagementRole.AccountLeader, "Account leader", "Europe/London"),
            ("Tomás Herrera", "tomas.herrera@acme.example", EngagementRole.TaLead, "Head of Talent Acquisition", "America/New_York"),
            ("Hana Kobayashi", "hana.kobayashi@acme.example", EngagementRole.HiringManager, "Engineering Manager, Robotics", "America/Chicago"),
            ("Samuel Okafor", "samuel.okafor@acme.example", EngagementRole.ExecutiveSponsor, "Chief People Officer", "America/New_York"),
        };
        people.AddRange(Enumerable.Range(1, recruiters).Select(i => (
            i == 1 ? "Riya Shah" : $"Recruiter {i}", i == 1 ? "riya.shah@northstar.example" : $"recruiter{i}@northstar.example",
            EngagementRole.Recruiter, "Embedded recruiter", "Europe/London")));
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            var member = PersonDirectory.Membership(
                PersonDirectory.NewPerson(person.Name, person.Email, person.Zone, engagement.WorkingDays, Now), person.Role, person.Title, Now.AddMinutes(i));
            member.Id = i + 1;
            engagement.Members.Add(member);
        }

        var applications = PlanWriter.Applications(TemplateKeys.Select(k => templates.Find(k)!), engagement.Members);
        PlanWriter.Add(engagement, PlanWriter.Generate(engagement, applications), applications, Now);
        if (maxTasks is { } max && engagement.Tasks.Count > max)
        {
            engagement.Tasks = [.. engagement.Tasks.OrderBy(t => t.Start).ThenBy(t => t.Key).Take(max)];
        }

        PlayFirstElevenDays(engagement);
        return engagement;
    }

    /// <summary>
    /// <paramref name="engagement"/> with every text the pack shows at the most its form (or, where the
    /// form sets none, its column) lets through, each one unbroken word of letters drawn from
    /// <paramref name="seed"/>, so no two engagements share a word. Markdown fields without a form
    /// limit take <see cref="MarkdownText.MaxLength"/>; plain ones without any limit take 1,000.
    /// </summary>
    public static Engagement AtLimits(Engagement engagement, int seed)
    {
        var random = new Random(seed);
        string Word(int length) =>
            string.Create(length, random, (chars, r) =>
            {
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = (char)(r.Next(2) == 0 ? 'a' + r.Next(26) : 'A' + r.Next(26));
                }
            });

        engagement.Name = Word(200);
        engagement.Client!.Name = Word(200);
        engagement.Provider!.Name = Word(200);
        engagement.SharedPurpose = Word(MarkdownText.MaxLength);
        foreach (var outcome in engagement.Outcomes)
        {
            (outcome.Title, outcome.HowMeasured) = (Word(300), Word(1_000));
        }

        foreach (var member in engagement.Members)
        {
            (member.Name, member.Title, member.Email) = (Word(200), Word(200), $"{Word(243)}@acme.example");
        }

        foreach (var task in engagement.Tasks)
        {
            // The add-a-task form's limits: a 300-character title, 8,000 characters of what and of why.
            (task.Title, task.PhaseTitle, task.What, task.Why) = (Word(300), Word(200), Word(8_000), Word(8_000));
        }

        foreach (var milestone in engagement.Milestones)
        {
            milestone.Title = Word(300);
        }

        foreach (var term in engagement.Glossary)
        {
            (term.ClientTerm, term.ProviderTerm, term.Definition) = (Word(200), Word(200), Word(4_000));
        }

        foreach (var metric in engagement.Metrics)
        {
            (metric.Name, metric.Unit, metric.HowMeasured) = (Word(200), Word(50), Word(1_000));
        }

        foreach (var win in engagement.Wins)
        {
            (win.Title, win.Body) = (Word(300), Word(2_000));
        }

        return engagement;
    }

    private static void PlayFirstElevenDays(Engagement engagement)
    {
        var today = new DateOnly(2026, 11, 23);
        foreach (var task in engagement.Tasks)
        {
            task.Status = task.Due < today ? PlanTaskStatus.Done : task.Start <= today ? PlanTaskStatus.InProgress : PlanTaskStatus.ToDo;
        }

        foreach (var milestone in engagement.Milestones.Where(m => m.Task!.Status == PlanTaskStatus.Done))
        {
            milestone.ReachedAt = Now.AddDays(-3);
            engagement.Wins.Add(new Win { Kind = WinKind.MilestoneReached, Title = $"Milestone reached: {milestone.Title}", CreatedAt = milestone.ReachedAt.Value });
        }

        engagement.Wins.Add(new Win { Kind = WinKind.Kudos, Title = "Hana's team turned interview feedback around within 24 hours all week", Body = "That is how we will hit 40 days to fill. Thank you!", CreatedAt = Now });
    }
}
