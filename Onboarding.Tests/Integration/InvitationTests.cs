using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

public class InvitationTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task A_leader_invites_a_new_stakeholder_who_sets_a_password_once_and_signs_in()
    {
        var link = await InviteNewStakeholderAsync(app, "priya.patel@acme.example");
        var mail = app.Smtp.Messages.Select(m => m.Parse()).Single(m => m.To.Mailboxes.Single().Address == "priya.patel@acme.example");

        Assert.Equal("Alex Morgan invited you to Acme Robotics RPO launch", mail.Subject);
        Assert.Contains("Alex Morgan of Northstar Talent Partners has invited you", mail.TextBody);
        // Invited at 14:00 UTC on 23 November; seven days on, in the invitee's Berlin time.
        Assert.Contains("until 30 November 2026, 15:00 (Europe/Berlin)", mail.TextBody);
        Assert.Equal(link, new Uri(Regex.Match(mail.TextBody ?? "", @"https?://\S+/invitations/[A-Za-z0-9_-]+").Value).PathAndQuery);
        Assert.Contains($"href=\"{OnboardingFactory.BaseUrl}{link}\"", mail.HtmlBody);
        Assert.Null(mail.Headers[HeaderId.ListUnsubscribe]);
        var invitee = app.AnonymousClient();
        Assert.Contains("priya.patel@acme.example", await invitee.GetStringAsync(link));
        var accepted = await PostFormAsync(invitee, link, new() { ["Password"] = "a long enough password", ["ConfirmPassword"] = "a long enough password" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var engagementPage = await invitee.GetAsync(accepted.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, engagementPage.StatusCode);
        Assert.Contains("Acme Robotics RPO launch", await engagementPage.Content.ReadAsStringAsync());

        var again = await app.AnonymousClient().GetStringAsync(link);
        Assert.Contains("This invitation link no longer works", again);
    }

    [Fact]
    public async Task An_emailed_link_starts_with_the_configured_address_whatever_Host_the_request_named()
    {
        var leader = await app.SignedInClientAsync("alex.morgan@northstar.example");
        // A Host the host filter lets through (any other gets 400, see ProxyTests) but not the configured address.
        leader.DefaultRequestHeaders.Host = "127.0.0.1";
        var engagementId = await DemoEngagementIdAsync(app);
        var stakeholders = $"/engagements/{engagementId}/stakeholders";
        await PostFormAsync(leader, stakeholders, new()
        {
            ["Name"] = "Forged Host",
            ["Email"] = "forged.host@acme.example",
            ["Role"] = "HiringManager",
            // Hiring managers are per person in the starter templates: this confirms the tasks the preview showed.
            ["confirmTasks"] = "true",
            ["TimeZone"] = "Europe/Berlin",
            ["DigestHour"] = "9",
        }, tokenFrom: stakeholders);
        var memberId = await app.WithDbAsync(db => Task.FromResult(db.Members.Single(m => m.Email == "forged.host@acme.example").Id));
        await PostFormAsync(leader, $"{stakeholders}/{memberId}/invite", new(), tokenFrom: stakeholders);

        var mail = app.Smtp.Messages.Select(m => m.Parse()).Single(m => m.To.Mailboxes.Single().Address == "forged.host@acme.example");
        Assert.Matches($@"{Regex.Escape(OnboardingFactory.BaseUrl)}/invitations/[A-Za-z0-9_-]+", mail.TextBody);
        Assert.DoesNotContain("127.0.0.1", mail.TextBody);
        Assert.DoesNotContain("127.0.0.1", mail.HtmlBody);
        Assert.DoesNotContain("127.0.0.1", await leader.GetStringAsync(stakeholders));
    }

    [Fact]
    public async Task When_the_mail_server_refuses_the_invitation_the_leader_is_told_why_and_still_has_the_link()
    {
        app.Smtp.RcptToReply = "550 5.1.1 Mailbox unavailable";
        try
        {
            var (link, page) = await InviteNewStakeholderShowingAsync(app, "bounced.bea@acme.example");

            Assert.StartsWith("/invitations/", link);
            Assert.Contains("the email could not be sent (550 5.1.1 Mailbox unavailable", page);
        }
        finally
        {
            app.Smtp.RcptToReply = null;
        }
    }

    [Fact]
    public async Task A_short_password_is_refused_next_to_the_field_and_the_link_stays_usable()
    {
        var link = await InviteNewStakeholderAsync(app, "li.wei@acme.example");
        var invitee = app.AnonymousClient();
        await invitee.GetStringAsync(link);
        var refused = await PostFormAsync(invitee, link, new() { ["Password"] = "short", ["ConfirmPassword"] = "short" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Use at least 12 characters", await refused.Content.ReadAsStringAsync());
        Assert.Contains("Choose a password", await app.AnonymousClient().GetStringAsync(link));
    }

    [Fact]
    public async Task Adding_a_stakeholder_with_an_unknown_time_zone_says_what_is_wrong_and_keeps_the_input()
    {
        var leader = await app.SignedInClientAsync("alex.morgan@northstar.example");
        var engagementId = await DemoEngagementIdAsync(app);
        var response = await PostFormAsync(leader, $"/engagements/{engagementId}/stakeholders", new()
        {
            ["Name"] = "Jo Bloggs",
            ["Email"] = "jo@acme.example",
            ["Role"] = "HiringManager",
            // Hiring managers are per person in the starter templates: this confirms the tasks the preview showed.
            ["confirmTasks"] = "true",
            ["TimeZone"] = "Mars/Olympus",
            ["DigestHour"] = "8",
        }, tokenFrom: $"/engagements/{engagementId}/stakeholders");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Mars/Olympus&#x27; is not a known IANA time zone", html);
        Assert.Contains("value=\"Jo Bloggs\"", html);
    }

    internal static async Task<string> InviteNewStakeholderAsync(OnboardingFactory app, string email) =>
        (await InviteNewStakeholderShowingAsync(app, email)).Link;

    /// <returns>The link from the page the leader is shown next, and that page.</returns>
    private static async Task<(string Link, string Page)> InviteNewStakeholderShowingAsync(OnboardingFactory app, string email)
    {
        var leader = await app.SignedInClientAsync("alex.morgan@northstar.example");
        var engagementId = await DemoEngagementIdAsync(app);
        var stakeholders = $"/engagements/{engagementId}/stakeholders";
        var added = await PostFormAsync(leader, stakeholders, new()
        {
            ["Name"] = "New Stakeholder",
            ["Email"] = email,
            ["Role"] = "HiringManager",
            // Hiring managers are per person in the starter templates: this confirms the tasks the preview showed.
            ["confirmTasks"] = "true",
            ["TimeZone"] = "Europe/Berlin",
            ["DigestHour"] = "9",
        }, tokenFrom: stakeholders);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var memberId = await app.WithDbAsync(db => Task.FromResult(db.Members.Single(m => m.Email == email).Id));
        var invited = await PostFormAsync(leader, $"{stakeholders}/{memberId}/invite", new(), tokenFrom: stakeholders);
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var page = await leader.GetStringAsync(stakeholders);
        var link = Regex.Match(page, @"https?://[^\s<]+/invitations/[A-Za-z0-9_-]+");
        Assert.True(link.Success, "the leader is shown the invitation link");
        return (new Uri(link.Value).PathAndQuery, WebUtility.HtmlDecode(page));
    }

    internal static Task<int> DemoEngagementIdAsync(OnboardingFactory app) =>
        app.WithDbAsync(db => Task.FromResult(db.Engagements.Single(e => e.Name == "Acme Robotics RPO launch").Id));

    internal static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> form, string? tokenFrom = null)
    {
        form["__RequestVerificationToken"] = await OnboardingFactory.AntiforgeryTokenAsync(client, tokenFrom ?? path);
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }
}

public class InvitationExpiryTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task An_invitation_link_expires_after_seven_days()
    {
        var link = await InvitationTests.InviteNewStakeholderAsync(app, "late.larry@acme.example");
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var page = await app.AnonymousClient().GetStringAsync(link);
        Assert.Contains("This invitation link no longer works", page);
    }
}
