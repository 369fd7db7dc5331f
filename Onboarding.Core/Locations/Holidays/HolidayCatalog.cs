using System.Text.Json;
using PublicHoliday;

namespace Onboarding.Core.Locations.Holidays;

/// <summary>A day off in a location's calendar and what it is called.</summary>
public sealed record PublicHolidayDate(DateOnly Date, string Name);

/// <summary>A year whose list is known to lack days, and why; said wherever the list is shown rather than left for a missed holiday to reveal.</summary>
public sealed record HolidayGap(string CountryCode, int Year, string Reason)
{
    /// <summary>"India 2027: only fixed-date holidays are listed until …".</summary>
    public override string ToString() => $"{Countries.NameOf(CountryCode)} {Year}: {Reason}";
}

/// <summary>
/// The public holidays a new location starts with: the PublicHoliday package where it covers the country (by
/// Canadian province when the region names one), corrected by the reviewed <c>holidays.json</c> beside this file,
/// which also holds the countries the package lacks (India). The leader edits a location's list afterwards.
/// </summary>
public static class HolidayCatalog
{
    private sealed record Entry(string Country, string Region, string Source, IReadOnlyList<PublicHolidayDate> Add, IReadOnlySet<DateOnly> Remove, IReadOnlyList<FileGap> Incomplete);

    private static readonly IReadOnlyList<Entry> Entries = Load();

    private static readonly Dictionary<string, string> CanadianProvinces = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Alberta"] = "AB",
        ["British Columbia"] = "BC",
        ["Manitoba"] = "MB",
        ["New Brunswick"] = "NB",
        ["Newfoundland and Labrador"] = "NL",
        ["Nova Scotia"] = "NS",
        ["Ontario"] = "ON",
        ["Prince Edward Island"] = "PE",
        ["Quebec"] = "QC",
        ["Québec"] = "QC",
        ["Saskatchewan"] = "SK",
        ["Northwest Territories"] = "NT",
        ["Nunavut"] = "NU",
        ["Yukon"] = "YT",
    };

    /// <summary>The days off of <paramref name="years"/>, by date; empty for a country neither source knows.</summary>
    public static IReadOnlyList<PublicHolidayDate> For(string countryCode, string region, IEnumerable<int> years)
    {
        var province = countryCode == "CA" ? Province(region) : null;
        var calendar = Calendar(countryCode, province);
        var corrections = Entries.Where(e => e.Country == countryCode && e.Region == (province ?? "")).ToList();
        var days = new List<PublicHolidayDate>();
        foreach (var year in years.Distinct())
        {
            foreach (var holiday in calendar?.PublicHolidaysInformation(year).Where(h => h.IsPublic) ?? [])
            {
                var observed = DateOnly.FromDateTime(holiday.ObservedDate);
                days.Add(new(observed, observed == DateOnly.FromDateTime(holiday.HolidayDate) ? holiday.EnglishName : $"{holiday.EnglishName} (observed)"));
            }
            foreach (var entry in corrections)
            {
                days.RemoveAll(d => entry.Remove.Contains(d.Date));
                days.AddRange(entry.Add.Where(d => d.Date.Year == year));
            }
        }
        return days.DistinctBy(d => d.Date).OrderBy(d => d.Date).ToList();
    }

    /// <summary>The years a plan's calendars hold: the kickoff's and the next, as a 90-day plan and its follow-up reach.</summary>
    public static IReadOnlyList<int> PlanYears(DateOnly kickoff) => [kickoff.Year, kickoff.Year + 1];

    /// <summary>Gives a new location its holidays for the plan's years.</summary>
    public static void Prefill(HiringLocation location, DateOnly kickoff) =>
        location.Holidays = For(location.CountryCode, location.Region, PlanYears(kickoff))
            .Select(h => new LocationHoliday { Date = h.Date, Name = h.Name })
            .ToList();

    /// <summary>Where the reviewed corrections or data for the country come from, if the file has any.</summary>
    public static IReadOnlyList<string> Sources(string countryCode, string region)
    {
        var province = countryCode == "CA" ? Province(region) : null;
        return Entries.Where(e => e.Country == countryCode && e.Region == (province ?? "")).Select(e => e.Source).ToList();
    }

    /// <summary>The years of <paramref name="years"/> whose list the reviewed file says is incomplete for the country.</summary>
    public static IReadOnlyList<HolidayGap> Gaps(string countryCode, string region, IEnumerable<int> years)
    {
        var province = countryCode == "CA" ? Province(region) : null;
        var wanted = years.ToHashSet();
        return Entries.Where(e => e.Country == countryCode && e.Region == (province ?? ""))
            .SelectMany(e => e.Incomplete)
            .Where(g => wanted.Contains(g.Year))
            .OrderBy(g => g.Year)
            .Select(g => new HolidayGap(countryCode, g.Year, g.Reason))
            .ToList();
    }

    /// <summary>The province code when the region names one ("Ontario" or "ON"), else null: the federal calendar.</summary>
    private static string? Province(string region)
    {
        var trimmed = region.Trim();
        if (CanadianProvinces.TryGetValue(trimmed, out var code))
        {
            return code;
        }
        return CanadianProvinces.Values.FirstOrDefault(c => c.Equals(trimmed, StringComparison.OrdinalIgnoreCase));
    }

    private static IPublicHolidays? Calendar(string countryCode, string? province)
    {
        if (province is not null)
        {
            return new CanadaPublicHoliday(province);
        }
        try
        {
            return PublicHolidayFactory.GetPublicHolidayForCountry(countryCode);
        }
        catch (ArgumentOutOfRangeException)
        {
            // The package's way of saying it does not cover the country.
            return null;
        }
    }

    private sealed record FileEntry(string Country, string Region, string Source, List<FileDay> Add, List<DateOnly> Remove, List<FileGap>? Incomplete);

    private sealed record FileGap(int Year, string Reason);

    private sealed record FileDay(DateOnly Date, string Name);

    private sealed record FileRoot(List<FileEntry> Entries);

    private static IReadOnlyList<Entry> Load()
    {
        using var stream = typeof(HolidayCatalog).Assembly.GetManifestResourceStream("Onboarding.Core.Locations.Holidays.holidays.json")
            ?? throw new InvalidOperationException("The holidays.json resource is missing from Onboarding.Core.");
        var root = JsonSerializer.Deserialize<FileRoot>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("holidays.json is empty.");
        return root.Entries.Select(e => new Entry(e.Country, e.Region, e.Source, e.Add.Select(d => new PublicHolidayDate(d.Date, d.Name)).ToList(), e.Remove.ToHashSet(), e.Incomplete ?? [])).ToList();
    }
}
