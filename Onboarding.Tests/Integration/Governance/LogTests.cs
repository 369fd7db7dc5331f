using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Data;
using Onboarding.Core.Governance;
using Onboarding.Jobs.Governance;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.InvitationTests;

namespace Onboarding.Tests.Integration.Governance;

public class LogTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public Task A_leader_opens_an_issue_links_a_task_and_closes_it_with_a_resolution() => LogSteps.OpenLinkCloseAsync(app);

    [Fact]
    public Task A_client_stakeholder_never_sees_a_provider_only_entry() => LogSteps.ProviderOnlyIsHiddenAsync(app);

    [Fact]
    public Task A_critical_issue_escalates_after_the_working_days_and_is_mailed_at_once() => LogSteps.CriticalEscalatesAsync(app);

    [Fact]
    public async Task An_edit_from_an_older_version_is_refused_and_says_who_changed_it()
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(LogSteps.Leader);
        var entryId = await LogSteps.OpenAsync(leader, engagementId, "Offer approvals slow", "High");
        var path = $"/engagements/{engagementId}/log/{entryId}";
        var version = await app.WithDbAsync(db => db.LogEntries.Where(e => e.Id == entryId).Select(e => e.Version).FirstAsync());

        var first = await PostFormAsync(leader, path, LogSteps.Fields("Offer approvals slow", "Critical", version));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stale = await PostFormAsync(leader, path, LogSteps.Fields("Offer approvals very slow", "Low", version));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("after you opened it", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        var saved = await app.WithDbAsync(db => db.LogEntries.Include(e => e.Steps).FirstAsync(e => e.Id == entryId));
        Assert.Equal(LogSeverity.Critical, saved.Severity);
        Assert.Contains(saved.Steps, s => s.Kind == LogStepKind.Changed && s.Text.Contains("Severity: High → Critical"));
    }

    [Fact]
    public async Task Bad_input_gets_a_message_naming_the_field()
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(LogSteps.Leader);
        var log = $"/engagements/{engagementId}/log";

        var empty = await PostFormAsync(leader, log, new() { ["Title"] = "", ["Due"] = "31/31/2026" });
        var html = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Give the entry a title", html);
        Assert.Contains("Due", html);

        var huge = await PostFormAsync(leader, log, new() { ["Title"] = new string('x', 5000) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, huge.StatusCode);
        Assert.Contains("The title is 5,000 characters long", WebUtility.HtmlDecode(await huge.Content.ReadAsStringAsync()));

        var entryId = await LogSteps.OpenAsync(leader, engagementId, "Needs a resolution", "Low");
        var close = await PostFormAsync(leader, $"{log}/{entryId}/close", new() { ["Resolution"] = " " }, tokenFrom: $"{log}/{entryId}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, close.StatusCode);
        Assert.Contains("Say how it was resolved", WebUtility.HtmlDecode(await close.Content.ReadAsStringAsync()));

        var ladder = await PostFormAsync(leader, $"{log}/ladder", new() { ["Rungs[0]"] = "TaLead", ["Rungs[1]"] = "TaLead", ["WorkingDays"] = "0" }, tokenFrom: log);
        var ladderHtml = WebUtility.HtmlDecode(await ladder.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ladder.StatusCode);
        Assert.Contains("Each role can be one rung only", ladderHtml);
        Assert.Contains("Escalate after 1 to 30 working days", ladderHtml);
    }
}

/// <summary>The same on the embedded default's SQLite file.</summary>
public sealed class SqliteLogTests : IAsyncLifetime
{
    private readonly OnboardingFactory app = new() { Provider = DatabaseProvider.Sqlite };

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task On_sqlite_the_log_works_hides_provider_only_entries_and_escalates()
    {
        await LogSteps.OpenLinkCloseAsync(app);
        await LogSteps.ProviderOnlyIsHiddenAsync(app);
        await LogSteps.CriticalEscalatesAsync(app);
    }
}

internal static class LogSteps
{
    public const string Leader = "alex.morgan@northstar.example";
    public const string Recruiter = "riya.shah@northstar.example";
    public const string HiringManager = "hana.kobayashi@acme.example";

    public static Dictionary<string, string> Fields(string title, string severity, int? version = null, bool providerOnly = false)
    {
        var form = new Dictionary<string, string> { ["Kind"] = "Issue", ["Title"] = title, ["Severity"] = severity, ["Side"] = "Client", ["Description"] = "The **client** side." };
        if (version is { } v)
        {
            form["Version"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (providerOnly)
        {
            form["ProviderInternal"] = "true";
        }
        return form;
    }

    public static async Task<int> OpenAsync(HttpClient client, int engagementId, string title, string severity, bool providerOnly = false)
    {
        var response = await PostFormAsync(client, $"/engagements/{engagementId}/log", Fields(title, severity, providerOnly: providerOnly));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task OpenLinkCloseAsync(OnboardingFactory app)
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Grant ATS access for the log");
        var leader = await app.SignedInClientAsync(Leader);
        var entryId = await OpenAsync(leader, engagementId, "ATS access missing", "High");
        var path = $"/engagements/{engagementId}/log/{entryId}";

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(leader, $"{path}/tasks", new() { ["TaskId"] = taskId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, tokenFrom: path)).StatusCode);
        Assert.Contains("Open in the log", await leader.GetStringAsync($"/engagements/{engagementId}/tasks/{taskId}"));

        var closed = await PostFormAsync(leader, $"{path}/close", new() { ["Resolution"] = "IT granted **access**." }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var page = await leader.GetStringAsync(path);
        Assert.Contains("IT granted <strong>access</strong>.", page);
        Assert.Contains("Linked task", WebUtility.HtmlDecode(page));
        Assert.DoesNotContain("Open in the log", await leader.GetStringAsync($"/engagements/{engagementId}/tasks/{taskId}")); // closed: no longer open on the task
        Assert.Contains("ATS access missing", await leader.GetStringAsync($"/engagements/{engagementId}/log?status=closed"));
        Assert.DoesNotContain("ATS access missing", await leader.GetStringAsync($"/engagements/{engagementId}/log"));

        var entry = await app.WithDbAsync(db => db.LogEntries.Include(e => e.Steps).Include(e => e.Tasks).FirstAsync(e => e.Id == entryId));
        Assert.Equal(LogEntryStatus.Closed, entry.Status);
        Assert.Equal("IT granted **access**.", entry.Resolution);
        Assert.Equal([LogStepKind.Opened, LogStepKind.Changed, LogStepKind.Closed], entry.Steps.OrderBy(s => s.Id).Select(s => s.Kind));
        Assert.Equal(taskId, Assert.Single(entry.Tasks).TaskId);

        var reopened = await PostFormAsync(leader, $"{path}/reopen", new() { ["Reason"] = "Access lapsed again" }, tokenFrom: path);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal(LogEntryStatus.Open, await app.WithDbAsync(db => db.LogEntries.Where(e => e.Id == entryId).Select(e => e.Status).FirstAsync()));
    }

    public static async Task ProviderOnlyIsHiddenAsync(OnboardingFactory app)
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Screen the first candidates");
        var recruiter = await app.SignedInClientAsync(Recruiter);
        var client = await app.SignedInClientAsync(HiringManager);
        var hiddenId = await OpenAsync(recruiter, engagementId, "Recruiter needs coaching on screening", "Medium", providerOnly: true);
        var visibleId = await OpenAsync(recruiter, engagementId, "Interview slots scarce", "Medium");
        var hiddenPath = $"/engagements/{engagementId}/log/{hiddenId}";
        await PostFormAsync(recruiter, $"{hiddenPath}/tasks", new() { ["TaskId"] = taskId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, tokenFrom: hiddenPath);

        var list = await client.GetStringAsync($"/engagements/{engagementId}/log?status=all");
        Assert.Contains("Interview slots scarce", list);
        Assert.DoesNotContain("coaching", list);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(hiddenPath)).StatusCode);
        Assert.DoesNotContain("coaching", await client.GetStringAsync($"/engagements/{engagementId}/tasks/{taskId}"));
        Assert.DoesNotContain("coaching", await client.GetStringAsync($"/engagements/{engagementId}/activity"));
        Assert.Contains("coaching", await recruiter.GetStringAsync($"/engagements/{engagementId}/tasks/{taskId}"));
        Assert.DoesNotContain("Provider only", await client.GetStringAsync($"/engagements/{engagementId}/log/{visibleId}"));

        // Nor can a client stakeholder write one, or change an entry they do not own.
        var refused = await PostFormAsync(client, $"/engagements/{engagementId}/log", Fields("Hidden from my own side?", "Low", providerOnly: true));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var notOwner = await PostFormAsync(client, $"/engagements/{engagementId}/log/{visibleId}/close", new() { ["Resolution"] = "Fine now" }, tokenFrom: $"/engagements/{engagementId}/log");
        Assert.Equal(HttpStatusCode.Forbidden, notOwner.StatusCode);
        var notVisible = await PostFormAsync(client, $"{hiddenPath}/close", new() { ["Resolution"] = "Fine now" }, tokenFrom: $"/engagements/{engagementId}/log");
        Assert.Equal(HttpStatusCode.NotFound, notVisible.StatusCode);
    }

    public static async Task CriticalEscalatesAsync(OnboardingFactory app)
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(Leader);
        var entryId = await OpenAsync(leader, engagementId, "Offer letters stuck in legal", "Critical");
        var before = app.Smtp.Messages.Count;

        await RunJobAsync(app);
        Assert.Equal(0, await app.WithDbAsync(db => db.LogEntries.Where(e => e.Id == entryId).Select(e => e.EscalationLevel).FirstAsync()));

        // Ten calendar days later at least three working days have passed, whatever the holidays of the demo's calendar.
        app.Clock.Advance(TimeSpan.FromDays(10));
        await RunJobAsync(app);

        var entry = await app.WithDbAsync(db => db.LogEntries.Include(e => e.Steps).FirstAsync(e => e.Id == entryId));
        Assert.Equal(1, entry.EscalationLevel);
        var step = Assert.Single(entry.Steps, s => s.Kind == LogStepKind.Escalated);
        Assert.NotNull(step.ToldAt);
        var mail = app.Smtp.Messages.Skip(before).Select(m => m.Parse()).Single(m => (m.Subject ?? "").Contains("Offer letters stuck in legal", StringComparison.Ordinal));
        Assert.Equal(Recruiter, mail.To.Mailboxes.Single().Address);
        Assert.Contains($"{OnboardingFactory.BaseUrl}/engagements/{engagementId}/log/{entryId}", mail.TextBody ?? "");

        // Run again at once: the clock restarted at the new level, nothing climbs twice.
        await RunJobAsync(app);
        Assert.Equal(1, await app.WithDbAsync(db => db.LogEntries.Where(e => e.Id == entryId).Select(e => e.EscalationLevel).FirstAsync()));
        leader = await app.SignedInClientAsync(Leader);
        await PostFormAsync(leader, $"/engagements/{engagementId}/log/{entryId}/close", new() { ["Resolution"] = "Legal signed off" }, tokenFrom: $"/engagements/{engagementId}/log/{entryId}");
    }

    private static async Task RunJobAsync(OnboardingFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EscalationJob>().RunAsync(CancellationToken.None);
    }
}
