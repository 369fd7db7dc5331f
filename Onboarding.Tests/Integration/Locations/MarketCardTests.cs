using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Locations;
using Onboarding.Tests.Integration.Assignments;
using Onboarding.Tests.Support;
using Onboarding.Tests.Unit.Documents;
using UglyToad.PdfPig;

namespace Onboarding.Tests.Integration.Locations;

/// <summary>Market cards: kept by the leader and recruiters, read by everyone, linked from market tasks, printed in the packs, flagged when stale.</summary>
public abstract class MarketCardTests(OnboardingFactory app)
{
    [Fact]
    public async Task The_demo_cards_are_read_by_a_client_stakeholder_and_say_their_figures_are_indicative()
    {
        var demo = await Demo.LoadAsync(app);
        var sponsor = await app.SignedInClientAsync(Demo.SponsorEmail);
        var bengaluru = await LocationIdAsync(demo, "Bengaluru");

        var response = await sponsor.GetAsync($"{demo.Path}/locations/{bengaluru}/market");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var locations = WebUtility.HtmlDecode(await sponsor.GetStringAsync($"{demo.Path}/locations"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Market card: Bengaluru, Karnataka, India", page);
        Assert.Contains("1,800,000–3,500,000 INR per year", page);
        Assert.Contains("Digital Personal Data Protection Act, 2023", page);
        Assert.Contains("indicative", page);
        Assert.DoesNotContain("/market/edit", page);
        Assert.Contains($"/locations/{bengaluru}/market\">Market card", locations);
    }

    [Fact]
    public async Task A_recruiter_saves_a_card_which_records_them_as_its_reviewer_and_client_stakeholders_may_not_edit()
    {
        var demo = await Demo.LoadAsync(app);
        var wroclaw = await LocationIdAsync(demo, "Wrocław");
        var path = $"{demo.Path}/locations/{wroclaw}/market";
        var recruiter = await app.SignedInClientAsync(Demo.RecruiterEmail);
        var card = await app.WithDbAsync(db => db.MarketCards.AsNoTracking().SingleAsync(c => c.LocationId == wroclaw));
        var form = Form(card.Version);
        form["SalaryRanges[0].RoleFamily"] = "Data engineering";
        form["SalaryRanges[0].Min"] = "15,000";
        form["SalaryRanges[0].Max"] = "24000";
        form["SalaryRanges[0].Currency"] = "pln";
        form["SalaryRanges[0].Period"] = "Month";
        form["SalaryRanges[0].Source"] = "Client pay bands 2026";
        form["SalaryRanges[0].AsOf"] = "2026-10-01";
        form["NoticePeriods[0].Tenure"] = "3 years or more";
        form["NoticePeriods[0].Notice"] = "3 months";
        form["PayTransparency"] = "Ranges go in every ad from **June 2026**.";

        var saved = await PostAsync(recruiter, path, form);
        var hiringManager = await app.SignedInClientAsync(Demo.HiringManagerEmail);
        var refused = await PostAsync(hiringManager, path, Form(card.Version + 1), tokenFrom: $"{demo.Path}/locations");
        var editPage = await hiringManager.GetAsync($"{path}/edit");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await app.WithDbAsync(db => db.MarketCards.AsNoTracking().SingleAsync(c => c.LocationId == wroclaw));
        Assert.Equal([new SalaryRange("Data engineering", 15000, 24000, "PLN", PayPeriod.Month, "Client pay bands 2026", new DateOnly(2026, 10, 1))], after.SalaryRanges);
        Assert.Equal([new NoticePeriod("3 years or more", "3 months")], after.NoticePeriods);
        Assert.Equal(("Riya Shah", app.Clock.GetUtcNow(), card.Version + 1), (after.ChangedBy, after.ChangedAt, after.Version));
        Assert.Contains("<strong>June 2026</strong>", await recruiter.GetStringAsync(path));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editPage.StatusCode);
    }

    [Fact]
    public async Task Bad_rows_and_texts_are_each_named_by_row_and_field_nothing_typed_is_lost_and_nothing_is_saved()
    {
        var demo = await Demo.LoadAsync(app);
        var guadalajara = await LocationIdAsync(demo, "Guadalajara");
        var path = $"{demo.Path}/locations/{guadalajara}/market";
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var before = await app.WithDbAsync(db => db.MarketCards.AsNoTracking().SingleAsync(c => c.LocationId == guadalajara));
        var form = Form(before.Version);
        Salary(form, 0, "Software engineering", "90000", "45000", "MXN", "Month", "Survey", "2026-09-01");
        Salary(form, 1, "Sales", "-5", "40000", "PESOS", "Month", "Survey", "2026-02-30");
        Salary(form, 2, "", "100", "200", "MXN", "Fortnight", "Survey", "2099-01-01");
        Salary(form, 3, "", "", "", "", "Year", "", ""); // a spare row left blank, as the form posts it: skipped
        Salary(form, 4, "Design", "abc", "", "MXN", "Year", new string('s', 250), "");
        form["NoticePeriods[0].Tenure"] = "All employees";
        form["Notes"] = new string('>', 60) + " deep";
        form["HiringSteps"] = new string('x', 4001);

        var response = await PostAsync(leader, path, form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Salary range, row 1: the minimum (90,000) is above the maximum (45,000)", html);
        Assert.Contains("Salary range, row 2: the minimum is negative (-5)", html);
        Assert.Contains("Salary range, row 2: 'PESOS' is not the ISO 4217 code of a currency in use", html);
        Assert.Contains("Salary range, row 2: '2026-02-30' is not a date", html);
        Assert.Contains("Salary range, row 3: the role family is empty", html);
        Assert.Contains("Salary range, row 3: choose whether the range is per year, month or hour", html);
        Assert.Contains("Salary range, row 3: the figures cannot be as of 2099-01-01", html);
        Assert.Contains("Salary range, row 5: the minimum: 'abc' is not an amount", html);
        Assert.Contains("Salary range, row 5: the maximum is empty", html);
        Assert.Contains("Salary range, row 5: the source is 250 characters long", html);
        Assert.Contains("Salary range, row 5: enter the date the figures are as of", html);
        Assert.DoesNotContain("Salary range, row 4:", html);
        Assert.Contains("Notice period, row 1: the notice is empty", html);
        Assert.Contains("Notes: Nested 60 levels deep", html);
        Assert.Contains("Hiring steps and levels: It is 4,001 characters long", html);
        Assert.Contains("value=\"PESOS\"", html);
        Assert.Contains("value=\"2026-02-30\"", html);
        Assert.Contains("value=\"Design\"", html);
        Assert.Empty(app.ServerErrors);
        var after = await app.WithDbAsync(db => db.MarketCards.AsNoTracking().SingleAsync(c => c.LocationId == guadalajara));
        Assert.Equal((before.Version, before.ChangedAt), (after.Version, after.ChangedAt));
        Assert.Equal(before.SalaryRanges, after.SalaryRanges);
    }

    [Fact]
    public async Task Saving_a_card_someone_changed_since_the_form_opened_is_refused_names_them_and_keeps_the_typing()
    {
        var demo = await Demo.LoadAsync(app);
        var guadalajara = await LocationIdAsync(demo, "Guadalajara");
        var path = $"{demo.Path}/locations/{guadalajara}/market";
        var (leader, recruiter) = (await app.SignedInClientAsync(Demo.LeaderEmail), await app.SignedInClientAsync(Demo.RecruiterEmail));
        var opened = Regex.Match(await leader.GetStringAsync($"{path}/edit"), "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var first = Form(int.Parse(opened, System.Globalization.CultureInfo.InvariantCulture));
        first["Notes"] = "Riya's note";
        var second = Form(int.Parse(opened, System.Globalization.CultureInfo.InvariantCulture));
        second["Notes"] = "Alex's note";

        var won = await PostAsync(recruiter, path, first);
        var stale = await PostAsync(leader, path, second);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Riya Shah changed the market card of Guadalajara, Jalisco, Mexico", html);
        Assert.Contains("Alex's note", html);
        Assert.Equal("Riya's note", await app.WithDbAsync(db => db.MarketCards.Where(c => c.LocationId == guadalajara).Select(c => c.Notes).SingleAsync()));
    }

    [Fact]
    public async Task A_recruiters_market_task_links_to_the_cards_of_their_locations_on_its_page_and_in_their_plan()
    {
        var demo = await Demo.LoadAsync(app);
        var recruiter = await app.SignedInClientAsync(Demo.RecruiterEmail);
        var task = await app.WithDbAsync(db => db.PlanTasks.SingleAsync(t => t.OwnerId == demo.Recruiter && t.Key.Contains("/market-salaries")));
        var other = await app.WithDbAsync(db => db.PlanTasks.FirstAsync(t => t.OwnerId == demo.Recruiter && !t.Key.Contains("/market-")));
        var (bengaluru, wroclaw, toronto) = (await LocationIdAsync(demo, "Bengaluru"), await LocationIdAsync(demo, "Wrocław"), await LocationIdAsync(demo, "Toronto"));

        var page = WebUtility.HtmlDecode(await recruiter.GetStringAsync($"{demo.Path}/tasks/{task.Id}"));
        var plain = await recruiter.GetStringAsync($"{demo.Path}/tasks/{other.Id}");
        var plan = WebUtility.HtmlDecode(await recruiter.GetStringAsync("/my/onboarding"));

        Assert.Contains($"href=\"{demo.Path}/locations/{bengaluru}/market\">Market card: Bengaluru, Karnataka, India</a>", page);
        Assert.Contains($"href=\"{demo.Path}/locations/{wroclaw}/market\">Market card: Wrocław, Lower Silesia, Poland</a>", page);
        Assert.DoesNotContain($"/locations/{toronto}/market", page);
        Assert.DoesNotContain("/market\"", plain);
        Assert.Contains($"For “{task.Title}”, start from:", plan);
        Assert.Contains($"href=\"{demo.Path}/locations/{wroclaw}/market\">Market card: Wrocław, Lower Silesia, Poland</a>", plan);
    }

    [Fact]
    public async Task The_pack_and_the_recruiters_own_plan_print_the_cards_under_tagged_headings()
    {
        var demo = await Demo.LoadAsync(app);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var recruiter = await app.SignedInClientAsync(Demo.RecruiterEmail);

        using var pack = PdfDocument.Open(await leader.GetByteArrayAsync($"{demo.Path}/pack.pdf"));
        using var mine = PdfDocument.Open(await recruiter.GetByteArrayAsync($"{demo.Path}/pack/mine.pdf"));

        var packText = TextOf(pack);
        Assert.Contains("Market card: Toronto, Ontario, Canada", packText);
        Assert.Contains("95,000–145,000 CAD per", packText);
        Assert.Contains("PIPEDA", packText);
        var structure = new PdfStructure(pack);
        var headings = structure.Root!.DescendantsAndSelf().Where(e => e.Role is "H1" or "H2" or "H3").Select(h => (h.Role, Text: Squeeze(h.Text(structure)))).ToList();
        Assert.Contains(("H1", Squeeze("Market cards")), headings);
        Assert.Contains(("H2", Squeeze("Market card: Wrocław, Lower Silesia, Poland")), headings);
        Assert.Contains(("H3", Squeeze("Pay transparency in job ads")), headings);
        Assert.Contains(structure.Root.DescendantsAndSelf(), e => e.Role == "TH" && Squeeze(e.Text(structure)) == "Rolefamily");

        var print = WebUtility.HtmlDecode(await leader.GetStringAsync($"{demo.Path}/pack"));
        Assert.Matches("<h3[^>]*>Market card: Bengaluru, Karnataka, India</h3>", print);
        Assert.Contains("1,800,000–3,500,000 INR per year", print);

        var mineText = TextOf(mine);
        Assert.Contains("Market card: Bengaluru, Karnataka, India", mineText);
        Assert.Contains("Market card: Wrocław, Lower Silesia, Poland", mineText);
        Assert.DoesNotContain("Market card: Toronto", mineText);
        var own = new PdfStructure(mine);
        Assert.Contains(own.Root!.DescendantsAndSelf(), e => e.Role == "H2" && Squeeze(e.Text(own)) == Squeeze("Market card: Bengaluru, Karnataka, India"));
    }

    [Fact]
    public async Task The_leaders_digest_flags_cards_unreviewed_for_longer_than_the_set_age_with_a_link()
    {
        var demo = await Demo.LoadAsync(app);
        var leader = await app.SignedInClientAsync(Demo.LeaderEmail);
        var bengaluru = await LocationIdAsync(demo, "Bengaluru");
        var toronto = await LocationIdAsync(demo, "Toronto");
        var now = app.Clock.GetUtcNow();
        var preview = $"{demo.Path}/digests/preview?member={demo.Leader}&date={Zoned(now)}";
        var recruiterPreview = $"{demo.Path}/digests/preview?member={demo.Recruiter}&date={Zoned(now)}";

        await SetReviewedAsync(bengaluru, now - TimeSpan.FromDays(179));
        var fresh = WebUtility.HtmlDecode(await leader.GetStringAsync(preview));
        await SetReviewedAsync(bengaluru, now - TimeSpan.FromDays(181));
        var stale = WebUtility.HtmlDecode(await leader.GetStringAsync(preview));
        var forRecruiter = WebUtility.HtmlDecode(await leader.GetStringAsync(recruiterPreview));

        Assert.Contains("Market cards to review", fresh);
        Assert.DoesNotContain("Market card: Bengaluru", fresh);
        Assert.Matches("Market card: Bengaluru, Karnataka, India, last reviewed 18[01] days ago by Alex Morgan", stale);
        Assert.Contains($"{OnboardingFactory.BaseUrl}{demo.Path}/locations/{bengaluru}/market", stale);
        Assert.Contains($"{demo.Path}/locations/{toronto}/market", stale);
        Assert.DoesNotContain("Market cards to review", forRecruiter);
    }

    private static string Zoned(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> SetReviewedAsync(int locationId, DateTimeOffset at) =>
        app.WithDbAsync(db => db.MarketCards.Where(c => c.LocationId == locationId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ChangedAt, at).SetProperty(c => c.ChangedBy, "Alex Morgan")));

    private Task<int> LocationIdAsync(Demo demo, string city) =>
        app.WithDbAsync(db => db.HiringLocations.Where(l => l.EngagementId == demo.EngagementId && l.City == city).Select(l => l.Id).SingleAsync());

    private static Dictionary<string, string> Form(int version) => new() { ["Version"] = $"{version}" };

    private static void Salary(Dictionary<string, string> form, int row, string family, string min, string max, string currency, string period, string source, string asOf)
    {
        form[$"SalaryRanges[{row}].RoleFamily"] = family;
        form[$"SalaryRanges[{row}].Min"] = min;
        form[$"SalaryRanges[{row}].Max"] = max;
        form[$"SalaryRanges[{row}].Currency"] = currency;
        form[$"SalaryRanges[{row}].Period"] = period;
        form[$"SalaryRanges[{row}].Source"] = source;
        form[$"SalaryRanges[{row}].AsOf"] = asOf;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> form, string? tokenFrom = null)
    {
        form["__RequestVerificationToken"] = await OnboardingFactory.AntiforgeryTokenAsync(client, tokenFrom ?? $"{path}/edit");
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    private static string TextOf(PdfDocument pdf) => string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

public sealed class PostgresMarketCardTests(OnboardingFactory app) : MarketCardTests(app), IClassFixture<OnboardingFactory>;

public sealed class SqliteMarketCardTests(SqliteApp sqlite) : MarketCardTests(sqlite.App), IClassFixture<SqliteApp>;
