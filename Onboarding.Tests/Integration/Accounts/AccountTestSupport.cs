using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Onboarding.Core.Accounts;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Accounts;

/// <summary>Helpers for the account security tests: mail as it arrives, sign-in cookies to copy, accounts to lock.</summary>
internal static class AccountTestSupport
{
    public const string Leader = "alex.morgan@northstar.example";
    public const string Administrator = "admin@northstar.example";

    /// <summary>The mails to <paramref name="address"/> so far.</summary>
    public static IReadOnlyList<MimeMessage> MailTo(OnboardingFactory app, string address) =>
        app.Smtp.Messages.Select(m => m.Parse()).Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits for the <paramref name="count"/>th mail to <paramref name="address"/>: some are sent after the answer has gone.</summary>
    public static async Task<MimeMessage> WaitForMailAsync(OnboardingFactory app, string address, int count = 1)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(15); waited += TimeSpan.FromMilliseconds(50))
        {
            var mails = MailTo(app, address);
            if (mails.Count >= count)
            {
                return mails[count - 1];
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"No mail number {count} to {address} within 15 seconds.");
    }

    /// <summary>The path of the first absolute link in <paramref name="text"/> whose path starts with <paramref name="prefix"/>.</summary>
    public static string LinkIn(string? text, string prefix)
    {
        var match = Regex.Match(text ?? "", $@"{Regex.Escape(OnboardingFactory.BaseUrl)}({Regex.Escape(prefix)}[^\s""<]+)");
        Assert.True(match.Success, $"no {prefix} link in: {text}");
        return match.Groups[1].Value;
    }

    /// <summary>A client whose cookies are in <paramref name="jar"/>, where a test can copy them, signed in through the form.</summary>
    public static async Task<HttpClient> SignInWithJarAsync(OnboardingFactory app, string email, CookieContainer jar, string password = OnboardingFactory.DemoPassword)
    {
        var client = app.CreateDefaultClient(new CookieContainerHandler(jar));
        var response = await InvitationTests.PostFormAsync(client, "/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Locks <paramref name="email"/>'s account the way the administrator's page does.</summary>
    public static async Task LockAsync(OnboardingFactory app, string email)
    {
        var userId = await UserIdAsync(app, email);
        var admin = await app.SignedInClientAsync(Administrator);
        var locked = await InvitationTests.PostFormAsync(admin, $"/admin/users/{userId}/lock", new(), tokenFrom: "/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
    }

    public static Task<string> UserIdAsync(OnboardingFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<AppUser> UserAsync(OnboardingFactory app, string email) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    /// <summary>Adds a stakeholder to the demo engagement through the leader's form.</summary>
    public static async Task<int> AddStakeholderAsync(OnboardingFactory app, HttpClient leader, string name, string email)
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var stakeholders = $"/engagements/{engagementId}/stakeholders";
        var added = await InvitationTests.PostFormAsync(leader, stakeholders, new()
        {
            ["Name"] = name,
            ["Email"] = email,
            ["Role"] = "HiringManager",
            // Hiring managers are per person in the starter templates: this confirms the tasks the preview showed.
            ["confirmTasks"] = "true",
            ["TimeZone"] = "Europe/Berlin",
            ["DigestHour"] = "9",
        }, tokenFrom: stakeholders);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return await app.WithDbAsync(db => db.Members.Where(m => m.EngagementId == engagementId && m.Email == email).Select(m => m.Id).SingleAsync());
    }

    /// <summary>Clicks Invite on the stakeholders page and returns the page the leader sees next, decoded.</summary>
    public static async Task<string> InviteAsync(OnboardingFactory app, HttpClient leader, int memberId)
    {
        var stakeholders = $"/engagements/{await InvitationTests.DemoEngagementIdAsync(app)}/stakeholders";
        var invited = await InvitationTests.PostFormAsync(leader, $"{stakeholders}/{memberId}/invite", new(), tokenFrom: stakeholders);
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        return WebUtility.HtmlDecode(await leader.GetStringAsync(stakeholders));
    }
}
