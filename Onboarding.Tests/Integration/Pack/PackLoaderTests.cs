using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Onboarding.Core.Data;
using Onboarding.Core.Documents.PlanPack;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Pack;

public class PackLoaderTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task The_pack_loads_in_the_same_few_queries_however_large_the_plan()
    {
        var engagementId = await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync());
        var (before, small) = await LoadCountingQueriesAsync(engagementId);

        await app.WithDbAsync(async db =>
        {
            var owner = await db.Members.FirstAsync(m => m.EngagementId == engagementId && m.Role == EngagementRole.Recruiter);
            db.PlanTasks.AddRange(Enumerable.Range(1, 200).Select(i => new PlanTask
            {
                EngagementId = engagementId,
                Key = $"extra-{i}",
                Title = $"Extra task {i}",
                PhaseKey = "extra",
                PhaseTitle = "Days 61–90: extra",
                Start = new DateOnly(2026, 12, 1),
                Due = new DateOnly(2026, 12, 4),
                OwnerRole = EngagementRole.Recruiter,
                OwnerId = owner.Id,
                What = "Do it.",
                Why = "It helps.",
            }));
            var metric = await db.Metrics.FirstAsync(m => m.EngagementId == engagementId);
            db.Measurements.AddRange(Enumerable.Range(1, 20).Select(i => new Measurement { MetricId = metric.Id, MeasuredOn = new DateOnly(2026, 11, i), Value = 60 - i }));
            return await db.SaveChangesAsync();
        });
        var (after, large) = await LoadCountingQueriesAsync(engagementId);

        Assert.Equal(small.Tasks.Count + 200, large.Tasks.Count);
        Assert.All(large.Tasks.Where(t => t.Title.StartsWith("Extra task", StringComparison.Ordinal)), t => Assert.Equal("Riya Shah", t.OwnerName));
        Assert.Equal(new PackMeasurement(new DateOnly(2026, 11, 20), 40), large.Metrics.First(m => m.Latest is not null).Latest);
        Assert.Equal(before, after);
        Assert.InRange(before, 1, 12);
    }

    private async Task<(int Queries, PackModel Pack)> LoadCountingQueriesAsync(int engagementId)
    {
        var counter = new QueryCounter();
        var options = new DbContextOptionsBuilder<PostgresOnboardingDbContext>();
        options.UseOnboardingPostgres(app.ConnectionString).AddInterceptors(counter);
        await using var db = new PostgresOnboardingDbContext(options.Options);
        var pack = await PackLoader.LoadAsync(db, app.Clock, engagementId);
        return (counter.Count, pack!);
    }

    private sealed class QueryCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
