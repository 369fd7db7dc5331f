using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;
using Onboarding.Tests.Support;
using Onboarding.Tests.Unit.Templates;

namespace Onboarding.Tests.Integration;

/// <summary>The three starter templates launched through the form: their metrics exist, and go-live shows in every view; on PostgreSQL.</summary>
public class GoLiveAndMetricsTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task A_launch_with_three_templates_creates_their_metrics_once_each_with_sides_stages_targets_and_glossary_links()
    {
        var launch = await PerPersonSteps.LaunchAsync(app, "Metrics from templates", 2);

        await GoLiveAndMetricsSteps.MetricsCameFromTheTemplatesAsync(app, launch);
        await GoLiveAndMetricsSteps.MetricsPageGroupsThemAsync(app, launch);
    }

    [Fact]
    public async Task Go_live_is_on_the_plan_timeline_the_calendar_feed_and_the_digests_of_the_week_before()
    {
        var launch = await PerPersonSteps.LaunchAsync(app, "Go-live everywhere", 1);

        await GoLiveAndMetricsSteps.GoLiveShowsEverywhereAsync(app, launch);
    }
}

/// <summary>The same on the embedded default's SQLite file.</summary>
public sealed class SqliteGoLiveAndMetricsTests : IAsyncLifetime
{
    private readonly OnboardingFactory app = new() { Provider = DatabaseProvider.Sqlite };

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task On_sqlite_a_launch_creates_the_templates_metrics_once_each_and_go_live_shows_everywhere()
    {
        var launch = await PerPersonSteps.LaunchAsync(app, "Sqlite metrics", 1);

        await GoLiveAndMetricsSteps.MetricsCameFromTheTemplatesAsync(app, launch);
        await GoLiveAndMetricsSteps.MetricsPageGroupsThemAsync(app, launch);
        await GoLiveAndMetricsSteps.GoLiveShowsEverywhereAsync(app, launch);
    }
}

internal static class GoLiveAndMetricsSteps
{
    private static readonly string[] StarterKeys = ["rpo-client-launch", "first-time-buyer", "recruiter-onboarding"];

    public static async Task MetricsCameFromTheTemplatesAsync(OnboardingFactory app, LaunchedEngagement launch)
    {
        var catalog = TemplateCatalog.Load(RepoPaths.Templates);
        var suggested = StarterKeys.SelectMany(k => catalog.Find(k)!.Metrics).ToList();
        var metrics = await app.WithDbAsync(db => db.Metrics.AsNoTracking().Where(m => m.EngagementId == launch.EngagementId).ToListAsync());
        var glossary = await app.WithDbAsync(db => db.GlossaryTerms.AsNoTracking().Where(g => g.EngagementId == launch.EngagementId).ToListAsync());

        // Several templates suggest "Hiring manager satisfaction" and "Time to first shortlist": one metric each.
        Assert.True(suggested.Count > suggested.Select(s => s.Name).Distinct().Count(), "the starter templates should share some metrics");
        Assert.Equal(suggested.Select(s => s.Name).Distinct().Order(), metrics.Select(m => m.Name).Order());

        var shortlist = metrics.Single(m => m.Name == "Time to first shortlist");
        Assert.Equal((MetricSide?)MetricSide.Provider, shortlist.Side);
        Assert.Equal(MetricStage.Early, shortlist.Stage);
        Assert.Equal(5m, shortlist.Target);
        Assert.Equal("working days", shortlist.Unit);

        var feedback = metrics.Single(m => m.Name == "Interview feedback turnaround");
        Assert.Equal((MetricSide?)MetricSide.Client, feedback.Side);
        Assert.Equal(2m, feedback.Target);
        Assert.Equal("2 or fewer", feedback.TargetText);

        var timeToFill = metrics.Single(m => m.Name == "Time to fill");
        Assert.Equal(MetricStage.Lagging, timeToFill.Stage);
        // No time-to-fill verdict at day 90: the first hires land around days 45–75, so it means something from day 120.
        Assert.Equal(120, timeToFill.MeaningfulFromDay);
        Assert.Null(timeToFill.Side);
        // "10% below the baseline" is no number yet: the target waits for the baseline.
        Assert.Null(timeToFill.Target);
        Assert.Equal("Time to fill", MetricGlossary.NamedBy(timeToFill, glossary)?.ClientTerm);

        var satisfaction = metrics.Single(m => m.Name == "Hiring manager satisfaction");
        Assert.Equal(MetricStage.Lagging, satisfaction.Stage);
        Assert.Equal("Hiring manager satisfaction", MetricGlossary.NamedBy(satisfaction, glossary)?.ClientTerm);
        // The definition's words link too: the shortlist is measured from the intake.
        Assert.Contains(MetricGlossary.TermsFor(shortlist, glossary), t => t.ClientTerm == "Intake");
    }

    public static async Task MetricsPageGroupsThemAsync(OnboardingFactory app, LaunchedEngagement launch)
    {
        var leader = await app.SignedInClientAsync(PerPersonSteps.Leader);
        var page = WebUtility.HtmlDecode(await leader.GetStringAsync($"/engagements/{launch.EngagementId}/metrics"));
        var timeToFillTerm = await app.WithDbAsync(db => db.GlossaryTerms.Where(g => g.EngagementId == launch.EngagementId && g.ClientTerm == "Time to fill").Select(g => g.Id).SingleAsync());

        var early = page.IndexOf("<h2 id=\"early-title\">Early indicators</h2>", StringComparison.Ordinal);
        var lagging = page.IndexOf("<h2 id=\"lagging-title\">Lagging indicators</h2>", StringComparison.Ordinal);
        Assert.True(early > 0 && lagging > early, "early indicators come before lagging ones");
        var earlyPart = page[early..lagging];
        var laggingPart = page[lagging..];
        var provider = earlyPart.IndexOf("Service levels the provider commits to", StringComparison.Ordinal);
        var client = earlyPart.IndexOf("Service levels the client commits to", StringComparison.Ordinal);
        Assert.True(provider > 0 && client > provider, "the provider's service levels, then the client's");
        Assert.Contains("Time to first shortlist", earlyPart[provider..client]);
        Assert.Contains("Interview feedback turnaround", earlyPart[client..]);
        Assert.Contains("Time to fill", laggingPart);
        Assert.DoesNotContain("Time to fill", earlyPart);
        var fromDay120 = launch.Kickoff.AddDays(119).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"Meaningful from day 120 ({fromDay120})", laggingPart);
        Assert.Contains($"<a href=\"/engagements/{launch.EngagementId}/glossary#term-{timeToFillTerm}\" title=\"The glossary's definition\">Time to fill</a>", page);
    }

    public static async Task GoLiveShowsEverywhereAsync(OnboardingFactory app, LaunchedEngagement launch)
    {
        var goLive = await app.WithDbAsync(db => db.Engagements.Where(e => e.Id == launch.EngagementId).Select(e => e.GoLive).SingleAsync());
        var leader = await app.SignedInClientAsync(PerPersonSteps.Leader);

        var plan = WebUtility.HtmlDecode(await leader.GetStringAsync($"/engagements/{launch.EngagementId}/plan"));
        Assert.Contains($"<path class=\"go-live\"", plan);
        Assert.Contains($"<title>{goLive:d MMM}: Go-live", plan);

        var manager = launch.Managers[0];
        var token = await app.WithDbAsync(db => db.Members.Where(m => m.Id == manager.Id).Select(m => m.CalendarToken).SingleAsync());
        var feed = await app.AnonymousClient().GetStringAsync($"/calendar/{token}.ics");
        var goLiveEvent = EventWithUid(feed, $"go-live-{launch.EngagementId}@onboarding");
        Assert.Contains($"DTSTART;VALUE=DATE:{goLive:yyyyMMdd}", goLiveEvent);
        Assert.Contains($"DTEND;VALUE=DATE:{goLive.AddDays(1):yyyyMMdd}", goLiveEvent);
        Assert.Contains("SUMMARY:◆ Go-live", goLiveEvent);

        // The manager's digests of the week before go-live (on the cadence's days) announce it with its date.
        var weekBefore = new List<string>();
        for (var day = goLive.AddDays(-6); day < goLive; day = day.AddDays(1))
        {
            weekBefore.Add(await PerPersonSteps.DigestPreviewAsync(app, launch, manager.Id, day));
        }
        var date = goLive.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        Assert.Contains(weekBefore, d => d.Contains($"Go-live on {date} (in ", StringComparison.Ordinal));
        var weeksBefore = await PerPersonSteps.DigestPreviewAsync(app, launch, manager.Id, goLive.AddDays(-14));
        Assert.DoesNotContain("Go-live on", weeksBefore);
        Assert.DoesNotContain("Go-live today", weeksBefore);
    }

    /// <summary>The one VEVENT with this UID, unfolded; fails when there is none or more than one.</summary>
    private static string EventWithUid(string ics, string uid)
    {
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        var events = unfolded.Split("BEGIN:VEVENT").Skip(1).Where(e => e.Contains($"UID:{uid}\r\n", StringComparison.Ordinal)).ToList();
        return Assert.Single(events);
    }
}
