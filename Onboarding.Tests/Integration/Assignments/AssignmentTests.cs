using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Integration.PlanEditing;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Assignments;

public class AssignmentTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task An_assignment_is_logged_and_names_each_person_to_the_other_on_task_pages_the_checklist_and_digests()
    {
        var demo = await Demo.LoadAsync(app);
        var recruiterTask = await TestPlans.AddTaskAsync(app, demo.EngagementId, "Agree the intake call format", Demo.RecruiterEmail);
        var managerTask = await TestPlans.AddTaskAsync(app, demo.EngagementId, "Send feedback within two days", Demo.HiringManagerEmail);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);

        var response = await demo.AssignAsync(leader, demo.Recruiter, demo.HiringManager);
        var page = WebUtility.HtmlDecode(await leader.GetStringAsync($"{demo.Path}/assignments"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("<title>Acme Robotics RPO launch · Who works with whom · Onboarding</title>", page);
        Assert.Contains("Remove <span class=\"visually-hidden\">Riya Shah from Hana Kobayashi</span>", page);
        Assert.Contains(await Demo.ActivityAsync(app, demo.EngagementId), a => a.Description == "Assigned recruiter Riya Shah to hiring manager Hana Kobayashi");

        var recruiter = await app.SignedInClientAsync(Demo.RecruiterEmail);
        var manager = await app.SignedInClientAsync(Demo.HiringManagerEmail);
        Assert.Contains("Your hiring managers: Hana Kobayashi", WebUtility.HtmlDecode(await recruiter.GetStringAsync($"{demo.Path}/tasks/{recruiterTask}")));
        Assert.Contains("Your hiring managers: Hana Kobayashi", WebUtility.HtmlDecode(await recruiter.GetStringAsync("/my/checklist")));
        Assert.Contains("Your recruiters: Riya Shah", WebUtility.HtmlDecode(await manager.GetStringAsync($"{demo.Path}/tasks/{managerTask}")));
        Assert.Contains("Riya Shah's hiring managers: Hana Kobayashi", WebUtility.HtmlDecode(await leader.GetStringAsync($"{demo.Path}/tasks/{recruiterTask}")));

        var monday = new DateOnly(2026, 11, 23);
        Assert.Contains("Your hiring managers: Hana Kobayashi", await Demo.DigestTextAsync(app, Demo.RecruiterEmail, monday));
        Assert.Contains("Your recruiters: Riya Shah", await Demo.DigestTextAsync(app, Demo.HiringManagerEmail, monday));
        Assert.DoesNotContain("Your recruiters", await Demo.DigestTextAsync(app, Demo.LeaderEmail, monday));
    }

    [Fact]
    public async Task Removing_a_pair_is_logged_and_assigning_it_twice_changes_nothing()
    {
        var demo = await Demo.LoadAsync(app);
        var sarah = await PlanEditingSupport.AddRecruiterAsync(app, demo.EngagementId, "Sarah Second", "sarah.second@northstar.example");
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);

        await demo.AssignAsync(leader, sarah, demo.HiringManager);
        var again = await demo.AssignAsync(leader, sarah, demo.HiringManager);
        var removed = await Demo.PostAsync(leader, $"{demo.Path}/assignments/remove",
            new Dictionary<string, string> { ["RecruiterId"] = $"{sarah}", ["HiringManagerId"] = $"{demo.HiringManager}" });

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var log = await Demo.ActivityAsync(app, demo.EngagementId);
        Assert.Single(log, a => a.Description == "Assigned recruiter Sarah Second to hiring manager Hana Kobayashi");
        Assert.Single(log, a => a.Description == "Unassigned recruiter Sarah Second from hiring manager Hana Kobayashi");
        Assert.False(await app.WithDbAsync(db => db.RecruiterAssignments.AnyAsync(a => a.RecruiterId == sarah)));
    }

    [Fact]
    public async Task Bad_pairs_get_a_400_or_404_that_says_what_is_wrong_never_a_500()
    {
        var demo = await Demo.LoadAsync(app);
        var otherEngagementMember = await app.WithDbAsync(db => db.Members.Where(m => m.EngagementId != demo.EngagementId).Select(m => (int?)m.Id).FirstOrDefaultAsync());
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);

        var unknown = await demo.AssignAsync(leader, 999_999, demo.HiringManager);
        var wrongRole = await demo.AssignAsync(leader, demo.TaLead, demo.HiringManager);
        var notAManager = await demo.AssignAsync(leader, demo.Recruiter, demo.Sponsor);
        var blank = await Demo.PostAsync(leader, $"{demo.Path}/assignments", new Dictionary<string, string> { ["RecruiterId"] = "", ["HiringManagerId"] = "x" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("There is no recruiter #999999 among this engagement's stakeholders", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, wrongRole.StatusCode);
        Assert.Contains("Tomás Herrera is the TA lead, not a recruiter", WebUtility.HtmlDecode(await wrongRole.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, notAManager.StatusCode);
        Assert.Contains("Samuel Okafor is an executive sponsor, not a hiring manager", WebUtility.HtmlDecode(await notAManager.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Choose a recruiter and a hiring manager from the lists.", await blank.Content.ReadAsStringAsync());
        if (otherEngagementMember is { } other)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await demo.AssignAsync(leader, other, demo.HiringManager)).StatusCode);
        }
        var taskId = await TestPlans.AddTaskAsync(app, demo.EngagementId, "Review the job ads", Demo.RecruiterEmail);
        var toNobody = await demo.ReassignAsync(app, leader, taskId, 999_999);
        Assert.Equal(HttpStatusCode.NotFound, toNobody.StatusCode);
        Assert.Contains("There is no stakeholder #999999 in this engagement", await toNobody.Content.ReadAsStringAsync());
        Assert.Empty(app.ServerErrors);
    }

    [Fact]
    public async Task Only_the_account_leader_assigns_and_reassigns()
    {
        var demo = await Demo.LoadAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, demo.EngagementId, "Draft the scorecard", Demo.RecruiterEmail);
        var recruiter = await app.SignedInClientAsync(Demo.RecruiterEmail);
        var taLead = await app.SignedInClientAsync(Demo.TaLeadEmail);
        var outsider = await PlanEditingSupport.OutsiderAsync(app, "olive.assign@elsewhere.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await recruiter.GetAsync($"{demo.Path}/assignments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await demo.AssignAsync(recruiter, demo.Recruiter, demo.HiringManager)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await demo.AssignAsync(taLead, demo.Recruiter, demo.HiringManager)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await demo.ReassignAsync(app, recruiter, taskId, demo.HiringManager)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await demo.ReassignAsync(app, taLead, taskId, demo.HiringManager)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await demo.AssignAsync(outsider, demo.Recruiter, demo.HiringManager)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await demo.ReassignAsync(app, outsider, taskId, demo.HiringManager)).StatusCode);

        Assert.DoesNotContain("id=\"reassign\"", await recruiter.GetStringAsync($"{demo.Path}/tasks/{taskId}"));
        Assert.Equal(demo.Recruiter, await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId).Select(t => t.OwnerId).SingleAsync()));
    }

    [Fact]
    public async Task A_closed_engagement_shows_its_pairs_read_only_and_refuses_changes()
    {
        var demo = await Demo.LoadAsync(app);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        await app.WithDbAsync(async db =>
        {
            var e = await db.Engagements.SingleAsync(x => x.Id == demo.EngagementId);
            e.Status = EngagementStatus.Closed;
            e.ClosedAt = app.Clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });
        try
        {
            var page = await leader.GetStringAsync($"{demo.Path}/assignments");
            var refused = await demo.AssignAsync(leader, demo.Recruiter, demo.HiringManager);

            Assert.DoesNotContain($"action=\"{demo.Path}/assignments\"", page);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                var e = await db.Engagements.SingleAsync(x => x.Id == demo.EngagementId);
                e.Status = EngagementStatus.Active;
                e.ClosedAt = null;
                return await db.SaveChangesAsync();
            });
        }
    }
}
