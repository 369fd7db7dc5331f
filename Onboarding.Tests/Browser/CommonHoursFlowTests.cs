using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance.CheckIns;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Browser;

/// <summary>The check-in form's "When everyone is working" follows the ticks, day and time as they change, with no save.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CommonHoursFlowTests(LiveApp app, Chromium chromium)
{
    private const string Leader = "lena.kowalska@fourzones.example";

    [Fact]
    public async Task The_hours_everyone_shares_change_as_participants_are_ticked_without_a_submit()
    {
        var (engagementId, seriesId) = await FourZoneEngagementAsync();
        await using var tab = await BrowserPage.OpenAsync(chromium, app);
        var page = tab.Page;
        await tab.SignInAsync(Leader);
        var edit = $"/engagements/{engagementId}/check-ins/{seriesId}/edit";
        await tab.GoToAsync(edit);
        var live = page.Locator("#common-hours-live");
        await Assertions.Expect(live).ToHaveAttributeAsync("aria-live", "polite");

        // The usual weekly check-in: the leader in Warsaw, the TA lead in Mexico City and the recruiter in Kolkata.
        await Assertions.Expect(live).ToContainTextAsync("No common hours:");
        // Typed and never saved: still there at the end shows the page was never submitted or reloaded.
        await page.GetByLabel("Title").FillAsync("Four-country check-in, not saved");

        // Warsaw 08:00–16:00 UTC and Mexico City 15:00–23:00 UTC: 10:00–11:00 in Toronto, each weekday.
        await page.GetByLabel("Priya Nair (Recruiter)").UncheckAsync();
        await Assertions.Expect(live.Locator(".common-windows li")).ToHaveCountAsync(5);
        await Assertions.Expect(live).Not.ToContainTextAsync("No common hours");
        await Assertions.Expect(live.Locator(".common-windows li").First).ToContainTextAsync("10:00–11:00");

        await page.GetByLabel("Owen Tremblay (Hiring manager)").CheckAsync();
        await Assertions.Expect(live.Locator("#meeting-fit")).ToContainTextAsync("at 10:00, is within everyone's working day.");
        await Assertions.Expect(live.Locator(".common-windows li")).ToHaveCountAsync(5);

        // 11:00 in Toronto is 17:00 in Warsaw.
        await page.GetByLabel("Start time", new() { Exact = false }).FillAsync("11:00");
        await Assertions.Expect(live.Locator("#meeting-fit")).ToContainTextAsync("at 11:00, falls outside the working day of Lena Kowalska (Europe/Warsaw).");

        // A length that does not read says so where the hours were, in the words the save would use, and the hours come back with a good one.
        await page.GetByLabel("Length in minutes").FillAsync("0");
        await Assertions.Expect(live).ToContainTextAsync("Give the length in minutes, a whole number from 5 to 480.");
        await page.GetByLabel("Length in minutes").FillAsync("30");
        await Assertions.Expect(live.Locator("#meeting-fit")).ToContainTextAsync("at 11:00, falls outside");

        // With Kolkata back in, no hour suits all four; without Priya the other three share an hour a day.
        await page.GetByLabel("Priya Nair (Recruiter)").CheckAsync();
        await Assertions.Expect(live).ToContainTextAsync("No common hours: in these seven days there is no time when all 4 are within their working day.");
        await Assertions.Expect(live).ToContainTextAsync("Closest: everyone but Priya Nair (Asia/Kolkata) is working");
        await Assertions.Expect(live.Locator(".common-windows")).ToHaveCountAsync(0);
        await live.ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync("check-in-no-common-hours");

        await page.GetByLabel("Lena Kowalska (Account leader)").UncheckAsync();
        await page.GetByLabel("Lucía Ortiz (TA lead)", new() { Exact = false }).UncheckAsync();
        await page.GetByLabel("Priya Nair (Recruiter)").UncheckAsync();
        await page.GetByLabel("Owen Tremblay (Hiring manager)").UncheckAsync();
        await Assertions.Expect(live).ToContainTextAsync("No participants chosen");

        Assert.EndsWith(edit, page.Url);
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Four-country check-in, not saved");
        var saved = await app.WithDbAsync(db => db.CheckInSeries.Where(s => s.Id == seriesId).Select(s => new { s.Title, s.LocalTime, Count = s.Participants.Count }).SingleAsync());
        Assert.Equal(("Weekly check-in", new TimeOnly(10, 0), 3), (saved.Title, saved.LocalTime, saved.Count));
        await tab.AssertAccessibleAsync();
        // Chromium logs the 422 answer to the length of 0 as a failed load; nothing else may be logged.
        tab.AssertNoScriptErrors(expectedStatuses: 422);
    }

    /// <summary>
    /// An engagement of its own (so the demo's people keep their zones for the other flows): a leader in Warsaw with an
    /// account, a recruiter in Kolkata, a TA lead in Mexico City and a hiring manager in Toronto, and the usual check-ins.
    /// </summary>
    private async Task<(int EngagementId, int SeriesId)> FourZoneEngagementAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OnboardingDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var provider = new Organisation { Name = "Four Zones Talent", Kind = OrganisationKind.Provider };
        var client = new Organisation { Name = "Four Zones Client", Kind = OrganisationKind.Client };
        db.Organisations.AddRange(provider, client);
        await db.SaveChangesAsync();
        var user = new AppUser { UserName = Leader, Email = Leader, EmailConfirmed = true, DisplayName = "Lena Kowalska", OrganisationId = provider.Id, AccountRole = AccountRole.AccountLeader };
        Assert.True((await users.CreateAsync(user, OnboardingFactory.DemoPassword)).Succeeded);
        var engagement = new Engagement
        {
            Name = "Four zones RPO launch",
            ProviderId = provider.Id,
            ClientId = client.Id,
            TimeZone = "America/Toronto",
            Kickoff = new DateOnly(2026, 11, 2),
            GoLive = new DateOnly(2027, 1, 29),
            Members =
            [
                TestPeople.NewMember("Lena Kowalska", Leader, EngagementRole.AccountLeader, "Europe/Warsaw", user.Id),
                TestPeople.NewMember("Priya Nair", "priya.nair@fourzones.example", EngagementRole.Recruiter, "Asia/Kolkata"),
                TestPeople.NewMember("Lucía Ortiz", "lucia.ortiz@client.example", EngagementRole.TaLead, "America/Mexico_City"),
                TestPeople.NewMember("Owen Tremblay", "owen.tremblay@client.example", EngagementRole.HiringManager, "America/Toronto"),
            ],
        };
        CheckInDefaults.Add(engagement, app.Factory.Clock.GetUtcNow());
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync();
        return (engagement.Id, engagement.CheckIns.Single(s => s.Kind == CheckInKind.Engagement).Id);
    }
}
