using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Jobs;
using Onboarding.Tests.Support;
using Onboarding.Web.Features.Unsubscribe;

namespace Onboarding.Tests.Integration.Digests;

public class DigestPageTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Leader = "alex.morgan@northstar.example";
    private const string Recruiter = "riya.shah@northstar.example";
    private const string HiringManager = "hana.kobayashi@acme.example";

    [Fact]
    public async Task The_preview_shows_a_leader_what_a_member_gets_including_their_tasks()
    {
        var (engagementId, hanaId) = await DemoMemberAsync(HiringManager);
        await TestPlans.AddTaskAsync(app, engagementId, "Book the robotics interview panel", HiringManager);
        var leader = await app.SignedInClientAsync(Leader);

        var response = await leader.GetAsync($"/engagements/{engagementId}/digests/preview?member={hanaId}&date=2026-11-23");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Acme Robotics RPO launch · Digest preview · Onboarding</title>", html);
        Assert.Contains("To Hana Kobayashi <hana.kobayashi@acme.example>", html);
        Assert.Contains("Acme Robotics RPO launch · day 12:", html);
        Assert.Contains("Book the robotics interview panel: overdue by 3 days", html);
        Assert.Contains("<iframe sandbox=\"\" srcdoc=", html);
    }

    [Fact]
    public async Task The_preview_says_why_there_is_no_digest_and_refuses_a_bad_date()
    {
        var (engagementId, hanaId) = await DemoMemberAsync(HiringManager);
        var leader = await app.SignedInClientAsync(Leader);

        var sunday = WebUtility.HtmlDecode(await leader.GetStringAsync($"/engagements/{engagementId}/digests/preview?member={hanaId}&date=2026-11-22"));
        var bad = await leader.GetAsync($"/engagements/{engagementId}/digests/preview?member={hanaId}&date=2026-13-01");

        Assert.Contains("No digest on Sunday 22 November 2026: it is not one of Hana Kobayashi's working days.", sunday);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("Enter the date as YYYY-MM-DD", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_account_leaders_preview()
    {
        var (engagementId, hanaId) = await DemoMemberAsync(HiringManager);
        var recruiter = await app.SignedInClientAsync(Recruiter);

        var response = await recruiter.GetAsync($"/engagements/{engagementId}/digests/preview?member={hanaId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Every_link_in_a_digest_leads_to_a_page_and_anchor_that_exist()
    {
        var (engagementId, alexId) = await DemoMemberAsync(Leader);
        var leader = await app.SignedInClientAsync(Leader);
        var html = WebUtility.HtmlDecode(await leader.GetStringAsync($"/engagements/{engagementId}/digests/preview?member={alexId}&date=2026-11-23"));
        var text = Regex.Match(html, "<pre class=\"comment-body\">(.*?)</pre>", RegexOptions.Singleline).Groups[1].Value;

        var links = Regex.Matches(text, $@"{Regex.Escape(OnboardingFactory.BaseUrl)}(/\S*)").Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains(links, l => l.Contains("/tasks/"));
        Assert.Contains(links, l => l.Contains("/glossary#term-"));
        Assert.Contains(links, l => l.EndsWith("/wins"));
        foreach (var link in links)
        {
            var (path, anchor) = link.Split('#') is [var p, var a] ? (p, a) : (link, null);
            var response = await leader.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {response.StatusCode}");
            if (anchor is not null)
            {
                Assert.Contains($"id=\"{anchor}\"", await response.Content.ReadAsStringAsync());
            }
        }
    }

    [Fact]
    public async Task One_click_unsubscribe_works_without_a_token_or_cookie_and_stops_every_digest_to_the_address()
    {
        const string sponsor = "samuel.okafor@acme.example";
        var token = await app.WithDbAsync(db => db.Members.Where(m => m.Email == sponsor).Select(m => m.UnsubscribeToken).FirstAsync());
        var anonymous = app.AnonymousClient();

        var confirm = await anonymous.GetAsync($"/digests/unsubscribe/{token}");
        var before = await PreferencesOfAsync(sponsor);
        // Exactly what a mail client sends for List-Unsubscribe-Post (RFC 8058).
        var oneClick = await anonymous.PostAsync($"/digests/unsubscribe/{token}",
            new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        var unknown = await anonymous.PostAsync("/digests/unsubscribe/not-a-token", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("<button type=\"submit\" class=\"primary\">Unsubscribe</button>", await confirm.Content.ReadAsStringAsync());
        Assert.All(before, p => Assert.NotEqual(DigestPreference.None, p));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("will get no more digests", await oneClick.Content.ReadAsStringAsync());
        Assert.All(await PreferencesOfAsync(sponsor), p => Assert.Equal(DigestPreference.None, p));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public void Only_the_one_click_unsubscribe_accepts_a_post_without_antiforgery()
    {
        var actions = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .Where(a => a.EndpointMetadata.OfType<IgnoreAntiforgeryTokenAttribute>().Any())
            .Where(a => a.ActionConstraints?.OfType<Microsoft.AspNetCore.Mvc.ActionConstraints.HttpMethodActionConstraint>().Any(c => c.HttpMethods.Contains("POST")) == true)
            .Select(a => "/" + a.AttributeRouteInfo!.Template!.TrimStart('/'));

        Assert.Equal([UnsubscribeController.UnsubscribeRoute], actions);
    }

    [Fact]
    public async Task The_outbox_lists_digests_shows_one_and_resends_a_failed_one()
    {
        var failed = await AddDigestAsync("tomas.herrera@acme.example", new DateOnly(2026, 11, 19), DigestStatus.Failed, "550 5.1.1 No such user here");
        await AddDigestAsync(Recruiter, new DateOnly(2026, 11, 19), DigestStatus.Sent, null);
        var leader = await app.SignedInClientAsync(Leader);
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var queuedBefore = monitoring.EnqueuedCount(JobQueues.Digests);

        var outbox = WebUtility.HtmlDecode(await leader.GetStringAsync("/digests/outbox?status=Failed"));
        var show = WebUtility.HtmlDecode(await leader.GetStringAsync($"/digests/outbox/{failed}"));
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, $"/digests/outbox/{failed}");
        var resend = await leader.PostAsync($"/digests/outbox/{failed}/resend", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Contains("tomas.herrera@acme.example", outbox);
        Assert.Contains("550 5.1.1 No such user here", outbox);
        Assert.DoesNotContain(Recruiter, outbox);
        Assert.Contains("<iframe class=\"digest-frame\" sandbox=\"\" srcdoc=\"<p>Digest for tomas.herrera@acme.example</p>\"", show);
        Assert.Contains("Plain digest for tomas.herrera@acme.example", show);
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        var record = await app.WithDbAsync(db => db.Digests.AsNoTracking().SingleAsync(d => d.Id == failed));
        Assert.Equal((DigestStatus.Pending, 0, (string?)null), (record.Status, record.Attempts, record.LastError));
        // On the digests queue, which the digest workers serve apart from the other jobs.
        Assert.Equal(queuedBefore + 1, monitoring.EnqueuedCount(JobQueues.Digests));
    }

    [Fact]
    public async Task The_outbox_is_for_leaders_and_administrators_only()
    {
        var recruiter = await app.SignedInClientAsync(Recruiter);
        var admin = await app.SignedInClientAsync("admin@northstar.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await recruiter.GetAsync("/digests/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/digests/outbox")).StatusCode);
    }

    [Fact]
    public async Task A_person_sets_how_often_per_engagement()
    {
        var (_, riyaId) = await DemoMemberAsync(Recruiter);
        var (_, hanaId) = await DemoMemberAsync(HiringManager);
        var recruiter = await app.SignedInClientAsync(Recruiter);
        var page = await recruiter.GetStringAsync("/digests/preferences");
        var token = await OnboardingFactory.AntiforgeryTokenAsync(recruiter, "/digests/preferences");

        var saved = await PostPreferencesAsync(recruiter, token, riyaId, "7", "WeeklyOnly");
        var nonsense = await PostPreferencesAsync(recruiter, token, riyaId, "7", "Hourly");
        var someoneElse = await PostPreferencesAsync(recruiter, token, hanaId, "9", "None");

        Assert.Contains("<title>My digest settings · Onboarding</title>", page);
        Assert.Contains("<a href=\"/digests/preferences\">Digests</a>", page);
        Assert.Contains("Acme Robotics RPO launch", page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nonsense.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, someoneElse.StatusCode);
        var riya = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == riyaId));
        Assert.Equal(DigestPreference.WeeklyOnly, riya.DigestPreference);
        var hana = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Id == hanaId));
        Assert.NotEqual(DigestPreference.None, hana.DigestPreference);
    }

    private static Task<HttpResponseMessage> PostPreferencesAsync(HttpClient client, string token, int memberId, string hour, string preference) =>
        client.PostAsync("/digests/preferences", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Items[0].MemberId"] = memberId.ToString(),
            ["Items[0].Hour"] = hour,
            ["Items[0].Preference"] = preference,
            ["__RequestVerificationToken"] = token,
        }));

    private Task<(int EngagementId, int MemberId)> DemoMemberAsync(string email) =>
        app.WithDbAsync(async db => await db.Members
            .Where(m => m.Email == email && m.Engagement!.Name == "Acme Robotics RPO launch")
            .Select(m => new ValueTuple<int, int>(m.EngagementId, m.Id))
            .SingleAsync());

    private Task<List<DigestPreference>> PreferencesOfAsync(string email) =>
        app.WithDbAsync(db => db.Members.Where(m => m.Email == email).Select(m => m.DigestPreference).ToListAsync());

    private Task<long> AddDigestAsync(string recipient, DateOnly period, DigestStatus status, string? error) =>
        app.WithDbAsync(async db =>
        {
            var record = new DigestRecord
            {
                Recipient = recipient,
                Period = period,
                Status = status,
                Attempts = 1,
                Subject = $"Acme Robotics RPO launch · day 8: digest for {recipient}",
                HtmlBody = $"<p>Digest for {recipient}</p>",
                TextBody = $"Plain digest for {recipient}",
                MessageId = $"digest.{Guid.NewGuid():N}@northstar.example",
                LastError = error,
                CreatedAt = app.Clock.GetUtcNow(),
            };
            db.Digests.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
}
