using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Engagements;
using Onboarding.Core.Locations;
using Onboarding.Core.Locations.Holidays;
using Onboarding.Core.Text;
using Onboarding.Tests.Integration.Assignments;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Locations;

/// <summary>Hiring locations at launch and on the Locations tab, on each database provider.</summary>
public abstract class LocationTests(OnboardingFactory app)
{
    [Fact]
    public async Task A_launch_saves_its_locations_and_who_works_from_each()
    {
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements/new");
        var form = LaunchTests.ValidForm("launch");
        form["Name"] = $"Globex across four countries ({GetType().Name})";
        form["ClientName"] = $"Globex {GetType().Name}";
        AddLocation(form, 0, "pl", "Lesser Poland", "Kraków", "Europe/Warsaw", "Mon,Tue,Wed,Thu,Fri", "pl");
        AddLocation(form, 1, "IN", "Karnataka", "Bengaluru", "Asia/Kolkata", "Mon,Tue,Wed,Thu,Fri,Sat", "hi-IN");
        form["Contacts[1].Location"] = "1";
        form["Contacts[3].Location"] = "2";

        var launched = await leader.PostAsync("/engagements/new", LaunchTests.Encode(form, token));

        Assert.Equal(HttpStatusCode.Redirect, launched.StatusCode);
        var engagement = await app.WithDbAsync(db => db.Engagements.Include(e => e.Locations).ThenInclude(l => l.Members).AsSplitQuery().SingleAsync(e => e.Name == form["Name"]));
        var krakow = Assert.Single(engagement.Locations, l => l.CountryCode == "PL");
        Assert.Equal(("Kraków", "Lesser Poland", "Europe/Warsaw", WorkingDays.MondayToFriday, "pl"), (krakow.City, krakow.Region, krakow.TimeZone, krakow.WorkingDays, krakow.Language));
        Assert.Equal(["jonas@globex.example"], krakow.Members.Select(m => m.Email));
        var bengaluru = Assert.Single(engagement.Locations, l => l.CountryCode == "IN");
        Assert.Equal(WorkingDays.MondayToFriday | WorkingDays.Saturday, bengaluru.WorkingDays);
        Assert.Equal(["riya.shah@northstar.example"], bengaluru.Members.Select(m => m.Email));

        var page = WebUtility.HtmlDecode(await leader.GetStringAsync($"/engagements/{engagement.Id}/locations"));
        Assert.Contains("Kraków, Lesser Poland, Poland", page);
        Assert.Contains("Jonas Weber (Hiring manager)", page);
    }

    [Fact]
    public async Task An_unknown_country_zone_or_language_at_launch_is_named_and_nothing_is_saved()
    {
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements/new");
        var form = LaunchTests.ValidForm("launch");
        form["Name"] = $"Globex nowhere ({GetType().Name})";
        AddLocation(form, 0, "XX", "", "Atlantis", "Mars/Olympus_Mons", "Mon,Tue,Wed,Thu,Fri", "klingon");
        form["Contacts[0].Location"] = "3";

        var response = await leader.PostAsync("/engagements/new", LaunchTests.Encode(form, token));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Location 1: 'XX' is not an ISO 3166 country code", html);
        Assert.Contains("Location 1: 'Mars/Olympus_Mons' is not a known IANA time zone", html);
        Assert.Contains("Location 1: 'klingon' is not a language tag known here", html);
        Assert.Contains("Row 1: location 3 is not filled in above", html);
        Assert.Contains("value=\"Atlantis\"", html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Engagements.CountAsync(e => e.Name == form["Name"])));
    }

    [Fact]
    public async Task A_zone_of_another_country_is_refused_with_the_country_s_zone_at_launch_and_on_the_tab()
    {
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, "/engagements/new");
        var form = LaunchTests.ValidForm("launch");
        form["Name"] = $"Globex in the wrong zone ({GetType().Name})";
        AddLocation(form, 0, "IN", "Karnataka", "Bengaluru", "Asia/Calcutta", "Mon,Tue,Wed,Thu,Fri", "hi-IN");
        AddLocation(form, 1, "PL", "", "Warsaw", "Asia/Kolkata", "Mon,Tue,Wed,Thu,Fri", "pl");

        var launch = await leader.PostAsync("/engagements/new", LaunchTests.Encode(form, token));
        var launchHtml = WebUtility.HtmlDecode(await launch.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, launch.StatusCode);
        Assert.Contains("Location 2: Asia/Kolkata is not a time zone of Poland; use Europe/Warsaw.", launchHtml);
        Assert.DoesNotContain("Asia/Calcutta is not", launchHtml);
        Assert.Equal(0, await app.WithDbAsync(db => db.Engagements.CountAsync(e => e.Name == form["Name"])));

        var demo = await Demo.LoadAsync(app);
        var city = $"Warsaw {GetType().Name}";
        var tab = await Demo.PostAsync(leader, $"{demo.Path}/locations", Location("PL", city, "America/Toronto", "pl"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tab.StatusCode);
        Assert.Contains("The new location: America/Toronto is not a time zone of Poland; use Europe/Warsaw.", WebUtility.HtmlDecode(await tab.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.HiringLocations.CountAsync(l => l.City == city)));
    }

    [Fact]
    public async Task The_leader_adds_a_location_links_people_and_may_remove_it_only_once_nobody_is_linked()
    {
        var demo = await Demo.LoadAsync(app);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var city = $"Monterrey {GetType().Name}";

        var bad = await Demo.PostAsync(leader, $"{demo.Path}/locations", Location("ZZ", city, "America/Gotham", "es-MX"));
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("'ZZ' is not an ISO 3166 country code", badHtml);
        Assert.Contains("'America/Gotham' is not a known IANA time zone", badHtml);
        Assert.Contains($"value=\"{city}\"", badHtml);

        var added = await Demo.PostAsync(leader, $"{demo.Path}/locations", Location("MX", city, "America/Monterrey", "es-MX"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var locationId = await app.WithDbAsync(db => db.HiringLocations.Where(l => l.City == city).Select(l => l.Id).SingleAsync());

        // Confirmed at once: the moves a link makes are the next test's.
        var linked = await Demo.PostAsync(leader, $"{demo.Path}/locations/{locationId}/people", Confirmed(Members(demo.Recruiter, demo.HiringManager)));
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(["Hana Kobayashi", "Riya Shah"], await LinkedAsync(locationId));

        var refused = await Demo.PostAsync(leader, $"{demo.Path}/locations/{locationId}/remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"{city}, Mexico cannot be removed while Hana Kobayashi, Riya Shah are linked to it: unlink each of them first.",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.HiringLocations.CountAsync(l => l.Id == locationId)));

        await Demo.PostAsync(leader, $"{demo.Path}/locations/{locationId}/people", Confirmed(Members(demo.Recruiter)));
        Assert.Equal(["Riya Shah"], await LinkedAsync(locationId));
        await Demo.PostAsync(leader, $"{demo.Path}/locations/{locationId}/people", Confirmed(Members()));
        var removed = await Demo.PostAsync(leader, $"{demo.Path}/locations/{locationId}/remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.HiringLocations.CountAsync(l => l.Id == locationId)));
        var log = (await Demo.ActivityAsync(app, demo.EngagementId)).Select(a => a.Description).ToList();
        // Followed by how many tasks Mexico's holidays moved, when any did.
        Assert.Contains(log, l => l.StartsWith($"{city}, Mexico: linked Hana Kobayashi, Riya Shah", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith($"{city}, Mexico: unlinked Hana Kobayashi", StringComparison.Ordinal));
        Assert.Contains($"Removed the hiring location {city}, Mexico", log);
    }

    [Fact]
    public async Task Linking_someone_to_a_location_first_shows_the_tasks_its_holidays_move_and_moves_them_once_confirmed()
    {
        var demo = await Demo.LoadAsync(app);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var title = $"Calibrate the scorecard ({GetType().Name})";
        var taskId = await TestPlans.AddTaskAsync(app, demo.EngagementId, title, Demo.TaLeadEmail);
        var officeMove = new DateOnly(2027, 1, 13);
        var locationId = await app.WithDbAsync(async db =>
        {
            var task = await db.PlanTasks.SingleAsync(t => t.Id == taskId);
            (task.Start, task.Due) = (officeMove, officeMove);
            var cork = new HiringLocation
            {
                EngagementId = demo.EngagementId,
                CountryCode = "IE",
                City = $"Cork {GetType().Name}",
                TimeZone = "Europe/Dublin",
                Language = "en",
                Holidays = [new LocationHoliday { Date = officeMove, Name = "Office move" }],
            };
            db.HiringLocations.Add(cork);
            await db.SaveChangesAsync();
            return cork.Id;
        });
        var path = $"{demo.Path}/locations/{locationId}/people";
        async Task<(DateOnly, DateOnly)> DatesAsync()
        {
            var dates = await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId).Select(t => new { t.Start, t.Due }).SingleAsync());
            return (dates.Start, dates.Due);
        }

        var preview = await Demo.PostAsync(leader, path, Members(demo.TaLead));

        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("What would move", html);
        Assert.Contains(title, html);
        Assert.Contains("2027-01-13 – 2027-01-13", html);
        Assert.Contains("2027-01-14 – 2027-01-14", html);
        Assert.Contains($"Moved to Thu 14 Jan 2027: 13 Jan is Office move in Cork {GetType().Name}, Ireland.", html);
        // The TA lead's own tasks on that day move too: every row is a task that moves, the header aside.
        var moves = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)].Split("<tr>").Length - 1;
        Assert.Empty(await LinkedAsync(locationId));
        Assert.Equal((officeMove, officeMove), await DatesAsync());

        var saved = await Demo.PostAsync(leader, path, Confirmed(Members(demo.TaLead)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Single(await LinkedAsync(locationId));
        Assert.Equal((new DateOnly(2027, 1, 14), new DateOnly(2027, 1, 14)), await DatesAsync());
        Assert.Contains((await Demo.ActivityAsync(app, demo.EngagementId)).Select(a => a.Description), d => d.StartsWith($"Cork {GetType().Name}", StringComparison.Ordinal) && d.EndsWith($"; {Words.Count(moves, "task")} moved", StringComparison.Ordinal));

        await Demo.PostAsync(leader, path, Confirmed(Members()));
        Assert.Equal(HttpStatusCode.Redirect, (await Demo.PostAsync(leader, $"{demo.Path}/locations/{locationId}/remove", new Dictionary<string, string>())).StatusCode);
    }

    [Fact]
    public async Task Others_read_the_locations_but_only_the_leader_changes_them()
    {
        var demo = await Demo.LoadAsync(app);
        var recruiter = await app.SignedInClientAsync(Demo.RecruiterEmail);

        var page = await recruiter.GetAsync($"{demo.Path}/locations");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Add a hiring location", await page.Content.ReadAsStringAsync());
        var post = await Demo.PostAsync(recruiter, $"{demo.Path}/locations", Location("PL", "Warsaw", "Europe/Warsaw", "pl"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task The_demo_hires_in_India_Poland_Mexico_and_Canada()
    {
        var demo = await Demo.LoadAsync(app);
        var recruiter = await app.SignedInClientAsync(Demo.RecruiterEmail);

        var page = WebUtility.HtmlDecode(await recruiter.GetStringAsync($"{demo.Path}/locations"));

        foreach (var place in new[] { "Bengaluru, Karnataka, India", "Wrocław, Lower Silesia, Poland", "Guadalajara, Jalisco, Mexico", "Toronto, Ontario, Canada" })
        {
            Assert.Contains($">{place}</h2>", page);
        }
        var locations = await app.WithDbAsync(db => db.HiringLocations.Include(l => l.Members).Where(l => l.EngagementId == demo.EngagementId).ToListAsync());
        var links = locations.SelectMany(l => l.Members.Select(m => $"{l.CountryCode} {m.Name}"));
        Assert.Equal(["CA Hana Kobayashi", "IN Riya Shah", "MX Hana Kobayashi", "PL Riya Shah"], links.Order());
    }

    private static void AddLocation(Dictionary<string, string> form, int row, string country, string region, string city, string zone, string week, string language)
    {
        form[$"Locations[{row}].Country"] = country;
        form[$"Locations[{row}].Region"] = region;
        form[$"Locations[{row}].City"] = city;
        form[$"Locations[{row}].TimeZone"] = zone;
        form[$"Locations[{row}].WorkingWeek"] = week;
        form[$"Locations[{row}].Language"] = language;
    }

    private static Dictionary<string, string> Location(string country, string city, string zone, string language) => new()
    {
        ["Country"] = country,
        ["City"] = city,
        ["TimeZone"] = zone,
        ["WorkingDays"] = "Monday",
        ["Language"] = language,
    };

    /// <summary>Form fields for the member checkboxes; a dictionary holds one value a key, so each id gets an index.</summary>
    private static Dictionary<string, string> Members(params int[] ids) =>
        ids.Select((id, i) => (id, i)).ToDictionary(x => $"memberIds[{x.i}]", x => $"{x.id}");

    private static Dictionary<string, string> Confirmed(Dictionary<string, string> form) => new(form) { ["confirmed"] = "true" };

    private Task<List<string>> LinkedAsync(int locationId) =>
        app.WithDbAsync(db => db.HiringLocations.Where(l => l.Id == locationId).SelectMany(l => l.Members).Select(m => m.Name).OrderBy(n => n).ToListAsync());
}

public sealed class PostgresLocationTests(OnboardingFactory app) : LocationTests(app), IClassFixture<OnboardingFactory>;

public sealed class SqliteLocationTests(SqliteApp sqlite) : LocationTests(sqlite.App), IClassFixture<SqliteApp>;
