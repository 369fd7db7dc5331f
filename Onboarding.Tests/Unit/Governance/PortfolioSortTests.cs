using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Web.Features.Portfolio;

namespace Onboarding.Tests.Unit.Governance;

public class PortfolioSortTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static readonly EngagementStanding[] Rows =
    [
        Row(1, "beta", HealthColour.Green, goLive: 40, clientOverdue: 0),
        Row(2, "Alpha", HealthColour.Red, goLive: 10, clientOverdue: 7),
        Row(3, "gamma", HealthColour.Amber, goLive: 10, clientOverdue: 2),
        Row(4, "Delta", HealthColour.Red, goLive: 90, clientOverdue: 7, overridden: HealthColour.Amber),
        Row(5, "alpha", HealthColour.Red, goLive: 20, clientOverdue: 1),
    ];

    [Fact]
    public void By_default_the_reddest_come_first_then_by_name_then_by_id()
    {
        Assert.Equal([2, 5, 4, 3, 1], Ids(new PortfolioQuery()));
    }

    [Fact]
    public void Each_column_sorts_both_ways_with_ties_by_name()
    {
        Assert.Equal([2, 3, 5, 1, 4], Ids(new PortfolioQuery { Sort = PortfolioSort.GoLive, Desc = false }));
        Assert.Equal([4, 1, 5, 2, 3], Ids(new PortfolioQuery { Sort = PortfolioSort.GoLive, Desc = true }));
        Assert.Equal([2, 4, 3, 5, 1], Ids(new PortfolioQuery { Sort = PortfolioSort.ClientOverdue }));
        Assert.Equal([3, 4, 1, 2, 5], Ids(new PortfolioQuery { Sort = PortfolioSort.Name, Desc = true }));
        Assert.Equal([2, 5, 1, 4, 3], Ids(new PortfolioQuery { Sort = PortfolioSort.Name, Desc = false }));
    }

    [Fact]
    public void The_health_filter_goes_by_the_colour_shown()
    {
        Assert.Equal([4, 3], Ids(new PortfolioQuery { Health = HealthColour.Amber }));
    }

    private static int[] Ids(PortfolioQuery query) => query.Apply(Rows).Select(r => r.Id).ToArray();

    private static EngagementStanding Row(int id, string name, HealthColour computed, int goLive, int clientOverdue, HealthColour? overridden = null) => new(
        id, Guid.NewGuid(), name, "Client", EngagementStatus.Active, Today.AddDays(-30), Today.AddDays(goLive), Today,
        new HealthVerdict(computed, []), overridden, overridden is null ? null : "Because", overridden is null ? null : "Lead", null,
        null, null, 0, clientOverdue, 0, 0);
}
