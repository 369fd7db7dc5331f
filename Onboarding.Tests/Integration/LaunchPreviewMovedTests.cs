using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Onboarding.Tests.Integration.PlanEditing;
using Onboarding.Tests.Support;
using Onboarding.Tests.Unit.Templates;

namespace Onboarding.Tests.Integration;

/// <summary>The launch preview lists the tasks another template pushed later than their own template plans.</summary>
public sealed class LaunchPreviewMovedTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>, IDisposable
{
    private const string Leader = "alex.morgan@northstar.example";

    private readonly string folder = Directory.CreateTempSubdirectory("onboarding-moved-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_starter_templates_together_move_nothing()
    {
        var leader = await app.SignedInClientAsync(Leader);

        var html = await PreviewAsync(leader);

        Assert.Contains("Plan preview:", html);
        Assert.DoesNotContain("moved-by-other-templates", html);
    }

    [Fact]
    public async Task A_task_planned_before_another_template_s_step_is_listed_with_the_reason()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Templates, "*.md"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        // The recruiter's tools training back on day 2, as it was before it waited for access to be granted (days 4–8).
        var path = Path.Combine(folder, "recruiter-onboarding.md");
        var text = File.ReadAllText(path);
        var early = text.Replace("- key: tools-training\n- phase: learn\n- start: 9\n", "- key: tools-training\n- phase: learn\n- start: 2\n", StringComparison.Ordinal);
        Assert.NotEqual(text, early);
        File.WriteAllText(path, early);
        using var web = app.WithWebHostBuilder(b => b.UseSetting("Templates:Directory", folder));
        var leader = await UpgradeWorld.SignedInAsync(web, Leader);

        var html = await PreviewAsync(leader);

        var section = html[html.IndexOf("id=\"moved-by-other-templates\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("Moved because of another template: 1 task", section);
        Assert.Contains("<strong>Get trained on the tools you will work in</strong> (Recruiter onboarding, waits for RPO client launch)", section);
        Assert.Contains("starts 7 working days later than planned because &#x27;Grant systems access&#x27; is due on", section);
    }

    private static async Task<string> PreviewAsync(HttpClient leader)
    {
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements/new");
        var preview = await leader.PostAsync("/engagements/new", LaunchTests.Encode(LaunchTests.ValidForm("preview"), token));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        return await preview.Content.ReadAsStringAsync();
    }
}
