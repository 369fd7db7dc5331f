using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;
using Onboarding.Core.Time;
using Onboarding.Tests.Support;
using Onboarding.Tests.Unit.Templates;

namespace Onboarding.Tests.Integration;

/// <summary>Per-person hiring managers and review participants, launched through the form, on PostgreSQL.</summary>
public class PerPersonRoleTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task Twelve_hiring_managers_each_get_their_own_tasks_and_see_them_on_my_checklist_and_in_their_digest()
    {
        var launch = await PerPersonSteps.LaunchAsync(app, "Twelve managers", 12);

        await PerPersonSteps.EachManagerHasTheirOwnCopiesAsync(app, launch, 12);

        var twelfth = launch.Managers[11];
        var third = launch.Managers[2];
        // Hiring managers read their tasks in the client's words (the starter glossary says "intake" for "intake meeting").
        var words = await app.WithDbAsync(db => ReaderWords.LoadAsync(db, launch.EngagementId, EngagementRole.HiringManager));
        string Intake(Member m) => words.Text($"Hold the intake meetings for {m.Name}'s open roles");
        Assert.NotEqual($"Hold the intake meetings for {twelfth.Name}'s open roles", Intake(twelfth));
        var checklist = WebUtility.HtmlDecode(await (await PerPersonSteps.SignInAsMemberAsync(app, twelfth.Email)).GetStringAsync("/my/checklist"));
        Assert.Contains(Intake(twelfth), checklist);
        Assert.Contains(words.Text($"Commit interview availability — {twelfth.Name}"), checklist);
        Assert.DoesNotContain(Intake(third), checklist);

        var digest = await PerPersonSteps.DigestPreviewAsync(app, launch, twelfth.Id, launch.Kickoff.AddDays(7));
        Assert.Contains(Intake(twelfth), PerPersonSteps.ComingUp(digest));
        Assert.DoesNotContain(Intake(third), digest);
    }

    [Fact]
    public async Task A_hiring_manager_added_in_week_three_previews_then_gets_tasks_dated_from_that_day()
    {
        var launch = await PerPersonSteps.LaunchAsync(app, "Week three joiner", 2);
        app.Clock.Advance(TimeSpan.FromDays(14));

        await PerPersonSteps.AddLateManagerAndCheckDatesAsync(app, launch);
    }

    [Fact]
    public async Task Removing_a_hiring_manager_reassigns_or_skips_their_open_tasks_and_logs_it()
    {
        var launch = await PerPersonSteps.LaunchAsync(app, "Managers leaving", 3);

        await PerPersonSteps.RemoveWithReassignAndSkipAsync(app, launch);
    }

    [Fact]
    public async Task Making_a_stakeholder_a_hiring_manager_previews_then_gives_them_their_own_tasks_and_they_keep_their_old_ones()
    {
        var launch = await PerPersonSteps.LaunchAsync(app, "Role changers", 1);
        var lead = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.EngagementId == launch.EngagementId && m.Role == EngagementRole.TaLead));
        var leadTasks = await app.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.OwnerId == lead.Id));
        Assert.True(leadTasks > 0);
        var leader = await app.SignedInClientAsync(PerPersonSteps.Leader);
        var stakeholders = $"/engagements/{launch.EngagementId}/stakeholders";
        var form = new Dictionary<string, string>
        {
            ["Version"] = lead.Version.ToString(CultureInfo.InvariantCulture),
            ["Title"] = "Head of Talent",
            ["Role"] = "HiringManager",
            ["DigestPreference"] = "Cadence",
        };

        var preview = await InvitationTests.PostFormAsync(leader, $"{stakeholders}/{lead.Id}", new(form), tokenFrom: stakeholders);
        var previewHtml = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains($"Hold the intake meetings for {lead.Name}'s open roles", previewHtml);
        Assert.Contains($"Make {lead.Name} hiring manager and create {PerPersonSteps.PerPersonKeys().Count} tasks", previewHtml);
        Assert.Equal(EngagementRole.TaLead, await app.WithDbAsync(db => db.Members.Where(m => m.Id == lead.Id).Select(m => m.Role).SingleAsync()));

        form["confirmTasks"] = "true";
        var saved = await InvitationTests.PostFormAsync(leader, $"{stakeholders}/{lead.Id}", form, tokenFrom: stakeholders);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var notice = WebUtility.HtmlDecode(await leader.GetStringAsync(stakeholders));
        Assert.Contains($"They keep {leadTasks} open tasks from their former role (TA lead)", notice);

        var personKey = PersonalCopies.PersonKeyFor(lead.Email);
        var owned = await app.WithDbAsync(db => db.PlanTasks.AsNoTracking().Where(t => t.OwnerId == lead.Id).ToListAsync());
        Assert.Equal(
            PerPersonSteps.PerPersonKeys().Select(k => PersonalCopies.Key(k, personKey)).Order(StringComparer.Ordinal),
            owned.Where(t => t.OwnerRole == EngagementRole.HiringManager).Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Equal(leadTasks, owned.Count(t => t.OwnerRole == EngagementRole.TaLead));
        var log = await app.WithDbAsync(db => db.Activity.Where(a => a.EngagementId == launch.EngagementId).Select(a => a.Description).ToListAsync());
        Assert.Contains($"Changed {lead.Name}: role TA lead → Hiring manager", log);
        Assert.Contains(log, d => d.StartsWith($"Gave {lead.Name} (hiring manager)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_participant_sees_the_30_day_review_on_their_checklist_calendar_feed_and_digest()
    {
        var launch = await PerPersonSteps.LaunchAsync(app, "Review participants", 2);
        var manager = launch.Managers[1];
        var review = await app.WithDbAsync(db => db.PlanTasks.Include(t => t.Participants).Include(t => t.Owner)
            .SingleAsync(t => t.EngagementId == launch.EngagementId && t.Key == "rpo-client-launch/review-30"));
        Assert.Equal(PerPersonSteps.Leader, review.Owner!.Email);
        Assert.Contains(review.Participants, p => p.MemberId == manager.Id);

        var checklist = WebUtility.HtmlDecode(await (await PerPersonSteps.SignInAsMemberAsync(app, manager.Email)).GetStringAsync("/my/checklist"));
        Assert.Contains("Hold the 30-day review", checklist);
        Assert.Contains("You take part in this; Alex Morgan owns it", checklist);

        var token = await app.WithDbAsync(db => db.Members.Where(m => m.Id == manager.Id).Select(m => m.CalendarToken).SingleAsync());
        var feed = await app.AnonymousClient().GetStringAsync($"/calendar/{token}.ics");
        Assert.Contains("SUMMARY:Hold the 30-day review", feed);

        // After the first two weeks digests go out twice a week: one of the week before the review lists it as coming up.
        var digests = new List<string>();
        for (var day = review.Start.AddDays(-6); day <= review.Start; day = day.AddDays(1))
        {
            digests.Add(await PerPersonSteps.DigestPreviewAsync(app, launch, manager.Id, day));
        }
        Assert.Contains(digests, d => PerPersonSteps.ComingUp(d).Contains("Hold the 30-day review", StringComparison.Ordinal));

        var page = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(PerPersonSteps.Leader)).GetStringAsync($"/engagements/{launch.EngagementId}/tasks/{review.Id}"));
        Assert.Contains($"{manager.Name} (Hiring manager)", page);
    }
}

/// <summary>The same journey on the embedded default's SQLite file.</summary>
public sealed class SqlitePerPersonRoleTests : IAsyncLifetime
{
    private readonly OnboardingFactory app = new() { Provider = DatabaseProvider.Sqlite };

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task On_sqlite_twelve_managers_get_their_own_tasks_a_late_one_is_dated_from_joining_and_leavers_hand_over()
    {
        var launch = await PerPersonSteps.LaunchAsync(app, "Sqlite managers", 12);
        await PerPersonSteps.EachManagerHasTheirOwnCopiesAsync(app, launch, 12);

        await PerPersonSteps.RemoveWithReassignAndSkipAsync(app, launch);
        app.Clock.Advance(TimeSpan.FromDays(14));
        await PerPersonSteps.AddLateManagerAndCheckDatesAsync(app, launch);
    }
}

internal sealed record LaunchedEngagement(int EngagementId, DateOnly Kickoff, IReadOnlyList<Member> Managers);

internal static class PerPersonSteps
{
    public const string Leader = "alex.morgan@northstar.example";
    private static readonly BusinessCalendar Calendar = BusinessCalendar.MondayToFriday;

    /// <summary>Launches the three starter templates through the launch form with <paramref name="managers"/> hiring managers.</summary>
    public static async Task<LaunchedEngagement> LaunchAsync(OnboardingFactory app, string name, int managers)
    {
        var kickoff = Calendar.RollForward(app.Clock.TodayIn("Europe/Berlin"));
        var prefix = new string(name.ToLowerInvariant().Where(char.IsLetter).ToArray());
        var form = new List<KeyValuePair<string, string>>
        {
            new("Name", name),
            new("ClientName", $"{name} client"),
            new("Kickoff", kickoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("GoLive", kickoff.AddDays(42).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("TimeZone", "Europe/Berlin"),
            new("SharedPurpose", "Hire the plant team."),
            new("Outcomes[0].Title", "40 technicians hired"),
            new("Outcomes[0].HowMeasured", "Accepted offers"),
            new("Action", "launch"),
        };
        form.AddRange(new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(d => KeyValuePair.Create("WorkingDays", d)));
        form.AddRange(new[] { "rpo-client-launch", "first-time-buyer", "recruiter-onboarding" }.Select(t => KeyValuePair.Create("Templates", t)));
        var contacts = new List<(string Name, string Email, string Role)>
        {
            ("Greta Lindqvist", $"greta@{prefix}.example", "TaLead"),
            ("Ingrid Sponsor", $"ingrid@{prefix}.example", "ExecutiveSponsor"),
            ("Riya Shah", "riya.shah@northstar.example", "Recruiter"),
        };
        contacts.AddRange(Enumerable.Range(1, managers).Select(i => ($"Manager {i:00}", $"manager{i:00}@{prefix}.example", "HiringManager")));
        for (var i = 0; i < contacts.Count; i++)
        {
            form.Add(new($"Contacts[{i}].Name", contacts[i].Name));
            form.Add(new($"Contacts[{i}].Email", contacts[i].Email));
            form.Add(new($"Contacts[{i}].Role", contacts[i].Role));
        }
        var leader = await app.SignedInClientAsync(Leader);
        form.Add(new("__RequestVerificationToken", await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements/new")));

        var launched = await leader.PostAsync("/engagements/new", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, launched.StatusCode);
        var engagementId = await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == name).Select(e => e.Id).SingleAsync());
        var members = await app.WithDbAsync(db => db.Members.AsNoTracking()
            .Where(m => m.EngagementId == engagementId && m.Role == EngagementRole.HiringManager).OrderBy(m => m.Name).ToListAsync());
        Assert.Equal(managers, members.Count);
        return new LaunchedEngagement(engagementId, kickoff, members);
    }

    /// <summary>
    /// The hiring-manager tasks of the starter templates, by plan key, as the launch plans them: a step several templates
    /// share is one copy under the key of the template that leads it, and the recruiter onboarding (once, for Riya) has its own.
    /// </summary>
    public static IReadOnlyList<string> PerPersonKeys()
    {
        var catalog = TemplateCatalog.Load(RepoPaths.Templates);
        var someone = new PlanPerson("someone@example.com", "someone", "Someone");
        var people = new Dictionary<EngagementRole, IReadOnlyList<PlanPerson>> { [EngagementRole.HiringManager] = [someone] };
        var owners = Enum.GetValues<EngagementRole>().ToDictionary(r => r, r => r.ToKey());
        var applications = new[] { "rpo-client-launch", "first-time-buyer", "recruiter-onboarding" }
            .Select(k => catalog.Find(k)!)
            .Select(t => new TemplateApplication(t, t.Audience == TemplateAudience.Recruiter ? PlanWriter.InstanceKeyFor("riya.shah@northstar.example") : "", owners) { People = people })
            .ToList();
        return PlanGenerator.Generate(new(2026, 1, 5), new(2026, 2, 16), Calendar, applications).Tasks
            .Where(t => t.Person == someone)
            .Select(t => t.Key[..t.Key.LastIndexOf(PersonalCopies.KeySeparator)])
            .ToList();
    }

    public static async Task EachManagerHasTheirOwnCopiesAsync(OnboardingFactory app, LaunchedEngagement launch, int managers)
    {
        var keys = PerPersonKeys();
        Assert.True(keys.Count >= 5);
        var tasks = await app.WithDbAsync(db => db.PlanTasks.AsNoTracking().Where(t => t.EngagementId == launch.EngagementId && t.OwnerRole == EngagementRole.HiringManager && t.PersonKey != null).ToListAsync());
        Assert.Equal(keys.Count * managers, tasks.Count);
        foreach (var manager in launch.Managers)
        {
            var personKey = PersonalCopies.PersonKeyFor(manager.Email);
            var own = tasks.Where(t => t.OwnerId == manager.Id).ToList();
            Assert.Equal(keys.Select(k => PersonalCopies.Key(k, personKey)).Order(StringComparer.Ordinal), own.Select(t => t.Key).Order(StringComparer.Ordinal));
            Assert.All(own, t => Assert.Contains(manager.Name, t.Title));
            Assert.All(own, t => Assert.Equal((personKey, manager.Name), (t.PersonKey, t.PersonName)));
        }
    }

    public static async Task AddLateManagerAndCheckDatesAsync(OnboardingFactory app, LaunchedEngagement launch)
    {
        var leader = await app.SignedInClientAsync(Leader);
        var stakeholders = $"/engagements/{launch.EngagementId}/stakeholders";
        var form = new Dictionary<string, string>
        {
            ["Name"] = "Late Manager",
            ["Email"] = "late.manager@latecomers.example",
            ["Role"] = "HiringManager",
            ["TimeZone"] = "Europe/Berlin",
            ["DigestHour"] = "9",
        };
        var preview = await InvitationTests.PostFormAsync(leader, stakeholders, new(form), tokenFrom: stakeholders);
        var previewHtml = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Hold the intake meetings for Late Manager's open roles", previewHtml);
        Assert.Contains($"Add Late Manager and create {PerPersonKeys().Count} tasks", previewHtml);
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Email == "late.manager@latecomers.example")));

        form["confirmTasks"] = "true";
        var added = await InvitationTests.PostFormAsync(leader, stakeholders, form, tokenFrom: stakeholders);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var joined = Calendar.RollForward(app.Clock.TodayIn("Europe/Berlin"));
        var late = await app.WithDbAsync(db => db.Members.SingleAsync(m => m.EngagementId == launch.EngagementId && m.Email == "late.manager@latecomers.example"));
        var lateKey = PersonalCopies.PersonKeyFor(late.Email);
        var firstKey = PersonalCopies.PersonKeyFor(launch.Managers[0].Email);
        var tasks = await app.WithDbAsync(db => db.PlanTasks.AsNoTracking().Include(t => t.Participants).Where(t => t.EngagementId == launch.EngagementId).ToListAsync());
        var lateIntake = tasks.Single(t => t.Key == PersonalCopies.Key("rpo-client-launch/intake-meetings", lateKey));
        var firstIntake = tasks.Single(t => t.Key == PersonalCopies.Key("rpo-client-launch/intake-meetings", firstKey));

        // Day 8 of the template: the launch's copy counts from kickoff, the late one from the day they joined.
        Assert.Equal(late.Id, lateIntake.OwnerId);
        Assert.Equal(Calendar.AddWorkingDays(launch.Kickoff, 7), firstIntake.Start);
        Assert.Equal(Calendar.AddWorkingDays(joined, 7), lateIntake.Start);
        Assert.Equal(Calendar.WorkingDaysBetween(firstIntake.Start, firstIntake.Due), Calendar.WorkingDaysBetween(lateIntake.Start, lateIntake.Due));
        Assert.Equal(PerPersonKeys().Count, tasks.Count(t => t.OwnerId == late.Id));
        Assert.All(tasks.Where(t => t.OwnerId == late.Id), t => Assert.True(t.Start >= joined));
        // They attend the reviews still to come.
        Assert.Contains(tasks.Single(t => t.Key == "rpo-client-launch/review-60").Participants, p => p.MemberId == late.Id);

        var log = await app.WithDbAsync(db => db.Activity.Where(a => a.EngagementId == launch.EngagementId).Select(a => a.Description).ToListAsync());
        Assert.Contains(log, d => d.StartsWith($"Gave Late Manager (hiring manager) {PerPersonKeys().Count} tasks of their own, counted from", StringComparison.Ordinal));
    }

    public static async Task RemoveWithReassignAndSkipAsync(OnboardingFactory app, LaunchedEngagement launch)
    {
        var (leaving, heir, skipped) = (launch.Managers[0], launch.Managers[1], launch.Managers[2]);
        var leader = await app.SignedInClientAsync(Leader);
        var stakeholders = $"/engagements/{launch.EngagementId}/stakeholders";
        var open = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.OwnerId == leaving.Id && t.Status != PlanTaskStatus.Done).Select(t => t.Id).ToListAsync());
        Assert.NotEmpty(open);

        var ask = WebUtility.HtmlDecode(await leader.GetStringAsync($"{stakeholders}/{leaving.Id}/remove"));
        Assert.Contains($"Reassign them to {heir.Name}", ask);
        Assert.Contains("Skip them", ask);
        var unconfirmed = await InvitationTests.PostFormAsync(leader, $"{stakeholders}/{leaving.Id}/remove", new() { ["handOver"] = "skip" }, tokenFrom: stakeholders);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        var unanswered = await InvitationTests.PostFormAsync(leader, $"{stakeholders}/{leaving.Id}/remove", new() { ["confirm"] = $"remove-{leaving.Id}" }, tokenFrom: stakeholders);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unanswered.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Id == leaving.Id)));

        var reassigned = await InvitationTests.PostFormAsync(leader, $"{stakeholders}/{leaving.Id}/remove", new() { ["handOver"] = heir.Id.ToString(CultureInfo.InvariantCulture), ["confirm"] = $"remove-{leaving.Id}" }, tokenFrom: stakeholders);
        Assert.Equal(HttpStatusCode.Redirect, reassigned.StatusCode);
        var moved = await app.WithDbAsync(db => db.PlanTasks.AsNoTracking().Where(t => open.Contains(t.Id)).ToListAsync());
        Assert.All(moved, t => Assert.Equal((heir.Id, PlanTaskStatus.ToDo), (t.OwnerId!.Value, t.Status)));
        // The copies still say whose roles they were for.
        Assert.Contains(moved, t => t.Title == $"Hold the intake meetings for {leaving.Name}'s open roles");
        Assert.False(await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Id == leaving.Id)));

        var skippedOpen = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.OwnerId == skipped.Id && t.Status != PlanTaskStatus.Done).Select(t => t.Id).ToListAsync());
        var skip = await InvitationTests.PostFormAsync(leader, $"{stakeholders}/{skipped.Id}/remove", new() { ["handOver"] = "skip", ["confirm"] = $"remove-{skipped.Id}" }, tokenFrom: stakeholders);
        Assert.Equal(HttpStatusCode.Redirect, skip.StatusCode);
        var gone = await app.WithDbAsync(db => db.PlanTasks.AsNoTracking().Where(t => skippedOpen.Contains(t.Id)).ToListAsync());
        Assert.All(gone, t => Assert.Equal((PlanTaskStatus.Skipped, (int?)null, $"{skipped.Name} left the engagement"), (t.Status, t.OwnerId, t.SkippedReason)));

        var log = await app.WithDbAsync(db => db.Activity.AsNoTracking().Where(a => a.EngagementId == launch.EngagementId).ToListAsync());
        Assert.Contains(log, a => a.Description == $"Removed {leaving.Name} (hiring manager): {open.Count} open tasks reassigned to {heir.Name}");
        Assert.Contains(log, a => a.Description == $"Removed {skipped.Name} (hiring manager): {skippedOpen.Count} open tasks skipped");
        Assert.Equal(open.Order(), log.Where(a => a.Description.StartsWith("Reassigned", StringComparison.Ordinal)).Select(a => a.TaskId!.Value).Order());
        Assert.Equal(skippedOpen.Order(), log.Where(a => a.Description.StartsWith("Skipped", StringComparison.Ordinal)).Select(a => a.TaskId!.Value).Order());
    }

    /// <summary>The "Coming up for you" section of a rendered digest (milestones ahead list reviews for everyone).</summary>
    public static string ComingUp(string digest)
    {
        var start = digest.IndexOf("Coming up for you", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }
        var end = digest.IndexOf("<h3", start, StringComparison.Ordinal);
        return end < 0 ? digest[start..] : digest[start..end];
    }

    /// <summary>The digest the leader's preview page composes (the jobs' loader and composer) for one member on one day, decoded.</summary>
    public static async Task<string> DigestPreviewAsync(OnboardingFactory app, LaunchedEngagement launch, int memberId, DateOnly day)
    {
        var leader = await app.SignedInClientAsync(Leader);
        var html = await leader.GetStringAsync($"/engagements/{launch.EngagementId}/digests/preview?member={memberId}&date={day:yyyy-MM-dd}");
        // The digest sits in the page as an iframe's srcdoc: text in it is encoded twice.
        return WebUtility.HtmlDecode(WebUtility.HtmlDecode(html));
    }

    /// <summary>Gives a launched contact an account with the demo password and signs them in.</summary>
    public static async Task<HttpClient> SignInAsMemberAsync(OnboardingFactory app, string email)
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OnboardingDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var member = await db.Members.Include(m => m.Engagement).SingleAsync(m => m.Email == email);
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = member.Name,
                OrganisationId = member.Engagement!.ClientId,
                CreatedAt = app.Clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, OnboardingFactory.DemoPassword);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            var person = await db.People.SingleAsync(p => p.Id == member.PersonId);
            Onboarding.Core.People.PersonDirectory.Link(person, user, await db.Members.Where(m => m.PersonId == person.Id).ToListAsync());
            await db.SaveChangesAsync();
        }
        return await app.SignedInClientAsync(email);
    }
}
