using System.Net;
using Microsoft.AspNetCore.Hosting;
using Onboarding.Tests.Support;
using Onboarding.Tests.Unit.Templates;

namespace Onboarding.Tests.Integration.Admin;

/// <summary>Each template as a document, with its validation status; broken files with every file:line error.</summary>
public class TemplatePagesTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Admin = "admin@northstar.example";

    [Fact]
    public async Task Every_valid_template_is_listed_and_reads_as_a_document_with_its_what_and_why()
    {
        var admin = await app.SignedInClientAsync(Admin);

        var list = await admin.GetStringAsync("/admin/templates");
        Assert.Contains("<title>Administration · Templates · Onboarding</title>", list);
        foreach (var key in new[] { "rpo-client-launch", "first-time-buyer", "recruiter-onboarding" })
        {
            Assert.Contains($"href=\"/admin/templates/{key}\"", list);
        }
        Assert.DoesNotContain("With errors", list);

        var document = await admin.GetStringAsync("/admin/templates/recruiter-onboarding");
        Assert.Contains("<title>Administration · Template: Recruiter onboarding · Onboarding</title>", document);
        Assert.Contains("Days 1–30: learn and connect", document);
        Assert.Contains("Welcome the recruiter to the engagement", document);
        Assert.Contains("<h4>Why</h4>", document);
        Assert.Contains("<p>Hold a welcome call with the recruiter", document);
        Assert.Contains("Notice period", document);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/templates/no-such-template")).StatusCode);
    }

    [Fact]
    public async Task Broken_templates_are_shown_with_each_error_at_its_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("onboarding-templates-").FullName;
        foreach (var file in Directory.GetFiles(RepoPaths.Templates, "*.md"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        File.Copy(Path.Combine(RepoPaths.BrokenTemplates, "unknown-owner.md"), Path.Combine(folder, "unknown-owner.md"));
        File.Copy(Path.Combine(RepoPaths.BrokenTemplates, "cycle.md"), Path.Combine(folder, "cycle.md"));
        try
        {
            using var withBroken = app.WithWebHostBuilder(b => b.UseSetting("Templates:Directory", folder));
            var admin = withBroken.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
            var token = await OnboardingFactory.AntiforgeryTokenAsync(admin, "/sign-in");
            await admin.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = Admin,
                ["Password"] = OnboardingFactory.DemoPassword,
                ["__RequestVerificationToken"] = token,
            }));

            var list = await admin.GetStringAsync("/admin/templates");

            Assert.Contains("With errors", list);
            Assert.Contains("<code>unknown-owner.md:15</code>: unknown owner role &#x27;cfo&#x27;", list);
            Assert.Contains("<code>cycle.md:16</code>: dependency cycle: a → c → b → a", list);
            Assert.Contains("href=\"/admin/templates/rpo-client-launch\"", list);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
