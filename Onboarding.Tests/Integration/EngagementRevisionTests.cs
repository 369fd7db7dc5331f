using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

/// <summary>
/// The overview and the plan keep what they read until the engagement's revision changes: every
/// save that touches an engagement must change it, and nothing else's; and its provider's portfolio revision,
/// which the portfolio keeps its list under.
/// </summary>
public class EngagementRevisionTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    public static TheoryData<string> Changes => ["task status", "win added", "milestone deleted", "member renamed", "outcome added", "engagement edited", "measurement recorded", "issue logged"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Saving_a_record_of_an_engagement_gives_it_a_new_revision_and_no_other(string change)
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var otherId = await app.WithDbAsync(async db =>
        {
            var demo = await db.Engagements.AsNoTracking().FirstAsync(e => e.Id == engagementId);
            var other = new Engagement
            {
                Name = $"Bystander for {change}",
                TimeZone = "Europe/London",
                ProviderId = demo.ProviderId,
                ClientId = demo.ClientId,
                Kickoff = demo.Kickoff,
                GoLive = demo.GoLive,
                CreatedAt = demo.CreatedAt,
            };
            db.Engagements.Add(other);
            await db.SaveChangesAsync();
            return other.Id;
        });
        var before = await RevisionsAsync(engagementId, otherId);

        await app.WithDbAsync(async db =>
        {
            await Apply(db, engagementId, change);
            return await db.SaveChangesAsync();
        });

        var after = await RevisionsAsync(engagementId, otherId);
        Assert.NotEqual(before.Changed, after.Changed);
        Assert.Equal(before.Other, after.Other);
        Assert.NotEqual(before.Portfolio, after.Portfolio);
    }

    [Fact]
    public async Task The_plan_and_the_overview_show_a_change_saved_by_another_process_on_the_next_request()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync("alex.morgan@northstar.example");
        var plan = $"/engagements/{engagementId}/plan";
        var overview = $"/engagements/{engagementId}";
        Assert.DoesNotContain("Renamed by the worker", await leader.GetStringAsync(plan));
        Assert.DoesNotContain("Quinn Renamed", await leader.GetStringAsync(overview));

        // A separate DbContext, as the worker process or another web node would save.
        await app.WithDbAsync(async db =>
        {
            var task = await db.PlanTasks.Where(t => t.EngagementId == engagementId).OrderBy(t => t.Id).FirstAsync();
            task.Title = "Renamed by the worker";
            var member = await db.Members.Where(m => m.EngagementId == engagementId && m.Role == EngagementRole.HiringManager).FirstAsync();
            member.Name = "Quinn Renamed";
            return await db.SaveChangesAsync();
        });

        Assert.Contains("Renamed by the worker", await leader.GetStringAsync(plan));
        Assert.Contains("Quinn Renamed", await leader.GetStringAsync(overview));
    }

    [Fact]
    public async Task The_overview_health_follows_a_change_saved_by_another_process_and_the_engagement_s_next_days()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync("alex.morgan@northstar.example");
        await AssertOverviewShowsComputedHealthAsync(leader, engagementId);

        await app.WithDbAsync(async db =>
        {
            db.LogEntries.Add(new LogEntry { EngagementId = engagementId, Kind = LogEntryKind.Issue, Title = "Hiring freeze rumoured", Severity = LogSeverity.Critical, CreatedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var health = await AssertOverviewShowsComputedHealthAsync(leader, engagementId);
        Assert.Contains("1 issue open at critical severity", health);

        // Nothing saved, but two weeks on more work is overdue: the health is the engagement's today's.
        app.Clock.Advance(TimeSpan.FromDays(14));
        leader = await app.SignedInClientAsync("alex.morgan@northstar.example");
        Assert.NotEqual(health, await AssertOverviewShowsComputedHealthAsync(leader, engagementId));
    }

    /// <summary>The overview's health panel lists exactly the reasons <see cref="HealthQuery"/> computes now; returns the panel.</summary>
    private async Task<string> AssertOverviewShowsComputedHealthAsync(HttpClient leader, int engagementId)
    {
        var page = await leader.GetStringAsync($"/engagements/{engagementId}");
        var start = page.IndexOf("id=\"health\"", StringComparison.Ordinal);
        var panel = page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
        var computed = await app.WithDbAsync(async db =>
            (await HealthQuery.LoadAsync(db, db.Engagements.Where(e => e.Id == engagementId), app.Clock.GetUtcNow())).Single().Computed);
        Assert.Contains($"Computed: {computed.Colour}", panel);
        Assert.Equal(computed.Reasons.Count, panel.Split("<li>").Length - 1);
        Assert.All(computed.Reasons, r => Assert.Contains(System.Net.WebUtility.HtmlEncode(r.Text), panel));
        return panel;
    }

    private static async Task Apply(OnboardingDbContext db, int engagementId, string change)
    {
        switch (change)
        {
            case "task status":
                (await db.PlanTasks.FirstAsync(t => t.EngagementId == engagementId && t.Status != PlanTaskStatus.Done)).Status = PlanTaskStatus.Done;
                break;
            case "win added":
                db.Wins.Add(new Win { EngagementId = engagementId, Kind = WinKind.Kudos, Title = "Kudos to the sourcing team", CreatedAt = DateTimeOffset.UnixEpoch });
                break;
            case "milestone deleted":
                db.Milestones.Remove(await db.Milestones.OrderByDescending(m => m.Date).FirstAsync(m => m.EngagementId == engagementId));
                break;
            case "member renamed":
                (await db.Members.FirstAsync(m => m.EngagementId == engagementId)).Title = "Renamed role title";
                break;
            case "outcome added":
                db.BusinessOutcomes.Add(new BusinessOutcome { EngagementId = engagementId, Title = "Cut agency spend by half", Position = 9 });
                break;
            case "engagement edited":
                (await db.Engagements.FirstAsync(e => e.Id == engagementId)).SharedPurpose = "A sharper purpose";
                break;
            case "measurement recorded":
                // Only the metric's id, as a form posts it: the metric itself is not loaded.
                var metricId = await db.Metrics.Where(m => m.EngagementId == engagementId).Select(m => m.Id).FirstAsync();
                db.Measurements.Add(new Measurement { MetricId = metricId, MeasuredOn = new DateOnly(2026, 12, 1), Value = 42, RecordedAt = DateTimeOffset.UnixEpoch });
                break;
            case "issue logged":
                db.LogEntries.Add(new LogEntry { EngagementId = engagementId, Kind = LogEntryKind.Issue, Title = "Offers stuck in approval", Severity = LogSeverity.Low, CreatedAt = DateTimeOffset.UnixEpoch });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }

    /// <summary>The two engagements' revisions and their provider's portfolio revision.</summary>
    private async Task<(Guid Changed, Guid Other, Guid Portfolio)> RevisionsAsync(int changedId, int otherId) =>
        await app.WithDbAsync(async db => (
            await db.Engagements.Where(e => e.Id == changedId).Select(e => e.Revision).SingleAsync(),
            await db.Engagements.Where(e => e.Id == otherId).Select(e => e.Revision).SingleAsync(),
            await db.Engagements.Where(e => e.Id == changedId).Select(e => e.Provider!.PortfolioRevision).SingleAsync()));
}
