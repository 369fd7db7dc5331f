using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

/// <summary>The executable's verbs, run as a real process against the test database.</summary>
public class CommandTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task Engagements_list_prints_id_client_day_and_members()
    {
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var (exit, output, _) = await RunAsync("engagements", "list");

        Assert.Equal(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{engagementId}  Acme Robotics  day ", line);
        Assert.Matches(@"day \d+ of 90", line);
        Assert.Contains("alex.morgan@northstar.example (account-leader)", line);
        Assert.Contains("tomas.herrera@acme.example (ta-lead)", line);
    }

    [Fact]
    public async Task Migrate_reports_an_up_to_date_database()
    {
        var (exit, output, _) = await RunAsync("migrate");
        Assert.Equal(0, exit);
        Assert.Contains("up to date", output);
    }

    [Fact]
    public async Task An_unknown_verb_fails_with_usage()
    {
        var (exit, _, error) = await RunAsync("frobnicate");
        Assert.Equal(2, exit);
        Assert.Contains("unknown command 'frobnicate'", error);
        Assert.Contains("engagements list", error);
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => AppProcess.RunAsync(app.ConnectionString, args);
}
