using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Documents.PlanPack;
using Onboarding.Tests.Support;
using UglyToad.PdfPig;
using static Onboarding.Tests.Unit.Documents.PdfText;

namespace Onboarding.Tests.Integration.Pack;

/// <summary>The pack's downloads and print view on the demo engagement, as its members and outsiders see them.</summary>
public class PackEndpointTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Leader = "alex.morgan@northstar.example";
    private const string Recruiter = "riya.shah@northstar.example";
    private const string TaLead = "tomas.herrera@acme.example";

    [Fact]
    public async Task A_client_stakeholder_downloads_the_plan_pack_with_every_task_in_order()
    {
        var (engagementId, pack) = await DemoPackAsync();
        var client = await app.SignedInClientAsync(TaLead);

        var response = await client.GetAsync($"/engagements/{engagementId}/pack.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("acme-robotics-plan-pack-2026-11-23.pdf", response.Content.Headers.ContentDisposition.FileName);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Acme Robotics RPO launch: plan pack", pdf.Information.Title);
        var text = Flowing(pdf.GetPages().Skip(2));
        var titles = PackContent.Phases(pack.InClientWords().Tasks).SelectMany(p => p.Tasks).Select(t => t.Title).ToList();
        Assert.True(titles.Count > 80, $"the demo has {titles.Count} tasks");
        Assert.DoesNotContain(-1, PositionsInOrder(text, titles, text.IndexOf(PackContent.Plan, StringComparison.Ordinal)));
        Assert.All(pdf.GetPages(), p => Assert.EndsWith($"Page {p.Number} of {pdf.NumberOfPages}", LinesOf(p)[^1]));
    }

    [Fact]
    public async Task A_recruiter_downloads_their_own_plan_with_only_their_tasks()
    {
        var (engagementId, pack) = await DemoPackAsync();
        var riya = pack.MemberByEmail(Recruiter)!;
        var recruiter = await app.SignedInClientAsync(Recruiter);

        var response = await recruiter.GetAsync($"/engagements/{engagementId}/pack/mine.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("acme-robotics-plan-riya-shah-2026-11-23.pdf", response.Content.Headers.ContentDisposition!.FileName);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Acme Robotics RPO launch: onboarding plan for Riya Shah", pdf.Information.Title);
        var text = Flowing(pdf.GetPages().Skip(2));
        var own = PackContent.Phases(pack.TasksOf(riya)).SelectMany(p => p.Tasks).Select(t => t.Title).ToList();
        Assert.NotEmpty(own);
        Assert.DoesNotContain(-1, PositionsInOrder(text, [PackContent.YourTasks, .. own, PackContent.PeopleToMeet, "Tomás Herrera", PackContent.Glossary]));
        Assert.DoesNotContain(pack.Tasks.First(t => t.OwnerId != riya.Id && !own.Contains(t.Title)).Title, text);
    }

    [Fact]
    public async Task Another_members_plan_is_for_account_leaders_only()
    {
        var (engagementId, pack) = await DemoPackAsync();
        var riya = pack.MemberByEmail(Recruiter)!;
        var alex = pack.MemberByEmail(Leader)!;

        var asLeader = await (await app.SignedInClientAsync(Leader)).GetAsync($"/engagements/{engagementId}/pack/members/{riya.Id}.pdf");
        var asRecruiter = await (await app.SignedInClientAsync(Recruiter)).GetAsync($"/engagements/{engagementId}/pack/members/{alex.Id}.pdf");

        Assert.Equal(HttpStatusCode.OK, asLeader.StatusCode);
        using var pdf = PdfDocument.Open(await asLeader.Content.ReadAsByteArrayAsync());
        Assert.Equal("Acme Robotics RPO launch: onboarding plan for Riya Shah", pdf.Information.Title);
        Assert.Equal(HttpStatusCode.Forbidden, asRecruiter.StatusCode);
    }

    [Fact]
    public async Task Outsiders_get_not_found_and_visitors_are_sent_to_sign_in()
    {
        var (engagementId, pack) = await DemoPackAsync();
        var outsider = await app.SignedInClientAsync(await CreateOutsiderAsync());
        var visitor = app.AnonymousClient();
        string[] paths =
        [
            $"/engagements/{engagementId}/pack", $"/engagements/{engagementId}/pack.pdf", $"/engagements/{engagementId}/pack/mine.pdf",
            $"/engagements/{engagementId}/pack/members/{pack.Members[0].Id}.pdf",
        ];

        foreach (var path in paths)
        {
            var asOutsider = await outsider.GetAsync(path);
            Assert.True(asOutsider.StatusCode == HttpStatusCode.NotFound, $"{path} answered {asOutsider.StatusCode} to an outsider");
            Assert.DoesNotContain("Acme", await asOutsider.Content.ReadAsStringAsync());
            var asVisitor = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, asVisitor.StatusCode);
            Assert.Contains("/sign-in", asVisitor.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task The_print_view_shows_every_task_in_order_and_links_the_downloads()
    {
        var (engagementId, pack) = await DemoPackAsync();
        var leader = await app.SignedInClientAsync(Leader);

        var response = await leader.GetAsync($"/engagements/{engagementId}/pack");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Acme Robotics RPO launch: plan pack · Onboarding</title>", html);
        Assert.Contains("@media print", html);
        var titles = PackContent.Phases(pack.InClientWords().Tasks).SelectMany(p => p.Tasks).Select(t => $"<h4>{WebUtility.HtmlEncode(t.Title)}</h4>");
        Assert.DoesNotContain(-1, PositionsInOrder(html, titles));
        Assert.Contains($"<a href=\"/engagements/{engagementId}/pack.pdf\">Download plan pack (PDF)</a>", html);
        Assert.Contains($"<a href=\"/engagements/{engagementId}/pack/mine.pdf\">Download my plan (PDF)</a>", html);
        Assert.Contains($"<a href=\"/engagements/{engagementId}/pack/members/{pack.MemberByEmail(Recruiter)!.Id}.pdf\">Plan for Riya Shah (PDF)</a>", html);

        var asRecruiter = await (await app.SignedInClientAsync(Recruiter)).GetStringAsync($"/engagements/{engagementId}/pack");
        Assert.DoesNotContain("Plan for Riya Shah", asRecruiter);
    }

    [Fact]
    public async Task The_overview_and_the_recruiters_onboarding_page_link_to_the_downloads()
    {
        var (engagementId, _) = await DemoPackAsync();

        var overview = await (await app.SignedInClientAsync(TaLead)).GetStringAsync($"/engagements/{engagementId}");
        var onboarding = await (await app.SignedInClientAsync(Recruiter)).GetStringAsync("/my/onboarding");

        Assert.Contains($"<a href=\"/engagements/{engagementId}/pack.pdf\">Download plan pack (PDF)</a>", overview);
        Assert.Contains($"<a href=\"/engagements/{engagementId}/pack\">Print view</a>", overview);
        Assert.Contains($"<a href=\"/engagements/{engagementId}/pack/mine.pdf\">Download my plan (PDF)</a>", onboarding);
    }

    [Fact]
    public void A_font_family_that_is_not_installed_stops_the_app_at_start()
    {
        using var misconfigured = app.WithWebHostBuilder(b => b.UseSetting("Pdf:FontFamily", "No Such Font Family"));

        var error = Assert.Throws<OptionsValidationException>(() => misconfigured.CreateClient());

        Assert.Contains("font family 'No Such Font Family' is not installed; install it or set Pdf__FontFamily", error.Message);
    }

    private Task<(int EngagementId, PackModel Pack)> DemoPackAsync() =>
        app.WithDbAsync(async db =>
        {
            var id = await db.Engagements.Where(e => e.Name == "Acme Robotics RPO launch").Select(e => e.Id).SingleAsync();
            return (id, (await PackLoader.LoadAsync(db, app.Clock, id))!);
        });

    /// <summary>A signed-up person of another provider who belongs to no engagement.</summary>
    private async Task<string> CreateOutsiderAsync()
    {
        var email = $"outsider-{Guid.NewGuid():N}@other.example";
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OnboardingDbContext>();
        var provider = new Organisation { Name = "Other Provider", Kind = OrganisationKind.Provider };
        db.Organisations.Add(provider);
        await db.SaveChangesAsync();
        var user = new AppUser { UserName = email, Email = email, DisplayName = "Olive Outsider", OrganisationId = provider.Id };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, OnboardingFactory.DemoPassword)).Succeeded);
        return email;
    }
}
