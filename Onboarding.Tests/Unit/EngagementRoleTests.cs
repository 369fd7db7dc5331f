using Onboarding.Core.Engagements;

namespace Onboarding.Tests.Unit;

public class EngagementRoleTests
{
    [Fact]
    public void Every_role_round_trips_through_its_template_key()
    {
        foreach (var role in Enum.GetValues<EngagementRole>())
        {
            Assert.True(EngagementRoles.TryParse(role.ToKey(), out var parsed));
            Assert.Equal(role, parsed);
        }
    }

    [Fact]
    public void Unknown_key_does_not_parse()
    {
        Assert.False(EngagementRoles.TryParse("cfo", out _));
    }
}
