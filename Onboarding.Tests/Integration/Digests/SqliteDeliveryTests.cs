using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;
using Onboarding.Jobs.Digests;

namespace Onboarding.Tests.Integration.Digests;

/// <summary>Delivery on the embedded default's SQLite file, which claims row by row instead of PostgreSQL's batch statement.</summary>
public sealed class SqliteDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Eight = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private DigestWorld world = null!;

    public async Task InitializeAsync() => world = await DigestWorld.StartAsync(Eight, DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task Digests_are_claimed_sent_once_and_kept_while_smtp_is_down()
    {
        await world.AddEngagementAsync("Acme launch", new DateOnly(2026, 11, 16), [new("ada@acme.example"), new("bo@acme.example"), new("cy@acme.example")]);
        var recorded = await world.WithScopeAsync(s => s.GetRequiredService<DigestDispatcher>().RecordDueAsync(CancellationToken.None));
        await world.Smtp.StopAsync();

        var whileDown = await DeliverAsync(recorded);
        world.Smtp.Restart();
        var sent = await DeliverAsync(recorded);
        var again = await DeliverAsync(recorded);

        Assert.Equal(new DeliverySummary(0, 0, 3), whileDown);
        Assert.Equal(new DeliverySummary(3, 0, 0), sent);
        Assert.Equal(new DeliverySummary(0, 0, 0), again);
        Assert.Equal(["ada@acme.example", "bo@acme.example", "cy@acme.example"], world.Smtp.Messages.SelectMany(m => m.Recipients).Order());
        var records = await world.WithDbAsync(db => db.Digests.AsNoTracking().ToListAsync());
        Assert.All(records, r => Assert.Equal((DigestStatus.Sent, 2, (string?)null), (r.Status, r.Attempts, r.LastError)));
    }

    private Task<DeliverySummary> DeliverAsync(IReadOnlyList<long> ids) =>
        world.WithScopeAsync(s => s.GetRequiredService<DigestDelivery>().DeliverAsync(ids, CancellationToken.None));
}
