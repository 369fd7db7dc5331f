using System.Diagnostics;
using System.Globalization;
using System.Text;
using Onboarding.Core.Engagements;
using Onboarding.Core.Locations;
using Onboarding.Core.Locations.Holidays;
using Onboarding.Core.People;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;

// Times plan generation from a synthetic 5,000-task template with dependencies, over a calendar
// with 30 holidays (and again with its owners in four countries' calendars), and a launch with 50 hiring managers and 30 recruiters over the starter templates.
// Prints one figure per line as "name: value unit".
const int TaskCount = 5_000;
const int WarmUp = 20;
const int Runs = 101;

var random = new Random(20260105);
var kickoff = new DateOnly(2026, 1, 5);
var holidays = Enumerable.Range(0, 30).Select(i => kickoff.AddDays(3 + (i * 12))).ToList();
var calendar = new BusinessCalendar(BusinessCalendar.MondayToFriday.WorkingDays, holidays);
var text = SyntheticTemplate(random);
var owners = Enum.GetValues<EngagementRole>().ToDictionary(r => r, r => r.ToKey());

var parsed = TemplateParser.Parse("synthetic.md", text);
if (parsed.Template is not { } template)
{
    Console.Error.WriteLine(string.Join('\n', parsed.Errors));
    return 1;
}
var applications = new[] { new TemplateApplication(template, "", owners) };
var plan = PlanGenerator.Generate(kickoff, kickoff, calendar, applications);
var states = plan.Tasks.Select(t => t.ToState()).ToList();

Report("template_parse_5000_median", Median(() => TemplateParser.Parse("synthetic.md", text)));
Report("plan_generate_5000_median", Median(() => PlanGenerator.Generate(kickoff, kickoff, calendar, applications)));
Report("plan_move_kickoff_5000_median", Median(() => PlanRescheduler.MoveAnchor(states, DayAnchor.Kickoff, kickoff, kickoff.AddDays(7), calendar)));
Report("plan_move_first_task_5000_median", Median(() => PlanRescheduler.MoveTask(states, plan.Tasks[0].Key, kickoff.AddDays(14), calendar)));
Console.WriteLine($"plan_generate_5000_tasks_with_warnings: {plan.Tasks.Count(t => t.Warning is not null)} tasks");

// The same plan with its owners in Poland, India, Mexico and Canada (holidays from the catalog for 2026 and 2027):
// each role's owner in one location, the recruiter in two, so every task moves onto its location's calendar.
var places = new[] { ("PL", "Lower Silesia", "Europe/Warsaw"), ("IN", "Karnataka", "Asia/Kolkata"), ("MX", "Jalisco", "America/Mexico_City"), ("CA", "Ontario", "America/Toronto") }
    .Select(p => new HiringLocation { CountryCode = p.Item1, Region = p.Item2, TimeZone = p.Item3, Language = "en" })
    .ToList();
places.ForEach(p => HolidayCatalog.Prefill(p, kickoff));
var located = Enum.GetValues<EngagementRole>().Select((role, i) => new Member
{
    Name = role.ToKey(),
    Email = role.ToKey(),
    Role = role,
    CalendarToken = "",
    UnsubscribeToken = "",
    Locations = role == EngagementRole.Recruiter ? [places[0], places[1]] : [places[i % places.Count]],
}).ToList();
Report("plan_generate_5000_4_locations_median", Median(() =>
    PlanWriter.OnLocations(PlanGenerator.Generate(kickoff, kickoff, calendar, applications), located, new LocationCalendars(calendar), calendar)));

// A launch over the three starter templates with 50 hiring managers (per person in the starter templates)
// and 30 recruiters (the recruiter template once each): owners chosen, plan generated, entities built, no database.
var catalog = TemplateCatalog.Load(TemplatesDirectory());
if (catalog.Errors.Count > 0)
{
    Console.Error.WriteLine(string.Join('\n', catalog.Errors));
    return 1;
}
var starters = new[] { "rpo-client-launch", "first-time-buyer", "recruiter-onboarding" }.Select(k => catalog.Find(k)!).ToList();
var launched = Launch(starters, kickoff, holidays);
Report("launch_50_hiring_managers_30_recruiters_median", Median(() => Launch(starters, kickoff, holidays)));
Console.WriteLine($"launch_50_hiring_managers_30_recruiters_tasks: {launched.Tasks.Count} tasks");
Console.WriteLine($"launch_50_hiring_managers_30_recruiters_participants: {launched.Tasks.Sum(t => t.Participants.Count)} participations");
return 0;

static Engagement Launch(IReadOnlyList<PlanTemplate> templates, DateOnly kickoff, List<DateOnly> holidays)
{
    var now = new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.Zero);
    var people = new List<(string Name, EngagementRole Role)>
    {
        ("Alex Leader", EngagementRole.AccountLeader),
        ("Tess Lead", EngagementRole.TaLead),
        ("Sam Sponsor", EngagementRole.ExecutiveSponsor),
    };
    people.AddRange(Enumerable.Range(1, 50).Select(i => ($"Hiring Manager {i:00}", EngagementRole.HiringManager)));
    people.AddRange(Enumerable.Range(1, 30).Select(i => ($"Recruiter {i:00}", EngagementRole.Recruiter)));
    var engagement = new Engagement
    {
        Name = "Bench launch",
        Kickoff = kickoff,
        GoLive = kickoff.AddDays(42),
        TimeZone = "Europe/London",
        Holidays = holidays,
        SharedPurpose = "Bench",
        CreatedAt = now,
        Members = people.Select((p, i) => PersonDirectory.Membership(
            PersonDirectory.NewPerson(p.Name, $"{p.Name.Replace(' ', '.').ToLowerInvariant()}@bench.example", "Europe/London", WorkingDays.MondayToFriday, now),
            p.Role, "", now.AddTicks(i))).ToList(),
    };
    var applications = PlanWriter.Applications(templates, engagement.Members);
    PlanWriter.Add(engagement, PlanWriter.Generate(engagement, applications), applications, now);
    return engagement;
}

static string TemplatesDirectory()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, "templates");
        if (File.Exists(Path.Combine(candidate, "rpo-client-launch.md")))
        {
            return candidate;
        }
    }
    throw new DirectoryNotFoundException("No templates/ folder above " + AppContext.BaseDirectory);
}

static double Median(Action action)
{
    for (var i = 0; i < WarmUp; i++)
    {
        action();
    }
    var times = new double[Runs];
    for (var i = 0; i < Runs; i++)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
    Array.Sort(times);
    return times[Runs / 2];
}

static void Report(string name, double milliseconds) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {milliseconds:0.000} ms"));

// Tasks spread over 250 working days; each depends on up to two of the 50 tasks before it,
// so dependency chains are long and some tasks get pushed past their planned day.
static string SyntheticTemplate(Random random)
{
    var roles = EngagementRoles.Keys.ToArray();
    var text = new StringBuilder("""
        ---
        key: synthetic
        title: Synthetic benchmark template
        version: 1
        audience: account-leader
        days-count-from: kickoff
        phases:
          - key: all
            title: Everything
            days: 1-99999
        ---

        """);
    for (var i = 0; i < TaskCount; i++)
    {
        var dependsOn = i == 0 ? [] : Enumerable.Range(0, random.Next(3)).Select(_ => $"task-{Math.Max(0, i - 1 - random.Next(50))}").Distinct();
        text.Append(CultureInfo.InvariantCulture, $"""
            ## Task {i}

            - key: task-{i}
            - phase: all
            - start: {1 + (i * 250 / TaskCount)}
            - duration: {1 + random.Next(10)}
            - owner: {roles[random.Next(roles.Length)]}
            - depends on: {string.Join(", ", dependsOn)}

            ### What

            Do the work of task {i}.

            ### Why

            Because task {i} moves the engagement forward.


            """);
    }
    return text.ToString();
}
