using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Onboarding.Core.Accounts;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.Accounts.AccountTestSupport;

namespace Onboarding.Tests.Integration.Accounts;

/// <summary>
/// Security review, item 9: sign-in attempts are limited per client address and per account, an unknown address
/// costs a password hash like a known one, and nobody who has not signed in learns that an account is locked.
/// </summary>
public class SignInDefenceTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Mismatch = "That email and password do not match an account.";

    [Fact]
    public async Task Sign_ins_for_one_account_are_limited_from_any_address_with_a_page_that_says_when_to_try_again()
    {
        using var limited = Limited(perAddress: 1000, perAccount: 3, resetMails: 2);
        var first = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var refused = await SignInAsync(first, "riya.shah@northstar.example", "not the password");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        var limitedOut = await SignInAsync(limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), "Riya.Shah@northstar.example ", OnboardingFactory.DemoPassword);
        var page = await limitedOut.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedOut.StatusCode);
        Assert.Contains("Too many attempts; try again in 15 minutes.", page);
        Assert.Contains("<title>Too many attempts · Onboarding</title>", page);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(first, "tomas.herrera@acme.example", OnboardingFactory.DemoPassword)).StatusCode);

        // Reset mails too: each is a mail in someone's inbox.
        for (var ask = 0; ask < 2; ask++)
        {
            Assert.Equal(HttpStatusCode.OK, (await InvitationTests.PostFormAsync(first, "/forgot-password", new() { ["Email"] = "nobody@acme.example" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await InvitationTests.PostFormAsync(first, "/forgot-password", new() { ["Email"] = "nobody@acme.example" })).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(first, "riya.shah@northstar.example", OnboardingFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Sign_ins_from_one_address_are_limited_whatever_accounts_they_name()
    {
        using var limited = Limited(perAddress: 4, perAccount: 1000, resetMails: 1000);
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var attempt = 0; attempt < 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, $"guess{attempt}@acme.example", "not the password")).StatusCode);
        }

        var limitedOut = await SignInAsync(client, "hana.kobayashi@acme.example", OnboardingFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, limitedOut.StatusCode);
        Assert.Contains("Too many attempts; try again in 15 minutes.", await limitedOut.Content.ReadAsStringAsync());
        Assert.True(limitedOut.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(14));
        // Pages that are not password forms are not counted.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sign-in")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_a_locked_account_and_a_wrong_password_cost_one_hash_each_and_read_the_same()
    {
        var counting = new CountingHasher();
        using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(counting)));
        var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await LockAsync(app, "samuel.okafor@acme.example");

        var unknown = await CountedSignInAsync(client, counting, "no.such.person@acme.example", "a password guess");
        var locked = await CountedSignInAsync(client, counting, "samuel.okafor@acme.example", OnboardingFactory.DemoPassword);
        var wrong = await CountedSignInAsync(client, counting, "hana.kobayashi@acme.example", "a password guess");

        Assert.Equal((1, 1, 1), (unknown.Hashes, locked.Hashes, wrong.Hashes));
        Assert.All(new[] { unknown.Page, locked.Page, wrong.Page }, page => Assert.Contains(Mismatch, page));
        Assert.DoesNotContain("locked", locked.Page, StringComparison.OrdinalIgnoreCase);
    }

    private WebApplicationFactory<Program> Limited(int perAddress, int perAccount, int resetMails) =>
        app.WithWebHostBuilder(b => b
            .UseSetting("AttemptLimits:PerAddress", perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("AttemptLimits:SignInsPerAccount", perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("AttemptLimits:ResetMailsPerAccount", resetMails.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task<(int Hashes, string Page)> CountedSignInAsync(HttpClient client, CountingHasher counting, string email, string password)
    {
        var token = await OnboardingFactory.AntiforgeryTokenAsync(client, "/sign-in");
        var before = counting.Verifications;
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        return (counting.Verifications - before, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        InvitationTests.PostFormAsync(client, "/sign-in", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>The app's hasher (at the tests' cost), counting how often a password is checked.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> inner = new(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
