using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

/// <summary>The demo's glossary says one thing per word, contradictions show on the glossary page, and client stakeholders read their own words.</summary>
public class GlossaryWordsTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Leader = "alex.morgan@northstar.example";
    private const string Manager = "hana.kobayashi@acme.example";

    [Fact]
    public async Task The_demo_glossary_contradicts_nothing_and_a_contradiction_added_is_marked_beside_its_terms()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var terms = await app.WithDbAsync(db => db.GlossaryTerms.Where(g => g.EngagementId == engagementId).OrderBy(g => g.Id).ToListAsync());

        Assert.Empty(GlossaryCheck.FindIn(terms).Select(f => f.Message));
        Assert.Contains(terms, t => t.ClientTerm == "Requisition" && t.ProviderTerm == "Job order");
        Assert.Single(terms, t => GlossaryCheck.SameWord(t.ClientTerm, "Time to fill"));
        var page = $"/engagements/{engagementId}/glossary";
        Assert.DoesNotContain("to settle", await (await app.SignedInClientAsync(Leader)).GetStringAsync(page));

        var added = await InvitationTests.PostFormAsync(await app.SignedInClientAsync(Leader), page,
            new() { ["ClientTerm"] = "Req", ["ProviderTerm"] = "job  order", ["Definition"] = "An open role." });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var html = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Manager)).GetStringAsync(page));
        Assert.Contains("1 contradiction to settle.", html);
        // Said beside both terms.
        Assert.Equal(2, html.Split("“Req” and “Requisition” are both the client's word for “job  order”").Length - 1);
    }

    [Fact]
    public async Task A_task_page_reads_in_the_clients_words_for_a_client_stakeholder_and_as_written_for_provider_staff()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Approve the first job orders", ownerEmail: Manager);
        await app.WithDbAsync(async db =>
        {
            var task = await db.PlanTasks.SingleAsync(t => t.Id == taskId);
            task.What = "Approve each job order in the ATS; see [the job order guide](https://ats.example/job-order) and `job order export`.";
            return await db.SaveChangesAsync();
        });
        var path = $"/engagements/{engagementId}/tasks/{taskId}";

        var client = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Manager)).GetStringAsync(path));
        var provider = WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Leader)).GetStringAsync(path));

        Assert.Contains("<h1>Approve the first requisitions</h1>", client);
        Assert.Contains("Approve each requisition in the ATS", client);
        Assert.Contains("<a href=\"https://ats.example/job-order\">the job order guide</a>", client);
        Assert.Contains("<code>job order export</code>", client);
        Assert.DoesNotContain("we say", client);
        Assert.Contains("<h1>Approve the first job orders</h1>", provider);
        Assert.Contains("Approve each job order in the ATS", provider);
    }
}
