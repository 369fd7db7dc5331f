using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

/// <summary>Two people saving the same record, and many saves racing: nobody's change is silently lost or doubled.</summary>
public class ConcurrentEditTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Leader = "alex.morgan@northstar.example";
    private const string TaLead = "tomas.herrera@acme.example";

    [Fact]
    public async Task Saving_a_glossary_term_someone_changed_since_the_form_opened_is_refused_and_names_them()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var glossary = $"/engagements/{engagementId}/glossary";
        var term = await app.WithDbAsync(db => db.GlossaryTerms.SingleAsync(g => g.EngagementId == engagementId && g.ClientTerm == "Time to fill"));
        var (leader, taLead) = (await app.SignedInClientAsync(Leader), await app.SignedInClientAsync(TaLead));
        // Both open the glossary on the same version.
        var leaderToken = await OnboardingFactory.AntiforgeryTokenAsync(leader, glossary);
        var version = Regex.Match(await leader.GetStringAsync(glossary), $"name=\"Id\" value=\"{term.Id}\" />\\s*<input type=\"hidden\" name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal(term.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), version);

        var agreed = await InvitationTests.PostFormAsync(taLead, glossary, Term(term.Id, version, "Calendar days from req approval to offer acceptance.", agreed: true));
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        var stale = await leader.PostAsync(glossary, new FormUrlEncodedContent(
            Term(term.Id, version, "Working days from req approval to start date.", agreed: false).Append(KeyValuePair.Create("__RequestVerificationToken", leaderToken))));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Tomás Herrera changed “Time to fill”", page);
        Assert.Contains("Working days from req approval to start date.", page);
        var saved = await app.WithDbAsync(db => db.GlossaryTerms.AsNoTracking().SingleAsync(g => g.Id == term.Id));
        Assert.Equal(("Calendar days from req approval to offer acceptance.", true, "Tomás Herrera"), (saved.Definition, saved.Agreed, saved.ChangedBy));
        Assert.Equal(term.Version + 1, saved.Version);
    }

    [Fact]
    public async Task Ten_parallel_Done_posts_on_a_milestone_task_reach_the_milestone_once()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var task = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.EngagementId == engagementId && t.IsMilestone && t.Status != PlanTaskStatus.Done).OrderBy(t => t.Due).FirstAsync());
        var path = $"/engagements/{engagementId}/tasks/{task.Id}";
        var leaders = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.SignedInClientAsync(Leader)));
        var tokens = await Task.WhenAll(leaders.Select(l => OnboardingFactory.AntiforgeryTokenAsync(l, path)));

        var answers = await Task.WhenAll(leaders.Select((l, i) => l.PostAsync($"{path}/status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Status"] = "Done",
            ["Version"] = task.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = tokens[i],
        }))));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"answered {a.StatusCode}"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Wins.CountAsync(w => w.TaskId == task.Id && w.Kind == WinKind.MilestoneReached)));
        Assert.Equal(PlanTaskStatus.Done, await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == task.Id).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task Saving_a_stakeholder_someone_changed_since_the_page_opened_is_refused_and_names_them()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var stakeholders = $"/engagements/{engagementId}/stakeholders";
        var hana = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.EngagementId == engagementId && m.Email == "hana.kobayashi@acme.example"));
        var leader = await app.SignedInClientAsync(Leader);
        Dictionary<string, string> Form(string title) => new()
        {
            ["Version"] = hana.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Title"] = title,
            ["Role"] = "HiringManager",
            ["DigestPreference"] = "Cadence",
        };

        await InvitationTests.PostFormAsync(leader, $"{stakeholders}/{hana.Id}", Form("Director of Robotics"), tokenFrom: stakeholders);
        await InvitationTests.PostFormAsync(leader, $"{stakeholders}/{hana.Id}", Form("VP Robotics"), tokenFrom: stakeholders);

        Assert.Contains("Alex Morgan changed Hana Kobayashi", WebUtility.HtmlDecode(await leader.GetStringAsync(stakeholders)));
        Assert.Equal("Director of Robotics", await app.WithDbAsync(db => db.Members.Where(m => m.Id == hana.Id).Select(m => m.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_stakeholder_form_opened_before_they_unsubscribed_cannot_subscribe_them_again()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var stakeholders = $"/engagements/{engagementId}/stakeholders";
        var sponsor = await app.WithDbAsync(db => db.Members.AsNoTracking().Include(m => m.Person).FirstAsync(m => m.EngagementId == engagementId && m.Role == EngagementRole.ExecutiveSponsor));
        var leader = await app.SignedInClientAsync(Leader);

        var unsubscribed = await app.AnonymousClient().PostAsync($"/digests/unsubscribe/{sponsor.UnsubscribeToken}", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        await InvitationTests.PostFormAsync(leader, $"{stakeholders}/{sponsor.Id}", new()
        {
            ["Version"] = sponsor.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Title"] = "Chief operating officer",
            ["Role"] = "ExecutiveSponsor",
            ["DigestPreference"] = "Cadence",
        }, tokenFrom: stakeholders);

        Assert.Contains($"{sponsor.Person!.Name}, with the unsubscribe link, changed {sponsor.Name}", WebUtility.HtmlDecode(await leader.GetStringAsync(stakeholders)));
        Assert.Equal(DigestPreference.None, await app.WithDbAsync(db => db.Members.Where(m => m.Id == sponsor.Id).Select(m => m.DigestPreference).SingleAsync()));
    }

    [Fact]
    public async Task Forty_parallel_launches_for_one_new_client_make_one_client_whatever_the_case_of_its_name()
    {
        var leader = await app.SignedInClientAsync(Leader);
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements/new");

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => leader.PostAsync("/engagements/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = $"Umbrella launch {i}",
            ["ClientName"] = i % 2 == 0 ? "Umbrella Corp" : " umbrella  CORP ",
            ["Kickoff"] = "2026-12-07",
            ["GoLive"] = "2027-01-11",
            ["TimeZone"] = "Europe/Berlin",
            ["WorkingDays"] = "Monday",
            ["SharedPurpose"] = "Hire the lab team.",
            ["Outcomes[0].Title"] = "Ten scientists hired",
            ["Outcomes[0].HowMeasured"] = "Accepted offers",
            ["Contacts[0].Name"] = "Ada Umbrella",
            ["Contacts[0].Email"] = $"ada{i}@umbrella.example",
            ["Contacts[0].Role"] = "TaLead",
            ["Contacts[1].Name"] = "Sam Sponsor",
            ["Contacts[1].Email"] = $"sam{i}@umbrella.example",
            ["Contacts[1].Role"] = "ExecutiveSponsor",
            ["Contacts[2].Name"] = "Hal Manager",
            ["Contacts[2].Email"] = $"hal{i}@umbrella.example",
            ["Contacts[2].Role"] = "HiringManager",
            ["Contacts[3].Name"] = "Riya Shah",
            ["Contacts[3].Email"] = "riya.shah@northstar.example",
            ["Contacts[3].Role"] = "Recruiter",
            ["Holidays"] = "2026-12-25",
            ["Templates"] = "rpo-client-launch",
            ["Action"] = "launch",
            ["__RequestVerificationToken"] = token,
        }))));

        foreach (var answer in answers)
        {
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync());
        }
        var clients = await app.WithDbAsync(db => db.Organisations.Where(o => o.NameKey == "umbrella corp").Select(o => o.Id).ToListAsync());
        var id = Assert.Single(clients);
        Assert.Equal(40, await app.WithDbAsync(db => db.Engagements.CountAsync(e => e.ClientId == id)));
    }

    private static Dictionary<string, string> Term(int id, string version, string definition, bool agreed) => new()
    {
        ["Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Version"] = version,
        ["ClientTerm"] = "Time to fill",
        ["ProviderTerm"] = "Time to fill",
        ["Definition"] = definition,
        ["Agreed"] = agreed ? "true" : "false",
    };
}
