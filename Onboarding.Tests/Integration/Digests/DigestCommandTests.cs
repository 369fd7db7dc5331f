using Microsoft.EntityFrameworkCore;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Digests;

/// <summary>The <c>digests</c> verbs, run as a real process against the demo database.</summary>
public class DigestCommandTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task Preview_prints_the_plain_text_digest_a_member_gets_on_a_date()
    {
        var engagementId = await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync());
        await TestPlans.AddTaskAsync(app, engagementId, "Confirm the panel for the controls engineer role", "hana.kobayashi@acme.example");

        var (exit, output, _) = await RunAsync("digests", "preview", "--engagement", engagementId.ToString(), "--member", "Hana.Kobayashi@acme.example", "--date", "2026-11-23");

        Assert.Equal(0, exit);
        Assert.Contains("To: Hana Kobayashi <hana.kobayashi@acme.example>", output);
        Assert.Contains("Subject: Acme Robotics RPO launch · day 12:", output);
        Assert.Contains("Due: 2026-11-23 14:00 UTC", output);
        Assert.Contains("Hi Hana Kobayashi, here is your digest for Monday 23 November 2026.", output);
        Assert.Contains("* Confirm the panel for the controls engineer role: overdue by 3 days", output);
    }

    [Fact]
    public async Task Preview_says_when_there_is_no_digest_that_day()
    {
        var engagementId = await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync());

        var (exit, output, _) = await RunAsync("digests", "preview", "--engagement", engagementId.ToString(), "--member", "riya.shah@northstar.example", "--date", "2026-11-28");

        Assert.Equal(0, exit);
        Assert.Equal("No digest on Saturday 28 November 2026: it is not one of Riya Shah's working days.", output.Trim());
    }

    [Theory]
    [InlineData("preview --member a@b.example", "--engagement ID is required")]
    [InlineData("preview --engagement abc --member a@b.example", "--engagement 'abc' is not an engagement id")]
    [InlineData("preview --engagement 1", "--member EMAIL is required")]
    [InlineData("preview --engagement 1 --member a@b.example --date 2026-02-30", "--date '2026-02-30' is not a date in the form YYYY-MM-DD")]
    [InlineData("preview --engagement 1 --member a@b.example --colour red", "unknown option '--colour'")]
    [InlineData("preview --engagement 1 --member", "--member needs a value")]
    [InlineData("preview --engagement 999999 --member a@b.example", "there is no engagement 999999")]
    [InlineData("frobnicate", "'digests frobnicate' is not a valid command")]
    public async Task Bad_arguments_fail_with_exit_code_2_and_say_what_is_wrong(string arguments, string message)
    {
        var (exit, _, error) = await RunAsync(["digests", .. arguments.Split(' ')]);

        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.Contains("digests preview --engagement ID --member EMAIL", error);
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => AppProcess.RunAsync(app.ConnectionString, args);
}
