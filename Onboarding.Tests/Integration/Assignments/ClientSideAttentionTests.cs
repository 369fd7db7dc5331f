using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Assignments;

public class ClientSideAttentionTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task The_ta_lead_sees_late_and_blocked_client_side_tasks_on_the_overview_and_in_their_digest_but_not_provider_side_ones()
    {
        var demo = await Demo.LoadAsync(app);
        // Due 20 November, before the clock's Monday 23rd: late.
        await TestPlans.AddTaskAsync(app, demo.EngagementId, "Approve the interview panel", Demo.HiringManagerEmail);
        var blocked = await TestPlans.AddTaskAsync(app, demo.EngagementId, "Sign the hiring budget", Demo.SponsorEmail);
        await TestPlans.AddTaskAsync(app, demo.EngagementId, "Calibrate the sourcing channels", Demo.RecruiterEmail);
        var leaderBlocked = await TestPlans.AddTaskAsync(app, demo.EngagementId, "Set up the reporting pack", Demo.LeaderEmail);
        await app.WithDbAsync(async db =>
        {
            foreach (var (id, reason) in new[] { (blocked, "Waiting for the board"), (leaderBlocked, "No data access yet") })
            {
                var task = await db.PlanTasks.SingleAsync(t => t.Id == id);
                task.Status = PlanTaskStatus.Blocked;
                task.BlockedReason = reason;
                task.Due = new DateOnly(2026, 12, 4);
            }
            return await db.SaveChangesAsync();
        });
        var taLead = await app.SignedInClientAsync(Demo.TaLeadEmail);
        var sponsor = await app.SignedInClientAsync(Demo.SponsorEmail);

        var overview = WebUtility.HtmlDecode(await taLead.GetStringAsync(demo.Path));
        var panel = Regex.Match(overview, "<section class=\"panel\" id=\"client-side\".*?</section>", RegexOptions.Singleline).Value;
        var digest = await Demo.DigestTextAsync(app, Demo.TaLeadEmail, new DateOnly(2026, 11, 23));
        var attention = Regex.Match(digest, "NEEDS ATTENTION\n(.*?)\n\n", RegexOptions.Singleline).Groups[1].Value;

        Assert.Contains("Approve the interview panel", panel);
        Assert.Contains("Sign the hiring budget", panel);
        Assert.Contains("Waiting for the board", panel);
        Assert.DoesNotContain("Calibrate the sourcing channels", panel);
        Assert.DoesNotContain("Set up the reporting pack", panel);
        Assert.Contains("Approve the interview panel", attention);
        Assert.Contains("Sign the hiring budget", attention);
        Assert.DoesNotContain("Calibrate the sourcing channels", attention);
        Assert.DoesNotContain("Set up the reporting pack", attention);
        // The executive sponsor sees their own only, and no client-side panel.
        Assert.DoesNotContain("id=\"client-side\"", await sponsor.GetStringAsync(demo.Path));
        Assert.DoesNotContain("Approve the interview panel", await Demo.DigestTextAsync(app, Demo.SponsorEmail, new DateOnly(2026, 11, 23)));
    }
}
