using System.Net;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Assignments;

/// <summary>The same rules on the embedded default's SQLite: the unique pair, the reassignment record, the digest window.</summary>
public class SqliteAssignmentTests(SqliteApp sqlite) : IClassFixture<SqliteApp>
{
    private OnboardingFactory App => sqlite.App;

    [Fact]
    public async Task On_sqlite_an_assignment_and_a_reassignment_reach_both_peoples_digests()
    {
        var demo = await Demo.LoadAsync(App);
        var taskId = await TestPlans.AddTaskAsync(App, demo.EngagementId, "Share the role brief", Demo.HiringManagerEmail);
        var leader = await App.SignedInClientAsync(Demo.LeaderEmail);

        Assert.Equal(HttpStatusCode.Redirect, (await demo.AssignAsync(leader, demo.Recruiter, demo.HiringManager)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await demo.AssignAsync(leader, demo.Recruiter, demo.HiringManager)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await demo.ReassignAsync(App, leader, taskId, demo.Recruiter)).StatusCode);

        // Tuesday's digests: Monday's were due at 8:00, before the clock's 14:00.
        var tuesday = new DateOnly(2026, 11, 24);
        var riyas = await Demo.DigestTextAsync(App, Demo.RecruiterEmail, tuesday);
        var hanas = await Demo.DigestTextAsync(App, Demo.HiringManagerEmail, tuesday);
        Assert.Contains("Your hiring managers: Hana Kobayashi", riyas);
        Assert.Contains("Reassigned to you: Share the role brief", riyas);
        Assert.Contains("Your recruiters: Riya Shah", hanas);
        Assert.Contains("Moved to Riya Shah: Share the role brief", hanas);
    }
}
