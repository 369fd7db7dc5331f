using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Governance.Pulses;
using Onboarding.Jobs.Governance;
using Onboarding.Tests.Integration.Assignments;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.InvitationTests;

namespace Onboarding.Tests.Integration.Governance;

public class PulseJobTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public Task The_job_sends_each_client_person_one_pulse_per_month_and_per_milestone_and_a_mailed_link_answers_it() => PulseSteps.JobSendsOncePerOccasionAsync(app);
}

public class PulseLinkTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public Task A_pulse_answered_twice_counts_once() => PulseSteps.AnsweredTwiceCountsOnceAsync(app);

    [Fact]
    public Task A_forged_link_is_not_found_and_an_expired_one_says_it_closed() => PulseSteps.ForgedAndExpiredAsync(app);

    [Fact]
    public Task A_pulse_of_an_engagement_that_has_ended_takes_no_answer() => PulseSteps.ClosedEngagementTakesNoAnswersAsync(app);

    [Fact]
    public async Task A_locked_persons_link_does_nothing()
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var (_, _, sponsor, _) = await PulseSteps.PeopleAsync(app, engagementId);
        var (pulseId, token) = await PulseSteps.SendAsync(app, engagementId, sponsor, "test:locked");
        await app.WithDbAsync(async db =>
        {
            var user = await db.Members.Where(m => m.Id == sponsor).Select(m => m.User!).SingleAsync();
            user.LockoutEnabled = true;
            user.LockoutEnd = app.Clock.GetUtcNow().AddYears(1);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync($"/pulse/{token}?score=5")).StatusCode);
        var post = await PostFormAsync(app.AnonymousClient(), $"/pulse/{token}", new() { ["Score"] = "5" }, tokenFrom: "/sign-in");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Pulses.Where(p => p.Id == pulseId).Select(p => p.AnsweredAt).SingleAsync()));
    }
}

public class PulseMetricCreationTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task The_first_answer_makes_the_satisfaction_metric_when_the_engagement_has_none()
    {
        var engagementId = await DemoEngagementIdAsync(app);
        // As if launched without the templates that suggest it.
        await app.WithDbAsync(db => db.Metrics.Where(m => m.EngagementId == engagementId && m.Name == "Hiring manager satisfaction")
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Name, "Requisition close survey")));
        var (taLead, _, _, _) = await PulseSteps.PeopleAsync(app, engagementId);
        var (_, token) = await PulseSteps.SendAsync(app, engagementId, taLead, "test:first");
        await PulseSteps.AnswerAsync(app, token, 5, "");

        var metric = await app.WithDbAsync(db => db.Metrics.Include(m => m.Measurements).SingleAsync(m => m.EngagementId == engagementId && m.Name == PulseRules.MetricName));
        Assert.Equal("of 5", metric.Unit);
        Assert.Equal(MetricDirection.HigherIsBetter, metric.Direction);
        Assert.Equal(4m, metric.Target);
        Assert.Equal(5m, Assert.Single(metric.Measurements).Value);
        // 5 meets the target of 4: a win, as a recorded value that hits its target makes.
        Assert.True(await app.WithDbAsync(db => db.Wins.AnyAsync(w => w.EngagementId == engagementId && w.MetricId == metric.Id && w.Kind == WinKind.TargetHit)));
    }
}

public class PulseMetricTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task Answers_become_the_months_satisfaction_value_and_low_scores_open_a_provider_only_issue_for_the_leader()
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var (taLead, hiringManager, sponsor, leader) = await PulseSteps.PeopleAsync(app, engagementId);

        var (_, four) = await PulseSteps.SendAsync(app, engagementId, taLead, "test:metric");
        var (lowId, two) = await PulseSteps.SendAsync(app, engagementId, hiringManager, "test:metric");
        var (lowestId, one) = await PulseSteps.SendAsync(app, engagementId, sponsor, "test:metric");
        await PulseSteps.AnswerAsync(app, four, 4, "");
        await PulseSteps.AnswerAsync(app, two, 2, "Interview slots keep moving.\nNobody tells us why.");
        await PulseSteps.AnswerAsync(app, one, 1, "");

        // The demo's templates suggested the metric: the answers feed it, rather than a second one of the same name.
        var metrics = await app.WithDbAsync(db => db.Metrics.Include(m => m.Measurements).Where(m => m.EngagementId == engagementId).ToListAsync());
        var metric = Assert.Single(metrics, m => PulseRules.IsSatisfactionMetric(m.Name));
        Assert.Equal("Hiring manager satisfaction", metric.Name);
        var value = Assert.Single(metric.Measurements);
        Assert.True(value.FromPulses);
        Assert.Equal(2.33m, value.Value);
        Assert.Equal("Average of 3 pulse answers in November 2026", value.Note);
        var leaderClient = await app.SignedInClientAsync(LogSteps.Leader);
        Assert.Contains("Average of 3 pulse answers in November 2026", await leaderClient.GetStringAsync($"/engagements/{engagementId}/metrics"));

        var issues = await app.WithDbAsync(db => db.LogEntries.Where(e => e.EngagementId == engagementId && e.Title.StartsWith("Pulse:")).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(2, issues.Count);
        Assert.All(issues, e =>
        {
            Assert.Equal(LogEntryKind.Issue, e.Kind);
            Assert.Equal(LogSide.Provider, e.Side);
            Assert.Equal(leader, e.OwnerMemberId);
            Assert.True(e.ProviderInternal);
        });
        Assert.Equal(LogSeverity.Medium, issues[0].Severity);
        Assert.Contains("> Interview slots keep moving.\n> Nobody tells us why.", issues[0].Description);
        var entryPage = await leaderClient.GetStringAsync($"/engagements/{engagementId}/log/{issues[0].Id}");
        Assert.Contains($"href=\"/engagements/{engagementId}/pulses#pulse-{lowId}\"", entryPage);
        Assert.Equal(LogSeverity.High, issues[1].Severity);
        Assert.Equal(issues[0].Id, await app.WithDbAsync(db => db.Pulses.Where(p => p.Id == lowId).Select(p => p.LogEntryId).SingleAsync()));
        Assert.Equal(issues[1].Id, await app.WithDbAsync(db => db.Pulses.Where(p => p.Id == lowestId).Select(p => p.LogEntryId).SingleAsync()));

        // The client people never see it in the log.
        var client = await app.SignedInClientAsync(LogSteps.HiringManager);
        Assert.DoesNotContain("Pulse:", await client.GetStringAsync($"/engagements/{engagementId}/log?status=all"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/engagements/{engagementId}/pulses")).StatusCode);
    }
}

public class PulseResponseDigestTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task The_leaders_response_is_told_once_in_the_respondents_next_digest()
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var (_, hiringManager, _, _) = await PulseSteps.PeopleAsync(app, engagementId);
        var (pulseId, token) = await PulseSteps.SendAsync(app, engagementId, hiringManager, "test:digest");
        await PulseSteps.AnswerAsync(app, token, 2, "Offers take too long");

        var leader = await app.SignedInClientAsync(LogSteps.Leader);
        var pulses = $"/engagements/{engagementId}/pulses";
        var empty = await PostFormAsync(leader, $"{pulses}/{pulseId}/response", new() { ["Response"] = " " }, tokenFrom: pulses);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Say what you did about the answer", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        var saved = await PostFormAsync(leader, $"{pulses}/{pulseId}/response", new() { ["Response"] = "Offer approvals now go to one approver within 2 days." }, tokenFrom: pulses);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        const string heading = "YOU SAID, WE DID";
        List<string> digests = [];
        for (var i = 0; i < 40 && !digests.Any(d => d.Contains(heading, StringComparison.Ordinal)); i++)
        {
            app.Clock.Advance(TimeSpan.FromHours(4));
            await RenderedDigests.RecordDueAsync(app);
            digests = await RenderedDigests.RecordedAsync(app, LogSteps.HiringManager);
        }
        var telling = Assert.Single(digests, d => d.Contains(heading, StringComparison.Ordinal));
        Assert.Contains("You answered 2 of 5 for test:digest: “Offers take too long”", telling);
        Assert.Contains("We did: Offer approvals now go to one approver within 2 days.", telling);
        Assert.NotNull(await app.WithDbAsync(db => db.Pulses.Where(p => p.Id == pulseId).Select(p => p.ResponseToldAt).SingleAsync()));

        var count = digests.Count;
        for (var i = 0; i < 40 && digests.Count == count; i++)
        {
            app.Clock.Advance(TimeSpan.FromHours(4));
            await RenderedDigests.RecordDueAsync(app);
            digests = await RenderedDigests.RecordedAsync(app, LogSteps.HiringManager);
        }
        Assert.True(digests.Count > count);
        Assert.DoesNotContain(heading, digests[^1]);

        // Told is final: the words the digest carried stay the response. Days have passed: a fresh sign-in.
        leader = await app.SignedInClientAsync(LogSteps.Leader);
        var late = await PostFormAsync(leader, $"{pulses}/{pulseId}/response", new() { ["Response"] = "Something else" }, tokenFrom: pulses);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("Offer approvals now go to one approver within 2 days.", await app.WithDbAsync(db => db.Pulses.Where(p => p.Id == pulseId).Select(p => p.Response).SingleAsync()));
    }
}

/// <summary>The same on the embedded default's SQLite file.</summary>
public sealed class SqlitePulseTests : IAsyncLifetime
{
    private readonly OnboardingFactory app = new() { Provider = DatabaseProvider.Sqlite };

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task On_sqlite_pulses_are_sent_once_per_occasion_counted_once_and_refuse_forged_and_expired_links()
    {
        await PulseSteps.JobSendsOncePerOccasionAsync(app);
        await PulseSteps.AnsweredTwiceCountsOnceAsync(app);
        await PulseSteps.ForgedAndExpiredAsync(app);
    }
}

internal static partial class PulseSteps
{
    /// <summary>The demo's TA lead, hiring manager, sponsor and account leader, as member ids.</summary>
    public static Task<(int TaLead, int HiringManager, int Sponsor, int Leader)> PeopleAsync(OnboardingFactory app, int engagementId) => app.WithDbAsync(async db =>
    {
        var members = await db.Members.Where(m => m.EngagementId == engagementId).Select(m => new { m.Id, m.Role }).ToListAsync();
        int Of(EngagementRole role) => members.First(m => m.Role == role).Id;
        return (Of(EngagementRole.TaLead), Of(EngagementRole.HiringManager), Of(EngagementRole.ExecutiveSponsor), Of(EngagementRole.AccountLeader));
    });

    /// <summary>A pulse as the job leaves it once its mail went out, with the link's token the mail carried.</summary>
    public static async Task<(int Id, string Token)> SendAsync(OnboardingFactory app, int engagementId, int memberId, string occasion)
    {
        var token = Secrets.NewToken();
        var now = app.Clock.GetUtcNow();
        var id = await app.WithDbAsync(async db =>
        {
            var pulse = new Pulse
            {
                EngagementId = engagementId,
                MemberId = memberId,
                Occasion = occasion,
                OccasionText = occasion,
                TokenHash = Secrets.Hash(token),
                CreatedAt = now,
                SentAt = now,
                ExpiresAt = now + PulseRules.ValidFor,
            };
            db.Pulses.Add(pulse);
            await db.SaveChangesAsync();
            return pulse.Id;
        });
        return (id, token);
    }

    public static async Task AnswerAsync(OnboardingFactory app, string token, int score, string comment)
    {
        var response = await PostAsync(app, token, score, comment);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your answer is recorded", await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostAsync(OnboardingFactory app, string token, int score, string comment) =>
        PostFormAsync(app.AnonymousClient(), $"/pulse/{token}", new() { ["Score"] = score.ToString(CultureInfo.InvariantCulture), ["Comment"] = comment }, tokenFrom: "/sign-in");

    /// <summary>Runs the job once; the number of mails it sent.</summary>
    private static async Task<int> RunJobAsync(OnboardingFactory app)
    {
        var before = app.Smtp.MessageCount;
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PulseJob>().RunAsync(CancellationToken.None);
        return app.Smtp.MessageCount - before;
    }

    public static async Task JobSendsOncePerOccasionAsync(OnboardingFactory app)
    {
        var engagementId = await DemoEngagementIdAsync(app);
        // The demo kicks off on 12 November: on 23 November it is too early for a monthly pulse.
        Assert.Equal(0, await RunJobAsync(app));

        // Friday 11 December, a working morning in New York and Chicago, four weeks after kickoff.
        app.Clock.Advance(new DateTimeOffset(2026, 12, 11, 14, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        Assert.Equal(3, await RunJobAsync(app));
        Assert.Equal(0, await RunJobAsync(app));
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await RunJobAsync(app));
        var monthly = await app.WithDbAsync(db => db.Pulses.Where(p => p.EngagementId == engagementId).Include(p => p.Member).ToListAsync());
        Assert.Equal(3, monthly.Count);
        Assert.All(monthly, p => Assert.Equal("month:2026-12", p.Occasion));
        Assert.All(monthly, p => Assert.NotNull(p.SentAt));
        Assert.Equal(
            [EngagementRole.TaLead, EngagementRole.HiringManager, EngagementRole.ExecutiveSponsor],
            monthly.Select(p => p.Member!.Role).Order().ToArray());

        // The mailed link, clicked: a confirm page with the score chosen, then one button records it.
        var mail = app.Smtp.Messages.Last(m => m.Recipients.Contains(LogSteps.HiringManager)).Parse();
        Assert.Equal($"{PulseRules.Question} (Acme Robotics RPO launch)", mail.Subject);
        var links = PulseLink().Matches(mail.TextBody ?? "").Select(m => m.Value).ToList();
        Assert.Equal(5, links.Count);
        Assert.Contains(PulseLink().Match(mail.HtmlBody ?? "").Value, links);
        var page = await app.AnonymousClient().GetAsync(new Uri(links[4]).PathAndQuery);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Matches("value=\"5\" checked=\"checked\"", html);
        Assert.Null(await app.WithDbAsync(db => db.Pulses.Where(p => p.Member!.Email == LogSteps.HiringManager).Select(p => p.AnsweredAt).SingleAsync()));
        await AnswerAsync(app, new Uri(links[4]).AbsolutePath.Split('/')[^1], 5, "");

        // Reaching the 30-day review asks again; the monthly one is not repeated.
        app.Clock.Advance(new DateTimeOffset(2026, 12, 28, 15, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        var milestoneId = await app.WithDbAsync(async db =>
        {
            var review = await db.Milestones.FirstAsync(m => m.EngagementId == engagementId && m.Title == "Hold the 30-day review");
            review.ReachedAt = app.Clock.GetUtcNow().AddHours(-1);
            await db.SaveChangesAsync();
            return review.Id;
        });
        Assert.Equal(3, await RunJobAsync(app));
        Assert.Equal(0, await RunJobAsync(app));
        var after = await app.WithDbAsync(db => db.Pulses.Where(p => p.EngagementId == engagementId && p.Occasion == $"milestone:{milestoneId}").CountAsync());
        Assert.Equal(3, after);
    }

    public static async Task AnsweredTwiceCountsOnceAsync(OnboardingFactory app)
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var (_, hiringManager, _, _) = await PeopleAsync(app, engagementId);
        var (pulseId, token) = await SendAsync(app, engagementId, hiringManager, $"test:twice:{Guid.NewGuid():N}");

        // Opening the link (as a mail scanner does) records nothing.
        var opened = await app.AnonymousClient().GetAsync($"/pulse/{token}?score=4");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Pulses.Where(p => p.Id == pulseId).Select(p => p.AnsweredAt).SingleAsync()));

        await AnswerAsync(app, token, 4, "Good so far");
        var valueAfterFirst = await MonthValueAsync(app, engagementId);

        var second = await PostAsync(app, token, 1, "Changed my mind");
        var html = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("The first answer is the one that counts", html);
        Assert.Contains("4 of 5", html);
        Assert.Contains("Good so far", html);

        var pulse = await app.WithDbAsync(db => db.Pulses.SingleAsync(p => p.Id == pulseId));
        Assert.Equal(4, pulse.Score);
        Assert.Equal("Good so far", pulse.Comment);
        Assert.Null(pulse.LogEntryId);
        Assert.Equal(valueAfterFirst, await MonthValueAsync(app, engagementId));
        Assert.Contains("already answered", (await app.AnonymousClient().GetStringAsync($"/pulse/{token}")).ToLowerInvariant());
    }

    public static async Task ForgedAndExpiredAsync(OnboardingFactory app)
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var (taLead, _, _, _) = await PeopleAsync(app, engagementId);
        var client = app.AnonymousClient();

        var forged = await client.GetAsync($"/pulse/{Secrets.NewToken()}?score=5");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("We do not know this pulse link", await forged.Content.ReadAsStringAsync());
        var forgedPost = await PostFormAsync(client, $"/pulse/{Secrets.NewToken()}", new() { ["Score"] = "5" }, tokenFrom: "/sign-in");
        Assert.Equal(HttpStatusCode.NotFound, forgedPost.StatusCode);

        var (pulseId, token) = await SendAsync(app, engagementId, taLead, $"test:expired:{Guid.NewGuid():N}");
        app.Clock.Advance(PulseRules.ValidFor + TimeSpan.FromMinutes(1));
        var expired = await client.GetAsync($"/pulse/{token}?score=5");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("no longer takes answers", await expired.Content.ReadAsStringAsync());
        var late = await PostAsync(app, token, 5, "");
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Pulses.Where(p => p.Id == pulseId).Select(p => p.AnsweredAt).SingleAsync()));
    }

    public static async Task ClosedEngagementTakesNoAnswersAsync(OnboardingFactory app)
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var (_, hiringManager, _, _) = await PeopleAsync(app, engagementId);
        var (pulseId, token) = await SendAsync(app, engagementId, hiringManager, $"test:closed:{Guid.NewGuid():N}");
        await SetStatusAsync(app, engagementId, EngagementStatus.Closed);
        try
        {
            var shown = await app.AnonymousClient().GetAsync($"/pulse/{token}?score=2");
            Assert.Equal(HttpStatusCode.Gone, shown.StatusCode);
            Assert.Contains("has ended, so its pulses no longer take answers", await shown.Content.ReadAsStringAsync());
            var late = await PostAsync(app, token, 2, "Too late?");
            Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
            Assert.Null(await app.WithDbAsync(db => db.Pulses.Where(p => p.Id == pulseId).Select(p => p.AnsweredAt).SingleAsync()));
        }
        finally
        {
            await SetStatusAsync(app, engagementId, EngagementStatus.Active);
        }
    }

    private static Task SetStatusAsync(OnboardingFactory app, int engagementId, EngagementStatus status) => app.WithDbAsync(async db =>
    {
        (await db.Engagements.SingleAsync(e => e.Id == engagementId)).Status = status;
        return await db.SaveChangesAsync();
    });

    private static Task<(decimal, string?)> MonthValueAsync(OnboardingFactory app, int engagementId) => app.WithDbAsync(async db =>
    {
        var value = await db.Metrics.Where(m => m.EngagementId == engagementId)
            .SelectMany(m => m.Measurements).Where(v => v.FromPulses).OrderByDescending(v => v.Id).Select(v => new { v.Value, v.Note }).FirstAsync();
        return (value.Value, value.Note);
    });

    [GeneratedRegex(@"http://onboarding\.example/pulse/[A-Za-z0-9_-]+\?score=[1-5]")]
    private static partial Regex PulseLink();
}
