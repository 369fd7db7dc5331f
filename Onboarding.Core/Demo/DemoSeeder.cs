using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance.CheckIns;
using Onboarding.Core.Locations;
using Onboarding.Core.People;
using Onboarding.Core.Plans;
using Onboarding.Core.Time;
using PlanTemplate = Onboarding.Core.Templates.PlanTemplate;
using TemplateCatalog = Onboarding.Core.Templates.TemplateCatalog;

namespace Onboarding.Core.Demo;

public sealed record SeededAccount(string Email, string Role, string Password);

/// <summary>
/// First start on an empty database: the provider organisation and its administrator, and,
/// when asked, a demo client with one user per role and a running engagement.
/// </summary>
public sealed class DemoSeeder(
    OnboardingDbContext db,
    UserManager<AppUser> users,
    TimeProvider clock,
    IOptions<SeedOptions> seedOptions,
    IOptions<DatabaseOptions> databaseOptions,
    TemplateCatalog templates)
{
    private readonly SeedOptions options = seedOptions.Value;

    /// <summary>
    /// The demo's kickoff, about eleven days before <paramref name="today"/>, and go-live, about seventeen after. They are
    /// meetings, so both fall on working days of the demo's Monday-to-Friday calendar.
    /// </summary>
    public static (DateOnly Kickoff, DateOnly GoLive) KeyDates(DateOnly today)
    {
        var calendar = BusinessCalendar.MondayToFriday;
        var kickoff = today.AddDays(-11);
        return (calendar.IsWorkingDay(kickoff) ? kickoff : calendar.PreviousWorkingDay(kickoff), calendar.RollForward(today.AddDays(17)));
    }

    /// <summary>
    /// The accounts created, with their passwords; empty when the database already had data. Under the setup lock, so
    /// nodes starting together seed once, and in one transaction, so a seed cut short leaves nothing to be taken for done.
    /// </summary>
    public Task<IReadOnlyList<SeededAccount>> SeedAsync(CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, _ => SeedOnceAsync(cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<SeededAccount>> SeedOnceAsync(CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(cancellationToken))
        {
            return [];
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var provider = new Organisation { Name = options.ProviderName, Kind = OrganisationKind.Provider, BrandColour = "#1f5f8b", CreatedAt = now };
        db.Organisations.Add(provider);
        await db.SaveChangesAsync(cancellationToken);

        var seeded = new List<SeededAccount>();
        var adminPassword = options.AdminPassword ?? Secrets.NewPassword();
        await CreateUserAsync(options.AdminEmail, "Administrator", provider, adminPassword, AccountRole.Administrator);
        seeded.Add(new SeededAccount(options.AdminEmail, "Administrator", adminPassword));

        var seedDemo = options.Demo ?? databaseOptions.Value.Provider == DatabaseProvider.Sqlite;
        if (seedDemo)
        {
            seeded.AddRange(await SeedDemoAsync(provider, now, cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return seeded;
    }

    private async Task<IEnumerable<SeededAccount>> SeedDemoAsync(Organisation provider, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var password = options.DemoPassword ?? Secrets.NewPassword();
        var client = new Organisation { Name = "Acme Robotics", Kind = OrganisationKind.Client, ProviderId = provider.Id, BrandColour = "#b34700", CreatedAt = now };
        db.Organisations.Add(client);
        await db.SaveChangesAsync(cancellationToken);

        var people = new (string Email, string Name, string Title, EngagementRole Role, Organisation Org, string Zone)[]
        {
            ("alex.morgan@northstar.example", "Alex Morgan", "Account leader", EngagementRole.AccountLeader, provider, "Europe/London"),
            ("riya.shah@northstar.example", "Riya Shah", "Embedded recruiter", EngagementRole.Recruiter, provider, "Europe/London"),
            ("tomas.herrera@acme.example", "Tomás Herrera", "Head of Talent Acquisition", EngagementRole.TaLead, client, "America/New_York"),
            ("hana.kobayashi@acme.example", "Hana Kobayashi", "Engineering Manager, Robotics", EngagementRole.HiringManager, client, "America/Chicago"),
            ("samuel.okafor@acme.example", "Samuel Okafor", "Chief People Officer", EngagementRole.ExecutiveSponsor, client, "America/New_York"),
        };

        var today = clock.TodayIn("America/New_York");
        var (kickoff, goLive) = KeyDates(today);
        var engagement = new Engagement
        {
            Name = "Acme Robotics RPO launch",
            ProviderId = provider.Id,
            ClientId = client.Id,
            // About day 12 on the day the demo is seeded: far enough in for progress, wins and overdue work.
            Kickoff = kickoff,
            GoLive = goLive,
            TimeZone = "America/New_York",
            SharedPurpose = "Together we build the engineering team that takes Acme's warehouse robots from pilot to "
                + "**50 customer sites**: hiring faster without lowering the bar, and giving every candidate an experience "
                + "that makes them want to join.",
            CreatedAt = now,
            Outcomes =
            [
                new BusinessOutcome { Title = "Hire 60 engineers and technicians by the end of next year", HowMeasured = "Accepted offers against the hiring plan, reviewed monthly", Position = 0 },
                new BusinessOutcome { Title = "Cut time to fill for engineering roles from 62 to 40 days", HowMeasured = "Median days from requisition approval to accepted offer, from the ATS", Position = 1 },
                new BusinessOutcome { Title = "Hiring managers rate the service 4.5 out of 5 or better", HowMeasured = "Quarterly hiring-manager satisfaction survey", Position = 2 },
            ],
            Glossary =
            [
                // Acme's own wording of the starter terms: the templates' entries with the same client word are then
                // not added, so each word has one definition (GlossaryCheck finds none in the demo). Time to fill counts
                // calendar days, as RPO reporting does; the plan's offsets and service levels count working days.
                new GlossaryTerm { ClientTerm = "Requisition", ProviderTerm = "Job order", Definition = "An approved, budgeted opening that recruiting may work on. A requisition without budget approval is a *forecast*, not a requisition.", Agreed = true, UpdatedAt = now },
                new GlossaryTerm { ClientTerm = "Time to fill", ProviderTerm = "Time to fill", Definition = "Calendar days from requisition approval to the candidate accepting the offer.", Agreed = false, UpdatedAt = now },
            ],
        };

        var seeded = new List<SeededAccount>();
        foreach (var person in people)
        {
            var someone = await CreateUserAsync(person.Email, person.Name, person.Org, password, AccountRoleOf(person.Role), person.Zone);
            engagement.Members.Add(PersonDirectory.Membership(someone, person.Role, person.Title, now));
            seeded.Add(new SeededAccount(person.Email, person.Role.DisplayName(), password));
        }

        AddLocations(engagement, now);
        db.MarketCards.AddRange(DemoMarketCards.For(engagement.Locations, now));
        CheckInDefaults.Add(engagement, now);
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync(cancellationToken);

        var applications = PlanWriter.Applications(DemoTemplateKeys.Select(RequireTemplate), engagement.Members);
        PlanWriter.Add(engagement, PlanWriter.Generate(engagement, applications), applications, now);
        // The metrics come from the templates, as at any launch; the demo client knew two baselines before it started.
        SetBaseline(engagement, "Time to fill", baseline: 44, target: 40);
        SetBaseline(engagement, "Hiring manager satisfaction", baseline: 3.6m, target: null);
        PlayFirstElevenDays(engagement, today, now);
        db.Activity.Add(new ActivityEntry { EngagementId = engagement.Id, At = now, ActorName = "Onboarding", Description = "Demo engagement launched from the starter templates" });
        await db.SaveChangesAsync(cancellationToken);
        return seeded;
    }

    /// <summary>Acme builds its robots' engineering teams in four countries; the recruiter and the hiring manager each cover two.</summary>
    private static void AddLocations(Engagement engagement, DateTimeOffset now)
    {
        HiringLocation Place(string country, string region, string city, string zone, string language) =>
            new LocationDetails(country, region, city, zone, WorkingDays.MondayToFriday, language).ToLocation(now);
        var bengaluru = Place("IN", "Karnataka", "Bengaluru", "Asia/Kolkata", "en-IN");
        var wroclaw = Place("PL", "Lower Silesia", "Wrocław", "Europe/Warsaw", "pl");
        var guadalajara = Place("MX", "Jalisco", "Guadalajara", "America/Mexico_City", "es-MX");
        var toronto = Place("CA", "Ontario", "Toronto", "America/Toronto", "en-CA");
        engagement.Locations = [bengaluru, wroclaw, guadalajara, toronto];
        engagement.Locations.ForEach(l => Locations.Holidays.HolidayCatalog.Prefill(l, engagement.Kickoff));
        var members = engagement.Members.ToDictionary(m => m.Email);
        members["riya.shah@northstar.example"].Locations.AddRange([bengaluru, wroclaw]);
        members["hana.kobayashi@acme.example"].Locations.AddRange([guadalajara, toronto]);
    }

    private static void SetBaseline(Engagement engagement, string metric, decimal baseline, decimal? target)
    {
        var found = engagement.Metrics.Single(m => m.Name == metric);
        found.Baseline = baseline;
        found.Target = target ?? found.Target;
    }

    private static readonly string[] DemoTemplateKeys = ["rpo-client-launch", "first-time-buyer", "recruiter-onboarding"];

    private PlanTemplate RequireTemplate(string key) =>
        templates.Find(key) ?? throw new InvalidOperationException(
            $"The demo needs the starter template '{key}', which is missing or invalid in the templates folder: {string.Join("; ", templates.Errors)}");

    /// <summary>
    /// Makes the demo look lived-in: what was due has mostly been done, one task is overdue,
    /// one is blocked, work of this week is under way, and reached milestones are wins.
    /// </summary>
    private static void PlayFirstElevenDays(Engagement engagement, DateOnly today, DateTimeOffset now)
    {
        var past = engagement.Tasks.Where(t => t.Due < today).OrderBy(t => t.Due).ThenBy(t => t.Key).ToList();
        var overdue = past.LastOrDefault(t => t.OwnerRole == EngagementRole.TaLead && !t.IsMilestone);
        foreach (var task in past.Where(t => t != overdue))
        {
            task.Status = PlanTaskStatus.Done;
            task.CompletedAt = new DateTimeOffset(task.Due.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero);
        }
        var current = engagement.Tasks.Where(t => t.Start <= today && t.Due >= today).OrderBy(t => t.Key).ToList();
        foreach (var task in current)
        {
            task.Status = PlanTaskStatus.InProgress;
        }
        if (current.FirstOrDefault(t => t.OwnerRole == EngagementRole.HiringManager) is { } blocked)
        {
            blocked.Status = PlanTaskStatus.Blocked;
            blocked.BlockedReason = "Waiting for IT to create interview-scheduling access for the RPO team.";
        }
        foreach (var milestone in engagement.Milestones.Where(m => m.Task?.Status == PlanTaskStatus.Done))
        {
            milestone.ReachedAt = milestone.Task!.CompletedAt;
            engagement.Wins.Add(new Win { Kind = WinKind.MilestoneReached, Title = Win.MilestoneTitle(milestone.Title), Task = milestone.Task, CreatedAt = milestone.ReachedAt ?? now });
        }
        engagement.Wins.Add(new Win
        {
            Kind = WinKind.Kudos,
            Title = "Hana's team turned interview feedback around within 24 hours all week",
            Body = "That is how we will hit 40 days to fill. Thank you!",
            AuthorName = "Alex Morgan",
            CreatedAt = now,
        });
    }

    private static AccountRole AccountRoleOf(EngagementRole role) => role switch
    {
        EngagementRole.AccountLeader => AccountRole.AccountLeader,
        EngagementRole.Recruiter => AccountRole.Recruiter,
        _ => AccountRole.None,
    };

    private async Task<Person> CreateUserAsync(string email, string name, Organisation organisation, string password, AccountRole role, string zone = PersonDirectory.DefaultTimeZone)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            OrganisationId = organisation.Id,
            AccountRole = role,
            CreatedAt = clock.GetUtcNow(),
        };
        var person = PersonDirectory.NewPerson(name, email, zone, WorkingDays.MondayToFriday, clock.GetUtcNow());
        PersonDirectory.Link(person, user, []);
        db.People.Add(person);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
        return person;
    }
}
