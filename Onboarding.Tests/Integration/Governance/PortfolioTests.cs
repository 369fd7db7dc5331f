using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.InvitationTests;

namespace Onboarding.Tests.Integration.Governance;

public class PortfolioTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public Task The_portfolio_loads_in_the_same_number_of_queries_for_3_and_30_engagements() => PortfolioSteps.FixedQueryCountAsync(app);

    [Fact]
    public async Task The_portfolio_lists_health_sorts_and_filters_and_only_leaders_and_administrators_see_it()
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(LogSteps.Leader);
        await LogSteps.OpenAsync(leader, engagementId, "Hiring freeze rumour", "Critical");

        var page = await leader.GetStringAsync("/portfolio");
        Assert.Contains("Acme Robotics RPO launch", page);
        Assert.Contains("health-red", page);
        Assert.Contains("<title>Portfolio · Onboarding</title>", page);
        Assert.Contains("Acme Robotics RPO launch", await leader.GetStringAsync("/portfolio?sort=Name&desc=false&health=Red"));
        Assert.DoesNotContain("Acme Robotics RPO launch", await leader.GetStringAsync("/portfolio?health=Green"));
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/portfolio?sort=Nonsense&desc=maybe&health=Purple")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInClientAsync(LogSteps.HiringManager)).GetAsync("/portfolio")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInClientAsync(LogSteps.Recruiter)).GetAsync("/portfolio")).StatusCode);
    }

    [Fact]
    public async Task The_portfolio_follows_engagements_launched_renamed_and_closed_by_another_process_and_searches_names()
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(LogSteps.Leader);
        var name = $"Portfolio newcomer {Guid.NewGuid():N}";
        Assert.DoesNotContain(name, await leader.GetStringAsync("/portfolio"));

        // Separate DbContexts, as another web node or the worker would save.
        var newcomerId = await app.WithDbAsync(async db =>
        {
            var demo = await db.Engagements.AsNoTracking().FirstAsync(e => e.Id == engagementId);
            var newcomer = new Engagement
            {
                Name = name,
                TimeZone = "Asia/Kolkata",
                ProviderId = demo.ProviderId,
                ClientId = demo.ClientId,
                Kickoff = demo.Kickoff,
                GoLive = demo.GoLive,
                CreatedAt = demo.CreatedAt,
                Members = [TestPeople.MemberOf(db, "Alex Morgan", LogSteps.Leader, EngagementRole.AccountLeader)],
            };
            db.Engagements.Add(newcomer);
            await db.SaveChangesAsync();
            return newcomer.Id;
        });
        Assert.Contains(name, await leader.GetStringAsync("/portfolio"));
        Assert.Contains(name, await leader.GetStringAsync($"/portfolio?q={Uri.EscapeDataString(name.ToUpperInvariant())}"));
        Assert.DoesNotContain("Acme Robotics RPO launch", await leader.GetStringAsync($"/portfolio?q={Uri.EscapeDataString(name)}"));

        await app.WithDbAsync(async db =>
        {
            var newcomer = await db.Engagements.FirstAsync(e => e.Id == newcomerId);
            newcomer.Name += " renamed";
            newcomer.Status = EngagementStatus.Closed;
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(name, await leader.GetStringAsync("/portfolio"));
        Assert.Contains($"{name} renamed", await leader.GetStringAsync("/portfolio?closed=true"));
    }

    [Fact]
    public async Task A_leader_overrides_the_health_with_a_reason_and_both_show()
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(LogSteps.Leader);
        var overview = $"/engagements/{engagementId}";

        var refused = await PostFormAsync(leader, $"{overview}/health", new() { ["Colour"] = "Green", ["Reason"] = "" }, tokenFrom: overview);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Say why the health differs", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var set = await PostFormAsync(leader, $"{overview}/health", new() { ["Colour"] = "Amber", ["Reason"] = "Sponsor leaving in January" }, tokenFrom: overview);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var page = await leader.GetStringAsync(overview);
        Assert.Contains("Computed:", page);
        Assert.Contains("Sponsor leaving in January", page);
        Assert.Contains("Set: Amber", await leader.GetStringAsync("/portfolio"));
        Assert.Contains("Set the health to amber", await leader.GetStringAsync($"{overview}/activity"));
        Assert.DoesNotContain("Sponsor leaving", await (await app.SignedInClientAsync(LogSteps.HiringManager)).GetStringAsync(overview));

        await PostFormAsync(leader, $"{overview}/health", new() { ["Colour"] = "" }, tokenFrom: overview);
        Assert.Null(await app.WithDbAsync(db => db.Engagements.Where(e => e.Id == engagementId).Select(e => e.HealthOverride).FirstAsync()));
        // The portfolio keeps each engagement's health until it changes: the change shows at once.
        Assert.DoesNotContain("Set: Amber", await leader.GetStringAsync("/portfolio"));
    }
}

/// <summary>The same on the embedded default's SQLite file.</summary>
public sealed class SqlitePortfolioTests : IAsyncLifetime
{
    private readonly OnboardingFactory app = new() { Provider = DatabaseProvider.Sqlite };

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public Task On_sqlite_the_portfolio_loads_in_the_same_number_of_queries_for_3_and_30_engagements() => PortfolioSteps.FixedQueryCountAsync(app);
}

internal static class PortfolioSteps
{
    public static async Task FixedQueryCountAsync(OnboardingFactory app)
    {
        var providerId = await SeedAsync(app, 3, "Few");
        var few = await CountQueriesAsync(app, providerId);
        await SeedAsync(app, 27, "Many", providerId);
        var many = await CountQueriesAsync(app, providerId);

        Assert.Equal(3, few.Rows);
        Assert.Equal(30, many.Rows);
        Assert.Equal(few.Commands, many.Commands);
        Assert.InRange(many.Commands, 1, 5);
    }

    private static async Task<(int Rows, int Commands)> CountQueriesAsync(OnboardingFactory app, int providerId)
    {
        using var scope = app.Services.CreateScope();
        var appDb = scope.ServiceProvider.GetRequiredService<OnboardingDbContext>();
        // The app's own options with a counting interceptor: a context of the same type on the same database.
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder((DbContextOptions)appDb.GetService<IDbContextOptions>()).AddInterceptors(counter).Options;
        await using var db = (OnboardingDbContext)Activator.CreateInstance(appDb.GetType(), options)!;
        var rows = await HealthQuery.LoadAsync(db, db.Engagements.Where(e => e.ProviderId == providerId), app.Clock.GetUtcNow());
        Assert.All(rows, r => Assert.Equal(HealthColour.Red, r.Computed.Colour));
        return (rows.Count, counter.Count);
    }

    /// <summary>Engagements each with overdue client and provider work, a blocked task, a critical issue and a late milestone.</summary>
    private static async Task<int> SeedAsync(OnboardingFactory app, int count, string prefix, int? providerId = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OnboardingDbContext>();
        if (providerId is null)
        {
            var provider = new Organisation { Name = $"Portfolio Provider {Guid.NewGuid():N}", Kind = OrganisationKind.Provider };
            db.Organisations.Add(provider);
            await db.SaveChangesAsync();
            providerId = provider.Id;
        }
        var client = new Organisation { Name = $"{prefix} client {Guid.NewGuid():N}", Kind = OrganisationKind.Client };
        db.Organisations.Add(client);
        await db.SaveChangesAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var now = app.Clock.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var engagement = new Engagement
            {
                Name = $"{prefix} {i}",
                ProviderId = providerId.Value,
                ClientId = client.Id,
                TimeZone = i % 2 == 0 ? "Pacific/Auckland" : "America/Los_Angeles",
                Kickoff = today.AddDays(-40),
                GoLive = today.AddDays(30),
                Members = [TestPeople.NewMember($"Lead {prefix} {i}", $"lead.{prefix.ToLowerInvariant()}{i}.{Guid.NewGuid():N}@example.com", EngagementRole.AccountLeader, "Europe/London")],
            };
            foreach (var (role, status, due) in new[] { (EngagementRole.TaLead, PlanTaskStatus.ToDo, -10), (EngagementRole.Recruiter, PlanTaskStatus.Blocked, 5), (EngagementRole.AccountLeader, PlanTaskStatus.InProgress, -3) })
            {
                engagement.Tasks.Add(new PlanTask
                {
                    Title = $"{role} task",
                    OwnerRole = role,
                    Status = status,
                    Start = today.AddDays(due - 5),
                    Due = today.AddDays(due),
                    PhaseKey = "days-1-30",
                    PhaseTitle = "Days 1–30",
                    What = "",
                    Why = "",
                    Key = $"t-{role}-{Guid.NewGuid():N}",
                });
            }
            engagement.Milestones.Add(new Milestone { Title = "Kickoff held", Date = today.AddDays(-10) });
            engagement.Log.Add(LogEntries.Open(0, LogEntryKind.Issue, "Critical", LogSeverity.Critical, LogSide.Client, null, null, "", false, "test", now));
            db.Engagements.Add(engagement);
        }
        await db.SaveChangesAsync();
        return providerId.Value;
    }

    /// <summary>Counts the commands its context runs.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }
    }
}
