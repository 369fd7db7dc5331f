using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Jobs.Digests;

namespace Onboarding.Tests.Integration.Digests;

/// <summary>Getting-ready digests and the size ceiling through the dispatcher, on each database; the preview shows what it records.</summary>
public abstract class DigestDepthDispatchTests(DatabaseProvider provider) : IAsyncLifetime
{
    // Monday 23 November 2026, 08:00 in London (GMT).
    private static readonly DateTimeOffset Eight = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private DigestWorld world = null!;

    public async Task InitializeAsync() => world = await DigestWorld.StartAsync(Eight, provider);

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Client_stakeholders_get_a_getting_ready_digest_five_working_days_before_kickoff_and_the_preview_shows_it()
    {
        var kickoff = Today.AddDays(7);
        await world.AddEngagementAsync("Acme launch", kickoff,
            [new("hana@acme.example", EngagementRole.HiringManager), new("rex@provider.example", EngagementRole.Recruiter), new("lee@provider.example", EngagementRole.AccountLeader)]);

        var ids = await world.WithScopeAsync(s => s.GetRequiredService<DigestDispatcher>().RecordDueAsync(CancellationToken.None));

        var record = Assert.Single(await world.WithDbAsync(db => db.Digests.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync()));
        Assert.Equal("hana@acme.example", record.Recipient);
        Assert.Equal("Acme launch · before kickoff: getting ready for Mon 30 Nov", record.Subject);
        Assert.Contains("It is on Monday 30 November 2026, in 5 working days.", record.HtmlBody);
        Assert.Contains("rex, Recruiter", record.HtmlBody);
        Assert.Contains("Prepare the intake for hana in Acme launch", record.TextBody);
        Assert.Contains("Why: A clear intake halves the time to a shortlist.", record.TextBody);

        var preview = await world.WithScopeAsync(s => s.GetRequiredService<DigestPreviews>().ForAsync("hana@acme.example", Today, _ => true, CancellationToken.None));
        Assert.NotNull(preview?.Rendered);
        var links = world.Services.GetRequiredService<DigestComposition>().Links;
        var token = await world.WithDbAsync(db => db.Members.Where(m => m.Email == "hana@acme.example").Select(m => m.UnsubscribeToken).SingleAsync());
        Assert.Equal(record.HtmlBody, preview.Rendered.Html.Replace(links.UnsubscribePlaceholder(), links.Unsubscribe(token)));
    }

    [Fact]
    public async Task A_leader_with_five_engagements_of_300_overdue_tasks_gets_under_100_KB_with_the_footer_links()
    {
        for (var e = 0; e < 5; e++)
        {
            var id = await world.AddEngagementAsync($"Engagement {e}", new DateOnly(2026, 10, 1),
                [new("lee@provider.example", EngagementRole.AccountLeader, HasTask: false), new($"rex{e}@provider.example", EngagementRole.Recruiter, HasTask: false)]);
            await world.WithDbAsync(async db =>
            {
                var recruiter = await db.Members.SingleAsync(m => m.EngagementId == id && m.Role == EngagementRole.Recruiter);
                db.PlanTasks.AddRange(Enumerable.Range(1, 300).Select(i => new PlanTask
                {
                    EngagementId = id,
                    Key = $"test/overdue-{i}",
                    Title = $"Overdue task {i} of engagement {e}, with a title of a realistic length",
                    PhaseKey = "learn",
                    PhaseTitle = "Days 1–30",
                    Start = Today.AddDays(-30),
                    Due = Today.AddDays(-1 - i % 20),
                    OwnerRole = EngagementRole.Recruiter,
                    OwnerId = recruiter.Id,
                    What = "Something that should have been done.",
                    Why = "Because the plan depends on it.",
                }));
                await db.SaveChangesAsync();
            });
        }

        var ids = await world.WithScopeAsync(s => s.GetRequiredService<DigestDispatcher>().RecordDueAsync(CancellationToken.None));

        var record = await world.WithDbAsync(db => db.Digests.AsNoTracking().SingleAsync(d => ids.Contains(d.Id) && d.Recipient == "lee@provider.example"));
        var bytes = Encoding.UTF8.GetByteCount(record.HtmlBody);
        Assert.True(bytes < 100 * 1024, $"{bytes} bytes of HTML");
        Assert.Equal(5, record.EngagementIds.Count);
        Assert.Equal(5, CountOf(record.HtmlBody, "and 290 more</a>"));
        Assert.Contains($"href=\"{DigestWorld.BaseUrl}/digests/preferences\"", record.HtmlBody);
        var token = await world.WithDbAsync(db => db.Members.Where(m => m.Email == "lee@provider.example").OrderBy(m => m.Id).Select(m => m.UnsubscribeToken).FirstAsync());
        Assert.Contains($"href=\"{DigestWorld.BaseUrl}/digests/unsubscribe/{token}\"", record.HtmlBody);
        Assert.EndsWith("</html>\n", record.HtmlBody);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}

public sealed class PostgresDigestDepthDispatchTests() : DigestDepthDispatchTests(DatabaseProvider.Postgres);

public sealed class SqliteDigestDepthDispatchTests() : DigestDepthDispatchTests(DatabaseProvider.Sqlite);
