using System.Diagnostics;
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

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Onboarding.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Onboarding"] = app.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
