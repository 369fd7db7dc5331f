using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Engagements;
using Onboarding.Core.Locations;
using Onboarding.Jobs.Digests;

namespace Onboarding.Tests.Integration.Digests;

/// <summary>Market cards to write or review in the account leader's digest: said when due and weekly after, never in every digest.</summary>
public sealed class MarketCardReminderTests : IAsyncLifetime
{
    // Two locations added on Monday 16 November 2026 at 09:00 UTC (London's time too): without a card they are due a week later.
    private static readonly DateTimeOffset Added = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private const string Leader = "lead@northstar.example";
    private DigestWorld world = null!;
    private int engagementId;

    public async Task InitializeAsync()
    {
        world = await DigestWorld.StartAsync(Added);
        // The leader has nothing else to hear about: a digest goes out only when a card is said.
        engagementId = await world.AddEngagementAsync("Acme launch", DateOnly.FromDateTime(Added.UtcDateTime), [new(Leader, EngagementRole.AccountLeader, HasTask: false)]);
        await world.WithDbAsync(async db =>
        {
            db.HiringLocations.AddRange(
                new HiringLocation { EngagementId = engagementId, CountryCode = "PL", City = "Warsaw", TimeZone = "Europe/Warsaw", Language = "pl", CreatedAt = Added },
                new HiringLocation { EngagementId = engagementId, CountryCode = "CA", City = "Toronto", TimeZone = "America/Toronto", Language = "en-CA", CreatedAt = Added });
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await world.DisposeAsync();

    [Fact]
    public async Task A_location_without_a_card_is_said_once_it_is_due_then_weekly_until_its_card_is_saved()
    {
        var warsaw = await LocationIdAsync("Warsaw");
        var toronto = await LocationIdAsync("Toronto");

        // Monday 23 at 08:00 is an hour before they are due; Tuesday 24's digest is the first to hold that moment.
        var monday = await DigestAtEightAsync(23);
        var tuesday = await DigestAtEightAsync(24);
        var rest = new List<string?>();
        foreach (var day in new[] { 25, 26, 27, 30 })
        {
            rest.Add(await DigestAtEightAsync(day));
        }
        await world.WithDbAsync(async db =>
        {
            db.MarketCards.Add(new MarketCard { LocationId = warsaw, Version = 1, ChangedBy = "Lead", ChangedAt = new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero) });
            await db.SaveChangesAsync();
        });
        // Monday 30 at 09:00 was a week after they were due: the first digest after it says Toronto again, and not Warsaw.
        var weekLater = await DigestAtEightAsync(1, month: 12);

        Assert.Null(monday);
        Assert.NotNull(tuesday);
        Assert.Contains("MARKET CARDS TO REVIEW", tuesday);
        Assert.Contains("Warsaw, Poland has no market card yet", tuesday);
        Assert.Contains("Toronto, Canada has no market card yet", tuesday);
        Assert.Contains($"{DigestWorld.BaseUrl}/engagements/{engagementId}/locations/{warsaw}/market", tuesday);
        Assert.All(rest, d => Assert.Null(d));
        Assert.NotNull(weekLater);
        Assert.Contains("Toronto, Canada has no market card yet", weekLater);
        Assert.Contains($"/locations/{toronto}/market", weekLater);
        Assert.DoesNotContain("Warsaw", weekLater);
    }

    [Fact]
    public async Task A_stale_card_is_said_in_the_digest_whose_period_holds_the_moment_it_became_due()
    {
        var warsaw = await LocationIdAsync("Warsaw");
        var toronto = await LocationIdAsync("Toronto");
        // Reviewed 180 days before Tuesday 24 at noon (the default age): due then. Toronto's card is fresh.
        await world.WithDbAsync(async db =>
        {
            db.MarketCards.AddRange(
                new MarketCard { LocationId = warsaw, Version = 1, ChangedBy = "Lead", ChangedAt = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero) - TimeSpan.FromDays(180) },
                new MarketCard { LocationId = toronto, Version = 1, ChangedBy = "Lead", ChangedAt = Added });
            await db.SaveChangesAsync();
        });

        var tuesday = await DigestAtEightAsync(24);
        var wednesday = await DigestAtEightAsync(25);
        var thursday = await DigestAtEightAsync(26);

        Assert.Null(tuesday);
        Assert.NotNull(wednesday);
        Assert.Contains("Market card: Warsaw, Poland, last reviewed 180 days ago by Lead", wednesday);
        Assert.DoesNotContain("Toronto", wednesday);
        Assert.Null(thursday);
    }

    /// <summary>Records the digests due at 08:00 on that day and returns the leader's text, or null when none was due or it had nothing to say.</summary>
    private async Task<string?> DigestAtEightAsync(int day, int month = 11)
    {
        world.Clock.SetUtcNow(new DateTimeOffset(2026, month, day, 8, 0, 0, TimeSpan.Zero));
        var ids = await world.WithScopeAsync(s => s.GetRequiredService<DigestDispatcher>().RecordDueAsync(CancellationToken.None));
        return await world.WithDbAsync(db => db.Digests.Where(d => ids.Contains(d.Id) && d.Recipient == Leader).Select(d => d.TextBody).SingleOrDefaultAsync());
    }

    private Task<int> LocationIdAsync(string city) =>
        world.WithDbAsync(db => db.HiringLocations.Where(l => l.EngagementId == engagementId && l.City == city).Select(l => l.Id).SingleAsync());
}
