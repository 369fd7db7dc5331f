using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Accounts;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;
using Onboarding.Web.Features.Unsubscribe;

namespace Onboarding.Tests.Integration;

public class AccessTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Member = "alex.morgan@northstar.example";

    [Fact]
    public async Task Every_engagement_action_hides_the_engagement_from_outsiders_and_serves_its_members()
    {
        var (engagementId, engagementName, memberId) = await app.WithDbAsync(async db =>
        {
            var e = await db.Engagements.Include(x => x.Members).SingleAsync(x => x.Name == "Acme Robotics RPO launch");
            return (e.Id, e.Name, e.Members[0].Id);
        });
        var taskId = await TestPlans.AddTaskAsync(app, engagementId, "Map the current hiring process");
        var checkInId = await app.WithDbAsync(db => db.CheckInSeries.Where(s => s.EngagementId == engagementId).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var entryId = await app.WithDbAsync(async db =>
        {
            var entry = Onboarding.Core.Governance.LogEntries.Open(
                engagementId, Onboarding.Core.Governance.LogEntryKind.Risk, "Slow approvals", Onboarding.Core.Governance.LogSeverity.Medium,
                Onboarding.Core.Governance.LogSide.Client, null, null, "", false, "Test", app.Clock.GetUtcNow());
            db.LogEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        var routeValues = new Dictionary<string, string>
        {
            ["engagementId"] = engagementId.ToString(),
            ["memberId"] = memberId.ToString(),
            ["taskId"] = taskId.ToString(),
            ["entryId"] = entryId.ToString(),
            ["seriesId"] = checkInId.ToString(),
            // A Tuesday of the demo's weekly check-in.
            ["date"] = "2026-11-24",
        };
        // Parts of a page that its script asks for: they answer for the values the form sends, and name people, not the engagement.
        var fragments = new Dictionary<string, string> { ["/common-hours"] = $"?ParticipantIds={memberId}&Weekday=Tuesday&Time=10:00&DurationMinutes=30" };
        var outsiderEmail = await CreateOutsiderEngagementAsync();
        var anonymous = app.AnonymousClient();
        var outsider = await app.SignedInClientAsync(outsiderEmail);
        var member = await app.SignedInClientAsync(Member);

        var actions = EngagementActions().ToList();
        Assert.NotEmpty(actions);
        foreach (var (method, template) in actions)
        {
            var fragment = fragments.Where(f => template.EndsWith(f.Key, StringComparison.Ordinal)).Select(f => f.Value).SingleOrDefault();
            var path = Regex.Replace(template, "{([A-Za-z]+)[^}]*}", m => routeValues.GetValueOrDefault(m.Groups[1].Value, "1")) + fragment;

            var asAnonymous = await SendAsync(anonymous, method, path);
            Assert.True(asAnonymous.StatusCode == HttpStatusCode.Redirect && asAnonymous.Headers.Location!.ToString().Contains("/sign-in"),
                $"{method} {path} as a visitor answered {asAnonymous.StatusCode}");

            var asOutsider = await SendAsync(outsider, method, path, withToken: true);
            Assert.True(asOutsider.StatusCode == HttpStatusCode.NotFound, $"{method} {path} as an outsider answered {asOutsider.StatusCode}");
            Assert.DoesNotContain(engagementName, await ReadableTextAsync(asOutsider));

            if (method == "GET")
            {
                var asMember = await member.GetAsync(path);
                Assert.True(asMember.StatusCode == HttpStatusCode.OK, $"GET {path} as a member answered {asMember.StatusCode}");
                if (fragment is null)
                {
                    Assert.Contains(engagementName, await ReadableTextAsync(asMember));
                }
            }
        }
    }

    [Fact]
    public async Task Every_post_rejects_a_request_without_an_antiforgery_token()
    {
        var engagementId = await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync());
        var member = await app.SignedInClientAsync(Member);
        // The one exception: RFC 8058 one-click unsubscribe, which mail clients POST without a token
        // (the secret token in its URL authorises it). DigestPageTests prove it works without one.
        var posts = AllActions().Where(a => a.Method == "POST" && a.Template != UnsubscribeController.UnsubscribeRoute).ToList();
        Assert.NotEmpty(posts);
        foreach (var (_, template) in posts)
        {
            var path = Regex.Replace(template, "{engagementId[^}]*}", engagementId.ToString());
            path = Regex.Replace(path, "{[^}]+}", "1");
            var response = await member.PostAsync(path, new FormUrlEncodedContent([]));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without a token answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Signed_in_member_sees_their_engagement_in_the_list()
    {
        var member = await app.SignedInClientAsync(Member);
        var html = await member.GetStringAsync("/engagements");
        Assert.Contains("Acme Robotics RPO launch", html);
        Assert.Contains("<title>Engagements · Onboarding</title>", html);
    }

    [Fact]
    public async Task Health_answers_ok_with_the_database_reachable()
    {
        var response = await app.AnonymousClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private IEnumerable<(string Method, string Template)> AllActions()
    {
        var provider = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>();
        foreach (var action in provider.ActionDescriptors.Items.OfType<ControllerActionDescriptor>())
        {
            var template = "/" + action.AttributeRouteInfo!.Template!.TrimStart('/');
            var methods = action.ActionConstraints?.OfType<Microsoft.AspNetCore.Mvc.ActionConstraints.HttpMethodActionConstraint>()
                .SelectMany(c => c.HttpMethods).ToList() ?? [];
            foreach (var method in methods.Count == 0 ? ["GET"] : methods)
            {
                yield return (method, template);
            }
        }
    }

    private IEnumerable<(string Method, string Template)> EngagementActions() =>
        AllActions().Where(a => a.Template.Contains("{engagementId"));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, bool withToken = false)
    {
        if (method == "GET")
        {
            return await client.GetAsync(path);
        }
        var form = new Dictionary<string, string>();
        if (withToken)
        {
            form["__RequestVerificationToken"] = await OnboardingFactory.AntiforgeryTokenAsync(client, "/engagements");
        }
        return await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent(form) });
    }

    /// <summary>A second engagement with its own account leader, who must see nothing of the demo one.</summary>
    private async Task<string> CreateOutsiderEngagementAsync()
    {
        const string email = "olive.outsider@other.example";
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Onboarding.Core.Data.OnboardingDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var provider = new Organisation { Name = "Other Provider", Kind = OrganisationKind.Provider };
        var client = new Organisation { Name = "Other Client", Kind = OrganisationKind.Client };
        db.Organisations.AddRange(provider, client);
        await db.SaveChangesAsync();
        var user = new AppUser { UserName = email, Email = email, DisplayName = "Olive Outsider", OrganisationId = provider.Id, AccountRole = AccountRole.Administrator };
        Assert.True((await users.CreateAsync(user, OnboardingFactory.DemoPassword)).Succeeded);
        db.Engagements.Add(new Engagement
        {
            Name = "Other engagement",
            ProviderId = provider.Id,
            ClientId = client.Id,
            TimeZone = "Europe/Paris",
            Kickoff = new DateOnly(2026, 11, 2),
            GoLive = new DateOnly(2026, 12, 1),
            Members = [TestPeople.NewMember(user.DisplayName, email, EngagementRole.AccountLeader, "Europe/Paris", user.Id)],
        });
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>What a reader sees of a response: a PDF's text (compressed in its bytes), anything else as sent.</summary>
    private static async Task<string> ReadableTextAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/pdf")
        {
            return await response.Content.ReadAsStringAsync();
        }
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return Unit.Documents.PdfText.Flowing(pdf);
    }
}
