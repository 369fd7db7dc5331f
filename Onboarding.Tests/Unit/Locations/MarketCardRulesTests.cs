using Onboarding.Core.Locations;

namespace Onboarding.Tests.Unit.Locations;

public class MarketCardRulesTests
{
    [Theory]
    [InlineData("INR", "INR")]
    [InlineData(" pln ", "PLN")]
    [InlineData("mxn", "MXN")]
    [InlineData("CAD", "CAD")]
    [InlineData("EUR", "EUR")]
    [InlineData("XAU", null)]
    [InlineData("ABC", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Currencies_are_the_ISO_4217_codes_countries_pay_in(string? typed, string? stored) =>
        Assert.Equal(stored, Currencies.Normalise(typed));

    [Theory]
    [InlineData("recruiter-onboarding/market-salaries@riya-shah-northstar-example", true)]
    [InlineData("recruiter-onboarding/market-brief", true)]
    [InlineData("market-salaries", true)]
    [InlineData("recruiter-onboarding/learn-the-market", false)]
    [InlineData("market-launch/kickoff", false)]
    public void A_task_is_about_the_local_market_when_its_template_task_key_starts_with_market(string planKey, bool about) =>
        Assert.Equal(about, MarketTasks.IsAbout(planKey));

    [Fact]
    public void A_card_is_due_for_review_only_once_older_than_the_set_age()
    {
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var age = TimeSpan.FromDays(180);

        Assert.False(new MarketCard { ChangedAt = now - age }.IsDue(now, age));
        Assert.True(new MarketCard { ChangedAt = now - age - TimeSpan.FromMinutes(1) }.IsDue(now, age));
        Assert.True(new MarketCard().IsDue(now, age));
    }
}
