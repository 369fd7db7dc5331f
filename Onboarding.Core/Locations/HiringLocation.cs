using Onboarding.Core.Engagements;

namespace Onboarding.Core.Locations;

/// <summary>
/// A place where the client hires or its people work: a country (ISO 3166-1 alpha-2), optionally a region and
/// city, with its own zone, working week and language. Members are linked to the locations they hire in or
/// work from.
/// </summary>
public sealed class HiringLocation
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public Engagement? Engagement { get; set; }

    /// <summary>ISO 3166-1 alpha-2, upper case, e.g. "PL" (see <see cref="Countries"/>).</summary>
    public required string CountryCode { get; set; }
    public string Region { get; set; } = "";
    public string City { get; set; } = "";

    /// <summary>IANA zone of the location's working day.</summary>
    public required string TimeZone { get; set; }
    public WorkingDays WorkingDays { get; set; } = WorkingDays.MondayToFriday;

    /// <summary>BCP 47 language tag as .NET names the culture, e.g. "pl" or "hi-IN" (see <see cref="Languages"/>).</summary>
    public required string Language { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Member> Members { get; set; } = [];

    /// <summary>Days off here, pre-filled for the plan's years (<see cref="Holidays.HolidayCatalog"/>) and kept by the leader.</summary>
    public List<Holidays.LocationHoliday> Holidays { get; set; } = [];

    /// <summary>Who changed <see cref="Holidays"/>, when, and what.</summary>
    public List<Holidays.HolidayChange> HolidayChanges { get; set; } = [];

    /// <summary>"Kraków, Lesser Poland, Poland": the most precise part first, as people say a place.</summary>
    public string DisplayName => NameOf(City, Region, CountryCode);

    /// <summary><see cref="DisplayName"/> from the parts, for a query that reads only them.</summary>
    public static string NameOf(string city, string region, string countryCode) =>
        string.Join(", ", new[] { city, region, Countries.NameOf(countryCode) }.Where(p => p.Length > 0));

    /// <summary>
    /// Null when the location may be removed; otherwise why not, naming who is still linked to it (load
    /// <see cref="Members"/> first). Unlinking them is the leader's deliberate step, never a side effect.
    /// </summary>
    public string? RemovalRefusal() => Members.Count == 0
        ? null
        : $"{DisplayName} cannot be removed while {Text.Words.List(Members.Select(m => m.Name).Order(StringComparer.CurrentCulture))} {(Members.Count == 1 ? "is" : "are")} linked to it: unlink {(Members.Count == 1 ? "them" : "each of them")} first.";
}
