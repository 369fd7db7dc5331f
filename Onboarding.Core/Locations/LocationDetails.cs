using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Time;

namespace Onboarding.Core.Locations;

/// <summary>A location as typed on a form, before it is checked.</summary>
public sealed record LocationInput(string? Country, string? Region, string? City, string? TimeZone, WorkingDays WorkingDays, string? Language);

/// <summary>A checked location: a real country, zone and language, a working week with a day in it.</summary>
public sealed record LocationDetails(string CountryCode, string Region, string City, string TimeZone, WorkingDays WorkingDays, string Language)
{
    /// <summary>One field's problem, named by the input's property so each form can put it beside its field.</summary>
    public sealed record Problem(string Field, string Message);

    /// <summary>The launch form and the Locations page both read locations here, so one rule says what a location is.</summary>
    /// <param name="zones">Which zones each country uses: a zone must be one of its country's.</param>
    public static LocationDetails? TryRead(LocationInput input, string where, ZoneCountries zones, List<Problem> problems)
    {
        var before = problems.Count;
        var country = Countries.Normalise(input.Country);
        if (string.IsNullOrWhiteSpace(input.Country))
        {
            problems.Add(new(nameof(input.Country), $"{where}: choose the country."));
        }
        else if (country is null)
        {
            problems.Add(new(nameof(input.Country), $"{where}: '{TextLimits.Fit(input.Country.Trim(), 40)}' is not an ISO 3166 country code; use two letters such as PL, IN, MX or CA."));
        }
        var region = input.Region?.Trim() ?? "";
        var city = input.City?.Trim() ?? "";
        if (region.Length > TextLimits.Name) { problems.Add(new(nameof(input.Region), TextLimits.TooLong($"{where}: the region", region.Length, TextLimits.Name))); }
        if (city.Length > TextLimits.Name) { problems.Add(new(nameof(input.City), TextLimits.TooLong($"{where}: the city", city.Length, TextLimits.Name))); }
        var zone = input.TimeZone?.Trim() ?? "";
        if (!Zones.IsKnown(zone))
        {
            problems.Add(new(nameof(input.TimeZone), zone.Length == 0
                ? $"{where}: enter the time zone, e.g. Europe/Warsaw."
                : $"{where}: '{TextLimits.Fit(zone, 80)}' is not a known IANA time zone; use a name like Europe/Warsaw or Asia/Kolkata."));
        }
        else if (country is not null && zones.Problem(zone, country, where) is { } notTheCountrys)
        {
            problems.Add(new(nameof(input.TimeZone), notTheCountrys));
        }
        if (input.WorkingDays == WorkingDays.None || ((int)input.WorkingDays & ~0x7F) != 0)
        {
            problems.Add(new(nameof(input.WorkingDays), $"{where}: tick at least one working day, from Monday to Sunday."));
        }
        var language = Languages.Normalise(input.Language);
        if (string.IsNullOrWhiteSpace(input.Language))
        {
            problems.Add(new(nameof(input.Language), $"{where}: enter the working language, e.g. pl, hi or es-MX."));
        }
        else if (language is null)
        {
            problems.Add(new(nameof(input.Language), $"{where}: '{TextLimits.Fit(input.Language.Trim(), 40)}' is not a language tag known here; use one like pl, hi, es-MX or fr-CA."));
        }
        return problems.Count > before ? null : new LocationDetails(country!, region, city, zone, input.WorkingDays, language!);
    }

    public HiringLocation ToLocation(DateTimeOffset now) => new()
    {
        CountryCode = CountryCode,
        Region = Region,
        City = City,
        TimeZone = TimeZone,
        WorkingDays = WorkingDays,
        Language = Language,
        CreatedAt = now,
    };
}
