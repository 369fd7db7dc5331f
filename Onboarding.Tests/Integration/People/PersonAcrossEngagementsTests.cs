using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Jobs.Digests;
using Onboarding.Tests.Support;
using UglyToad.PdfPig;
using static Onboarding.Tests.Unit.Documents.PdfText;

namespace Onboarding.Tests.Integration.People;

/// <summary>
/// One person in two engagements whose clients keep different clocks: their own zone and digest hour decide when
/// the digest comes and what "today" is, and every page that speaks of it agrees with the dispatcher.
/// </summary>
public class PersonAcrossEngagementsTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Leader = "alex.morgan@northstar.example";
    private const string Recruiter = "riya.shah@northstar.example";

    [Fact]
    public async Task A_person_in_two_engagements_has_one_clock_that_the_dispatcher_and_every_page_use()
    {
        var leader = await app.SignedInClientAsync(Leader);
        var globexId = await LaunchGlobexAsync(leader);

        // The launch form offered Riya Asia/Tokyo, but she was already known: she keeps her own clock.
        var riya = await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.EmailKey == Recruiter));
        Assert.Equal("Europe/London", riya.TimeZone);
        Assert.Equal(2, await app.WithDbAsync(db => db.Members.CountAsync(m => m.PersonId == riya.Id)));

        var recruiter = await app.SignedInClientAsync(Recruiter);
        var token = await OnboardingFactory.AntiforgeryTokenAsync(recruiter, "/profile");
        var saved = await recruiter.PostAsync("/profile", new FormUrlEncodedContent(
        [
            new("Version", riya.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Name", "Riya Shah"),
            new("TimeZone", "Asia/Kolkata"),
            new("DigestHour", "7"),
            .. new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(d => new KeyValuePair<string, string>("WorkingDays", d)),
            new("__RequestVerificationToken", token),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The dispatcher: one recipient, both engagements, at 07:00 in Kolkata (01:30 UTC).
        var audience = await WithScopeAsync(s => s.GetRequiredService<DigestLoader>().AudienceAsync(Recruiter, CancellationToken.None));
        var schedule = Assert.Single(audience).Schedule;
        Assert.Equal(("Asia/Kolkata", 7, 2), (schedule.TimeZoneId, schedule.LocalHour, schedule.Subscriptions.Count));
        var due = DigestSchedule.ForDate(schedule, new DateOnly(2026, 12, 1));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.Zero), due?.DueAt);

        // The leader's preview of Globex, her digest settings, her checklist and the Globex pack say the same.
        var memberId = await app.WithDbAsync(db => db.Members.Where(m => m.EngagementId == globexId && m.PersonId == riya.Id).Select(m => m.Id).SingleAsync());
        var preview = WebUtility.HtmlDecode(await leader.GetStringAsync($"/engagements/{globexId}/digests/preview?member={memberId}&date=2026-12-01"));
        Assert.Contains("due Tue 1 Dec 2026 07:00 Asia/Kolkata, their time", preview);
        var preferences = WebUtility.HtmlDecode(await recruiter.GetStringAsync("/digests/preferences"));
        Assert.Contains("07:00 Asia/Kolkata", preferences);
        Assert.Contains("Globex hiring programme", preferences);
        var checklist = WebUtility.HtmlDecode(await recruiter.GetStringAsync("/my/checklist"));
        Assert.Contains("your time zone (Asia/Kolkata", checklist);
        var pack = await leader.GetAsync($"/engagements/{globexId}/pack.pdf");
        using var pdf = PdfDocument.Open(await pack.Content.ReadAsByteArrayAsync());
        Assert.Contains("07:00 Asia/Kolkata", Flowing(pdf));

        // A new sign-in carries the new zone: times on pages are hers.
        var activity = WebUtility.HtmlDecode(await leader.GetStringAsync($"/engagements/{globexId}/activity"));
        Assert.Contains("Europe/London", activity);
        Assert.Contains("Asia/Kolkata", WebUtility.HtmlDecode(await (await app.SignedInClientAsync(Recruiter)).GetStringAsync("/profile")));
    }

    [Fact]
    public async Task A_leader_keeps_the_clock_of_a_contact_without_an_account_but_not_of_someone_who_signs_in()
    {
        var leader = await app.SignedInClientAsync(Leader);
        var engagementId = await InvitationTests.DemoEngagementIdAsync(app);
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, $"/engagements/{engagementId}/stakeholders");
        var added = await leader.PostAsync($"/engagements/{engagementId}/stakeholders", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Marta Kowalska",
            ["Email"] = "Marta.Kowalska@acme.example",
            ["Role"] = "HiringManager",
            ["TimeZone"] = "Europe/Warsaw",
            ["DigestHour"] = "9",
            ["confirmTasks"] = "true",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var marta = await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.EmailKey == "marta.kowalska@acme.example"));
        Assert.Equal(("Europe/Warsaw", 9, (string?)null), (marta.TimeZone, marta.DigestHour, marta.UserId));

        var page = await leader.GetStringAsync($"/people/{marta.Id}");
        Assert.Contains("<title>Marta Kowalska · Profile · Onboarding</title>", page);
        var profileToken = await OnboardingFactory.AntiforgeryTokenAsync(leader, $"/people/{marta.Id}");
        FormUrlEncodedContent Form(string zone, string name) => new(
        [
            new("Version", marta.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Name", name),
            new("TimeZone", zone),
            new("DigestHour", "8"),
            new("WorkingDays", "Monday"),
            new("WorkingDays", "Tuesday"),
            new("__RequestVerificationToken", profileToken),
        ]);
        var nonsense = await leader.PostAsync($"/people/{marta.Id}", Form("Eastern Standard Time", ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nonsense.StatusCode);
        var errors = WebUtility.HtmlDecode(await nonsense.Content.ReadAsStringAsync());
        Assert.Contains("'Eastern Standard Time' is not a known IANA time zone", errors);
        Assert.Contains("Enter a name.", errors);

        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostAsync($"/people/{marta.Id}", Form("America/Mexico_City", "Marta K. Kowalska"))).StatusCode);
        var after = await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == marta.Id));
        Assert.Equal(("America/Mexico_City", WorkingDays.Monday | WorkingDays.Tuesday, "Marta K. Kowalska"), (after.TimeZone, after.WorkingDays, after.Name));
        Assert.Equal("Marta K. Kowalska", await app.WithDbAsync(db => db.Members.Where(m => m.PersonId == marta.Id).Select(m => m.Name).SingleAsync()));
        Assert.Contains("Changed Marta K. Kowalska's profile: name Marta K. Kowalska, time zone America/Mexico_City", WebUtility.HtmlDecode(await leader.GetStringAsync($"/engagements/{engagementId}/activity")));

        // Hana signs in: her clock is hers. Riya, a recruiter, does not lead: she cannot even see Marta's profile.
        var hana = await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.EmailKey == "hana.kobayashi@acme.example"));
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync($"/people/{hana.Id}", Form("Asia/Tokyo", "Hana"))).StatusCode);
        Assert.Contains("keeps these settings themselves", await leader.GetStringAsync($"/people/{hana.Id}"));
        var recruiter = await app.SignedInClientAsync(Recruiter);
        Assert.Equal(HttpStatusCode.NotFound, (await recruiter.GetAsync($"/people/{marta.Id}")).StatusCode);
    }

    private async Task<int> LaunchGlobexAsync(HttpClient leader)
    {
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements/new");
        var form = new Dictionary<string, string>
        {
            ["Name"] = "Globex hiring programme",
            ["ClientName"] = "Globex",
            ["Kickoff"] = "2026-11-30",
            ["GoLive"] = "2027-01-11",
            ["TimeZone"] = "America/Mexico_City",
            ["SharedPurpose"] = "Hire the plant team for Monterrey.",
            ["Contacts[0].Name"] = "Greta Lindqvist",
            ["Contacts[0].Email"] = "greta@globex.example",
            ["Contacts[0].Role"] = "TaLead",
            ["Contacts[0].TimeZone"] = "America/Mexico_City",
            ["Contacts[1].Name"] = "Jonas Weber",
            ["Contacts[1].Email"] = "jonas@globex.example",
            ["Contacts[1].Role"] = "HiringManager",
            ["Contacts[1].TimeZone"] = "America/Mexico_City",
            ["Contacts[2].Name"] = "Ingrid Sponsor",
            ["Contacts[2].Email"] = "ingrid@globex.example",
            ["Contacts[2].Role"] = "ExecutiveSponsor",
            ["Contacts[2].TimeZone"] = "America/Mexico_City",
            ["Contacts[3].Name"] = "Riya Shah",
            ["Contacts[3].Email"] = "Riya.Shah@northstar.example",
            ["Contacts[3].Role"] = "Recruiter",
            ["Contacts[3].TimeZone"] = "Asia/Tokyo",
            ["Templates"] = "rpo-client-launch",
            ["Action"] = "launch",
            ["__RequestVerificationToken"] = token,
        };
        var days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(d => KeyValuePair.Create("WorkingDays", d));
        var launched = await leader.PostAsync("/engagements/new", new FormUrlEncodedContent(form.Concat(days)));
        Assert.Equal(HttpStatusCode.Redirect, launched.StatusCode);
        return await app.WithDbAsync(db => db.Engagements.Where(e => e.Name == "Globex hiring programme").Select(e => e.Id).SingleAsync());
    }

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
