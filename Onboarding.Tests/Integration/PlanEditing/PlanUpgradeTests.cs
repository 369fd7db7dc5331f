using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;
using Onboarding.Tests.Unit.Templates;
using static Onboarding.Tests.Integration.PlanEditing.PlanEditingSupport;

namespace Onboarding.Tests.Integration.PlanEditing;

/// <summary>
/// The demo app, seeded from the starter templates, then served with a templates folder holding the next version of each (5 of the per-person starters, 4 of recruiter-onboarding):
/// rpo-client-launch drops "Share the hiring forecast", renames the kickoff and adds a TA lead task that pushes
/// "Select the engagement metrics"; first-time-buyer drops "Share the brand guidelines"; recruiter-onboarding adds a
/// task for the executive sponsor.
/// </summary>
public sealed class UpgradeWorld : IAsyncLifetime
{
    public OnboardingFactory App { get; } = new();
    public string TemplatesFolder { get; } = Directory.CreateTempSubdirectory("onboarding-upgrade-").FullName;
    public WebApplicationFactory<Program> Web { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        foreach (var file in Directory.GetFiles(RepoPaths.Templates, "*.md"))
        {
            File.Copy(file, Path.Combine(TemplatesFolder, Path.GetFileName(file)));
        }
        Rewrite("rpo-client-launch.md", text =>
        {
            text = WithoutTask(text, "## Share the hiring forecast");
            text = text.Replace("## Hold the kickoff meeting\n", "## Hold the kickoff meeting with both teams\n");
            text = text.Replace("- depends on: business-outcomes, process-mapping", "- depends on: business-outcomes, process-mapping, security-briefing");
            return text + NewTask("Brief the security team of the client", "security-briefing", "learn", start: 12, duration: 2, "ta-lead", "grant-access");
        });
        Rewrite("first-time-buyer.md", text => WithoutTask(text, "## Share the brand guidelines and approved messages"));
        Rewrite("recruiter-onboarding.md", text => text + NewTask("Thank the recruiter in person", "sponsor-thanks", "learn", start: 10, duration: 1, "executive-sponsor", "welcome-call"));
        Web = App.WithWebHostBuilder(b => b.UseSetting("Templates:Directory", TemplatesFolder));
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await ((IAsyncLifetime)App).DisposeAsync();
        Directory.Delete(TemplatesFolder, recursive: true);
    }

    public Task<HttpClient> SignedInAsync(string email) => SignedInAsync(Web, email);

    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> web, string email)
    {
        var client = web.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var signedIn = await InvitationTests.PostFormAsync(client, "/sign-in", new() { ["Email"] = email, ["Password"] = OnboardingFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    private void Rewrite(string file, Func<string, string> change)
    {
        var path = Path.Combine(TemplatesFolder, file);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var changed = change(Regex.Replace(text, @"\nversion: (\d+)\n", m => $"\nversion: {int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1}\n"));
        Assert.NotEqual(text, changed);
        File.WriteAllText(path, changed);
    }

    private static string WithoutTask(string text, string heading)
    {
        var start = text.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, heading);
        var end = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return text[..start] + text[(end + 1)..];
    }

    private static string NewTask(string title, string key, string phase, int start, int duration, string owner, string dependsOn) => $"""

        ## {title}

        - key: {key}
        - phase: {phase}
        - start: {start}
        - duration: {duration}
        - owner: {owner}
        - depends on: {dependsOn}

        ### What

        {title}, in a short meeting.

        ### Why

        Added in version 2 because people asked for it.

        """;
}

public class PlanUpgradeTests(UpgradeWorld world) : IClassFixture<UpgradeWorld>
{
    private OnboardingFactory App => world.App;

    [Fact]
    public async Task A_leader_reviews_then_confirms_an_upgrade_that_keeps_done_work_adds_owned_tasks_and_logs_removals()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(App);
        var snapshotId = await SnapshotIdAsync(engagementId, "rpo-client-launch");
        var kickoff = await DoneWithCommentAsync(engagementId, "rpo-client-launch/kickoff-meeting", "Minutes are in the shared folder.");
        var forecast = await DoneWithCommentAsync(engagementId, "rpo-client-launch/hiring-forecast", "Forecast attached.");
        var metricsBefore = await TaskAsync(engagementId, "rpo-client-launch/select-metrics");
        var taskCount = await App.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.EngagementId == engagementId));
        var leader = await world.SignedInAsync(Leader);
        var templates = $"/engagements/{engagementId}/plan/templates";
        var page = $"{templates}/{snapshotId}/upgrade";

        var list = await leader.GetStringAsync(templates);
        Assert.Contains($"Version 5 available (applied: 4) · <a href=\"{page}\">Review upgrade</a>", list);

        var preview = await leader.GetStringAsync(page);
        Assert.Contains("<title>Acme Robotics RPO launch · Upgrade RPO client launch · Onboarding</title>", preview);
        Assert.Contains("Upgrade “RPO client launch” to version 5", preview);
        var added = Section(preview, "added");
        Assert.Contains("1 task added", added);
        Assert.Contains("Brief the security team of the client", added);
        Assert.Contains("Tomás Herrera", added);
        var removed = Section(preview, "removed");
        Assert.Contains("1 task removed", removed);
        Assert.Contains($"<a href=\"/engagements/{engagementId}/tasks/{forecast.Id}\">Share the hiring forecast</a>", removed);
        Assert.Contains("Done: its completion goes too", removed);
        Assert.Contains("Has 1 comment", removed);
        var changed = Section(preview, "changed");
        Assert.Contains("Hold the kickoff meeting → <strong>Hold the kickoff meeting with both teams</strong>", changed);
        Assert.Contains("dependencies, dates", changed);
        Assert.Contains("Upgrade to version 5", preview);
        Assert.Equal(taskCount, await App.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.EngagementId == engagementId)));
        Assert.Equal(4, await App.WithDbAsync(db => db.TemplateSnapshots.Where(s => s.Id == snapshotId).Select(s => s.Version).SingleAsync()));

        var confirmed = await InvitationTests.PostFormAsync(leader, page, ConfirmationFields(preview), tokenFrom: page);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/engagements/{engagementId}/plan", confirmed.Headers.Location!.ToString());
        var snapshot = await App.WithDbAsync(db => db.TemplateSnapshots.SingleAsync(s => s.Id == snapshotId));
        Assert.Equal(5, snapshot.Version);
        Assert.Contains("security-briefing", snapshot.Content);
        var briefing = await TaskAsync(engagementId, "rpo-client-launch/security-briefing");
        var tomasId = await App.WithDbAsync(db => db.Members.Where(m => m.EngagementId == engagementId && m.Email == TaLead).Select(m => m.Id).SingleAsync());
        Assert.Equal((tomasId, snapshotId, PlanTaskStatus.ToDo), (briefing.OwnerId, briefing.TemplateSnapshotId, briefing.Status));
        Assert.Contains($"<td>{briefing.Start:ddd d MMM}</td>", added);
        var kickoffAfter = await TaskAsync(engagementId, "rpo-client-launch/kickoff-meeting");
        Assert.Equal(
            ("Hold the kickoff meeting with both teams", PlanTaskStatus.Done, kickoff.CompletedAt, kickoff.Start, kickoff.Due),
            (kickoffAfter.Title, kickoffAfter.Status, kickoffAfter.CompletedAt, kickoffAfter.Start, kickoffAfter.Due));
        Assert.Equal(["Minutes are in the shared folder."], await App.WithDbAsync(db => db.TaskComments.Where(c => c.TaskId == kickoff.Id).Select(c => c.Body).ToListAsync()));
        var metricsAfter = await TaskAsync(engagementId, "rpo-client-launch/select-metrics");
        Assert.True(metricsAfter.Start > briefing.Due, "the metrics wait for the new briefing");
        Assert.Contains($"{metricsBefore.Start:ddd d MMM} → <strong>{metricsAfter.Start:ddd d MMM}</strong>", changed);
        Assert.Contains(briefing.Id, await App.WithDbAsync(db => db.TaskDependencies.Where(d => d.TaskId == metricsAfter.Id).Select(d => d.DependsOnTaskId).ToListAsync()));
        Assert.False(await App.WithDbAsync(db => db.PlanTasks.AnyAsync(t => t.Id == forecast.Id)));
        Assert.Equal(taskCount, await App.WithDbAsync(db => db.PlanTasks.CountAsync(t => t.EngagementId == engagementId)));

        var activity = await ActivityAsync(App, engagementId);
        var deleted = activity.Single(a => a.Description == "Deleted the task “Share the hiring forecast” (done, 1 comment): removed by template upgrade to version 5");
        var upgraded = activity.Single(a => a.Description.StartsWith("Upgraded the template “RPO client launch” from version 4 to 5: 1 task added, 1 removed (1 done), ", StringComparison.Ordinal));
        Assert.True(deleted.Id < upgraded.Id);
        Assert.Equal(Leader, await App.WithDbAsync(db => db.Users.Where(u => u.Id == upgraded.ActorUserId).Select(u => u.Email).SingleAsync()));
        Assert.DoesNotContain(activity, a => a.TaskId == forecast.Id);
        Assert.Contains(activity, a => a.TaskId == kickoff.Id && a.Description == "Template upgrade to version 5 changed the title of “Hold the kickoff meeting with both teams”");

        var row = Row(await leader.GetStringAsync(templates), snapshotId);
        Assert.Contains("version 5", row);
        Assert.DoesNotContain("available", row);
        Assert.Contains("Nothing to upgrade: this plan uses version 5", await leader.GetStringAsync(page));
    }

    [Fact]
    public async Task A_stale_confirmation_changes_nothing_and_shows_the_upgrade_again()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(App);
        var snapshotId = await SnapshotIdAsync(engagementId, "first-time-buyer");
        var brand = await TaskAsync(engagementId, "first-time-buyer/brand-guidelines");
        var leader = await world.SignedInAsync(Leader);
        var page = $"/engagements/{engagementId}/plan/templates/{snapshotId}/upgrade";
        var preview = await leader.GetStringAsync(page);
        Assert.DoesNotContain("Has 1 comment", Section(preview, "removed"));

        // Someone comments on a task the upgrade would delete after the leader reviewed it.
        await App.WithDbAsync(db =>
        {
            db.TaskComments.Add(new TaskComment { TaskId = brand.Id, AuthorName = "Tomás Herrera", Body = "Still needed for the careers page.", CreatedAt = App.Clock.GetUtcNow() });
            return db.SaveChangesAsync();
        });
        var before = await StateAsync(engagementId);
        var changedPlan = await InvitationTests.PostFormAsync(leader, page, ConfirmationFields(preview), tokenFrom: page);

        Assert.Equal(HttpStatusCode.Conflict, changedPlan.StatusCode);
        var again = await changedPlan.Content.ReadAsStringAsync();
        Assert.Contains("The plan changed since you reviewed the upgrade", again);
        Assert.Contains("Has 1 comment", Section(again, "removed"));
        Assert.Equal(before, await StateAsync(engagementId));

        // Another leader upgraded in the meantime: the reviewed version is no longer the plan's.
        await App.WithDbAsync(db => db.TemplateSnapshots.Where(s => s.Id == snapshotId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, 5)));
        try
        {
            var otherVersion = await InvitationTests.PostFormAsync(leader, page, ConfirmationFields(again), tokenFrom: $"/engagements/{engagementId}/plan/templates");

            Assert.Equal(HttpStatusCode.Conflict, otherVersion.StatusCode);
            Assert.Contains("this plan moved to version 5 of “First-time buyer transition checklist”. Nothing was changed", await otherVersion.Content.ReadAsStringAsync());
            Assert.Equal(before, await StateAsync(engagementId) with { Version = 4 });
        }
        finally
        {
            await App.WithDbAsync(db => db.TemplateSnapshots.Where(s => s.Id == snapshotId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, 4)));
        }
    }

    [Fact]
    public async Task A_new_task_for_a_role_nobody_has_is_shown_and_never_saved()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(App);
        var snapshotId = await App.WithDbAsync(db => db.TemplateSnapshots
            .Where(s => s.EngagementId == engagementId && s.TemplateKey == "recruiter-onboarding" && s.ForMember!.Email == "riya.shah@northstar.example")
            .Select(s => s.Id).SingleAsync());
        var leader = await world.SignedInAsync(Leader);
        var page = $"/engagements/{engagementId}/plan/templates/{snapshotId}/upgrade";
        await SetSponsorRoleAsync(engagementId, EngagementRole.HiringManager);
        try
        {
            var preview = await leader.GetStringAsync(page);

            Assert.Contains("Upgrade “Recruiter onboarding for Riya Shah” to version 4", preview);
            Assert.Contains("This upgrade cannot be applied.", preview);
            Assert.Contains("The new version gives tasks to the executive sponsor role, but nobody in this engagement has it", preview);
            Assert.Contains("Nobody is executive sponsor", Section(preview, "added"));
            Assert.DoesNotContain("Upgrade to version 4", preview);

            var forced = await InvitationTests.PostFormAsync(leader, page, new() { ["FromVersion"] = "3", ["ToVersion"] = "4", ["Fingerprint"] = "" }, tokenFrom: page);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, forced.StatusCode);
            Assert.Equal(3, await App.WithDbAsync(db => db.TemplateSnapshots.Where(s => s.Id == snapshotId).Select(s => s.Version).SingleAsync()));
            Assert.False(await App.WithDbAsync(db => db.PlanTasks.AnyAsync(t => t.Key == "recruiter-onboarding/riya-shah-northstar-example/sponsor-thanks")));
        }
        finally
        {
            await SetSponsorRoleAsync(engagementId, EngagementRole.ExecutiveSponsor);
        }
    }

    [Fact]
    public async Task A_template_applied_later_is_upgraded_from_its_own_day_1_for_its_own_recruiter()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(App);
        var noorId = await AddRecruiterAsync(App, engagementId, "Noor Haddad", "noor.haddad@northstar.example");
        // Applied with the starter catalog (version 3) from Noor's first day, Monday 21 December.
        var starter = await App.SignedInClientAsync(Leader);
        var templates = $"/engagements/{engagementId}/plan/templates";
        var applied = await InvitationTests.PostFormAsync(starter, templates,
            new() { ["TemplateKey"] = "recruiter-onboarding", ["MemberId"] = noorId.ToString(), ["Start"] = "2026-12-21", ["Action"] = "apply" }, tokenFrom: templates);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var snapshotId = await App.WithDbAsync(db => db.TemplateSnapshots.Where(s => s.ForMemberId == noorId).Select(s => s.Id).SingleAsync());
        var leader = await world.SignedInAsync(Leader);
        var page = $"{templates}/{snapshotId}/upgrade";

        var preview = await leader.GetStringAsync(page);
        var confirmed = await InvitationTests.PostFormAsync(leader, page, ConfirmationFields(preview), tokenFrom: page);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var thanks = await TaskAsync(engagementId, "recruiter-onboarding/noor-haddad-northstar-example/sponsor-thanks");
        var samuelId = await App.WithDbAsync(db => db.Members.Where(m => m.EngagementId == engagementId && m.Email == "samuel.okafor@acme.example").Select(m => m.Id).SingleAsync());
        // Working day 10 counted from 21 December, not from the engagement's kickoff.
        Assert.Equal((new DateOnly(2027, 1, 1), samuelId), (thanks.Start, thanks.OwnerId));
        Assert.Contains("<td>Fri 1 Jan</td>", Section(preview, "added"));
        Assert.False(await App.WithDbAsync(db => db.PlanTasks.AnyAsync(t => t.Key == "recruiter-onboarding/riya-shah-northstar-example/sponsor-thanks")));
    }

    [Fact]
    public async Task The_plan_upgrade_verb_shows_the_changes_on_a_dry_run_and_applies_them_otherwise()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(App);
        var lenaId = await AddRecruiterAsync(App, engagementId, "Lena Vogel", "lena.vogel@northstar.example");
        var starter = await App.SignedInClientAsync(Leader);
        var templates = $"/engagements/{engagementId}/plan/templates";
        var applied = await InvitationTests.PostFormAsync(starter, templates,
            new() { ["TemplateKey"] = "recruiter-onboarding", ["MemberId"] = lenaId.ToString(), ["Start"] = "2026-11-30", ["Action"] = "apply" }, tokenFrom: templates);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Task<(int Exit, string Output, string Error)> Run(params string[] args) =>
            AppProcess.RunAsync(App.ConnectionString, [$"--Templates:Directory={world.TemplatesFolder}", "plan", "upgrade", "--engagement", $"{engagementId}", .. args]);

        var ambiguous = await Run("--template", "recruiter-onboarding", "--dry-run");
        Assert.Equal(2, ambiguous.Exit);
        Assert.Contains("plan upgrade: --template recruiter-onboarding is applied for", ambiguous.Error);
        Assert.Contains("lena.vogel@northstar.example", ambiguous.Error);

        var dryRun = await Run("--template", "recruiter-onboarding", "--member", "Lena.Vogel@northstar.example", "--dry-run");
        Assert.True(dryRun.Exit == 0, dryRun.Error);
        Assert.Equal(
            "“Recruiter onboarding for Lena Vogel”: applied version 3, catalog version 4\n" +
            "  + Thank the recruiter in person · Samuel Okafor · 2026-12-11 to 2026-12-11\n" +
            "plan upgrade: dry run, nothing was changed.\n",
            dryRun.Output);
        var snapshotId = await App.WithDbAsync(db => db.TemplateSnapshots.Where(s => s.ForMemberId == lenaId).Select(s => s.Id).SingleAsync());
        Assert.Equal(3, await App.WithDbAsync(db => db.TemplateSnapshots.Where(s => s.Id == snapshotId).Select(s => s.Version).SingleAsync()));

        var upgraded = await Run("--template", "recruiter-onboarding", "--member", "lena.vogel@northstar.example");
        Assert.True(upgraded.Exit == 0, upgraded.Error);
        Assert.EndsWith("plan upgrade: “Recruiter onboarding for Lena Vogel” is now at version 4: 1 task added, 0 removed (0 done), 0 changed.\n", upgraded.Output);
        Assert.Equal(4, await App.WithDbAsync(db => db.TemplateSnapshots.Where(s => s.Id == snapshotId).Select(s => s.Version).SingleAsync()));
        Assert.Contains(await ActivityAsync(App, engagementId), a => a.ActorName == "Command line" && a.Description.StartsWith("Upgraded the template “Recruiter onboarding for Lena Vogel” from version 3 to 4", StringComparison.Ordinal));

        var again = await Run("--template", "recruiter-onboarding", "--member", "lena.vogel@northstar.example");
        Assert.Equal(1, again.Exit);
        Assert.Contains("plan upgrade: Nothing to upgrade: this plan uses version 4", again.Error);
    }

    [Fact]
    public async Task A_template_that_no_longer_validates_is_explained_and_offers_no_upgrade()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(App);
        var snapshotId = await SnapshotIdAsync(engagementId, "first-time-buyer");
        var folder = Directory.CreateTempSubdirectory("onboarding-upgrade-broken-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(world.TemplatesFolder, "*.md"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
            var broken = Path.Combine(folder, "first-time-buyer.md");
            File.WriteAllText(broken, File.ReadAllText(broken).Replace("- owner: ta-lead", "- owner: cfo"));
            using var withBroken = world.Web.WithWebHostBuilder(b => b.UseSetting("Templates:Directory", folder));
            var leader = await UpgradeWorld.SignedInAsync(withBroken, Leader);

            Assert.DoesNotContain("available", Row(await leader.GetStringAsync($"/engagements/{engagementId}/plan/templates"), snapshotId));
            var preview = await leader.GetStringAsync($"/engagements/{engagementId}/plan/templates/{snapshotId}/upgrade");

            Assert.Contains("The catalog&#x27;s template &#x27;first-time-buyer&#x27; has errors", preview);
            Assert.Contains("unknown owner role &#x27;cfo&#x27;", preview);
            Assert.DoesNotContain("Upgrade to version", preview);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Only_leaders_of_an_open_engagement_may_upgrade()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(App);
        var snapshotId = await SnapshotIdAsync(engagementId, "first-time-buyer");
        var page = $"/engagements/{engagementId}/plan/templates/{snapshotId}/upgrade";
        var overview = $"/engagements/{engagementId}";
        var fields = new Dictionary<string, string> { ["FromVersion"] = "4", ["ToVersion"] = "5", ["Fingerprint"] = "" };

        var taLead = await world.SignedInAsync(TaLead);
        Assert.Equal(HttpStatusCode.Forbidden, (await taLead.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await InvitationTests.PostFormAsync(taLead, page, new(fields), tokenFrom: overview)).StatusCode);

        var outsider = await OutsiderAsync(App, "olive.upgrade@other.example");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await InvitationTests.PostFormAsync(outsider, page, new(fields), tokenFrom: "/engagements")).StatusCode);

        var leader = await world.SignedInAsync(Leader);
        var preview = await leader.GetStringAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/engagements/{engagementId}/plan/templates/999999/upgrade")).StatusCode);
        await SetStatusAsync(engagementId, EngagementStatus.Closed);
        try
        {
            var closedPreview = await leader.GetAsync(page);
            Assert.Equal(HttpStatusCode.Conflict, closedPreview.StatusCode);
            Assert.Contains("This engagement is completed", await closedPreview.Content.ReadAsStringAsync());
            var closedConfirm = await InvitationTests.PostFormAsync(leader, page, ConfirmationFields(preview), tokenFrom: overview);
            Assert.Equal(HttpStatusCode.Conflict, closedConfirm.StatusCode);
        }
        finally
        {
            await SetStatusAsync(engagementId, EngagementStatus.Active);
        }
        Assert.Equal(4, await App.WithDbAsync(db => db.TemplateSnapshots.Where(s => s.Id == snapshotId).Select(s => s.Version).SingleAsync()));
        Assert.True(await App.WithDbAsync(db => db.PlanTasks.AnyAsync(t => t.EngagementId == engagementId && t.Key == "first-time-buyer/brand-guidelines")));
    }

    /// <summary>The snapshot version, task keys, titles and statuses, comments and activity count: what an upgrade would change.</summary>
    private sealed record PlanState(int Version, string Tasks, int Comments, int Activity);

    private Task<PlanState> StateAsync(int engagementId) =>
        App.WithDbAsync(async db =>
        {
            var tasks = await db.PlanTasks.Where(t => t.EngagementId == engagementId).OrderBy(t => t.Key).Select(t => t.Key + "|" + t.Title + "|" + t.Status + "|" + t.Start).ToListAsync();
            return new PlanState(
                await db.TemplateSnapshots.Where(s => s.EngagementId == engagementId && s.TemplateKey == "first-time-buyer").Select(s => s.Version).SingleAsync(),
                string.Join("\n", tasks),
                await db.TaskComments.CountAsync(c => db.PlanTasks.Any(t => t.Id == c.TaskId && t.EngagementId == engagementId)),
                await db.Activity.CountAsync(a => a.EngagementId == engagementId));
        });

    private Task<int> SnapshotIdAsync(int engagementId, string templateKey) =>
        App.WithDbAsync(db => db.TemplateSnapshots.Where(s => s.EngagementId == engagementId && s.TemplateKey == templateKey).Select(s => s.Id).SingleAsync());

    private Task<PlanTask> TaskAsync(int engagementId, string key) =>
        App.WithDbAsync(db => db.PlanTasks.AsNoTracking().SingleAsync(t => t.EngagementId == engagementId && t.Key == key));

    /// <summary>Marks the task done (whatever the demo made of it) with one comment, and returns it.</summary>
    private Task<PlanTask> DoneWithCommentAsync(int engagementId, string key, string comment) =>
        App.WithDbAsync(async db =>
        {
            var task = await db.PlanTasks.SingleAsync(t => t.EngagementId == engagementId && t.Key == key);
            task.Status = PlanTaskStatus.Done;
            task.CompletedAt ??= new DateTimeOffset(task.Due.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero);
            db.TaskComments.Add(new TaskComment { TaskId = task.Id, AuthorName = "Alex Morgan", Body = comment, CreatedAt = App.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
            return task;
        });

    private Task SetSponsorRoleAsync(int engagementId, EngagementRole role) =>
        App.WithDbAsync(db => db.Members.Where(m => m.EngagementId == engagementId && m.Email == "samuel.okafor@acme.example").ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, role)));

    private Task SetStatusAsync(int engagementId, EngagementStatus status) =>
        App.WithDbAsync(db => db.Engagements.Where(e => e.Id == engagementId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, status)
            .SetProperty(e => e.ClosedAt, status == EngagementStatus.Closed ? App.Clock.GetUtcNow() : null)));

    /// <summary>The hidden fields of the preview's confirmation form, as a browser would post them.</summary>
    private static Dictionary<string, string> ConfirmationFields(string html) =>
        new[] { "FromVersion", "ToVersion", "Fingerprint" }.ToDictionary(
            name => name,
            name => Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"no {name} on the page"));

    /// <summary>The row of one applied template on the plan templates page.</summary>
    private static string Row(string html, int snapshotId)
    {
        var start = html.IndexOf($"<tr id=\"template-{snapshotId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for snapshot {snapshotId}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    /// <summary>The HTML of one section of the preview, by id.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
