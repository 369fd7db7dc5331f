using Microsoft.EntityFrameworkCore;
using Onboarding.Tests.Support;
using Onboarding.Web.Commands;
using UglyToad.PdfPig;
using static Onboarding.Tests.Unit.Documents.PdfText;

namespace Onboarding.Tests.Integration.Pack;

/// <summary><c>pack export</c>, run as a real process against the test database.</summary>
public class PackCommandTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pack-export-").FullName;

    [Fact]
    public async Task Export_writes_the_plan_pack_as_a_valid_pdf()
    {
        var engagementId = await DemoEngagementIdAsync();
        var file = Path.Combine(_directory, "pack.pdf");

        var (exit, output, error) = await RunAsync("pack", "export", "--engagement", $"{engagementId}", "--out", file);

        Assert.True(exit == 0, error);
        Assert.Equal($"pack export: wrote the plan pack of 'Acme Robotics RPO launch' to {file} ({(new FileInfo(file).Length + 1023) / 1024} KiB)\n", output);
        using var pdf = PdfDocument.Open(file);
        Assert.Equal("Acme Robotics RPO launch: plan pack", pdf.Information.Title);
        Assert.True(pdf.NumberOfPages > 10);
        Assert.Contains("The 30/60/90 plan", Flowing(pdf));
    }

    [Fact]
    public async Task Export_with_a_member_writes_that_members_plan()
    {
        var engagementId = await DemoEngagementIdAsync();
        var file = Path.Combine(_directory, "riya.pdf");

        var (exit, output, error) = await RunAsync("pack", "export", "--engagement", $"{engagementId}", "--out", file, "--member", "Riya.Shah@northstar.example");

        Assert.True(exit == 0, error);
        Assert.StartsWith("pack export: wrote the plan of Riya Shah in 'Acme Robotics RPO launch'", output);
        using var pdf = PdfDocument.Open(file);
        Assert.Equal("Acme Robotics RPO launch: onboarding plan for Riya Shah", pdf.Information.Title);
    }

    [Theory]
    [InlineData("--out {file}", "--engagement is required")]
    [InlineData("--engagement {id}", "--out is required")]
    [InlineData("--engagement abc --out {file}", "--engagement 'abc' is not an engagement id")]
    [InlineData("--engagement 99999 --out {file}", "--engagement 99999: there is no engagement with that id")]
    [InlineData("--engagement {id} --out {file} --member nobody@example.com", "--member nobody@example.com: nobody with that email is in 'Acme Robotics RPO launch'")]
    [InlineData("--engagement {id} --out {file} --format pdf", "unknown option '--format'")]
    [InlineData("--engagement {id} --out", "--out needs a value")]
    [InlineData("--engagement {id} --out {file} --report weekly", "--report 'weekly' is not a report; the one report is 'steering'")]
    [InlineData("--engagement {id} --out {file} --month 2026-11", "--month is for --report steering")]
    [InlineData("--engagement {id} --out {file} --report steering --month November", "--month: Month 'November' is not a month written as year-month")]
    public async Task Bad_arguments_fail_with_a_clear_message_and_exit_code_2(string arguments, string message)
    {
        var engagementId = await DemoEngagementIdAsync();
        var file = Path.Combine(_directory, "bad.pdf");
        var args = arguments.Replace("{id}", $"{engagementId}").Replace("{file}", file).Split(' ');

        var (exit, _, error) = await RunAsync(["pack", "export", .. args]);

        Assert.Equal(2, exit);
        Assert.StartsWith($"pack export: {message}", error);
        Assert.Contains(PackCommand.Usage, error);
        Assert.False(File.Exists(file));
    }

    private Task<int> DemoEngagementIdAsync() =>
        app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync());

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => AppProcess.RunAsync(app.ConnectionString, args);
}
