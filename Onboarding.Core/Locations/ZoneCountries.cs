using Microsoft.Extensions.Logging;

namespace Onboarding.Core.Locations;

/// <summary>
/// Which countries use each IANA zone, from the system's tz database: <c>zone1970.tab</c> lists the countries that
/// share a zone (Europe/Berlin for Denmark too), <c>zone.tab</c> one zone per country with its older names
/// (Europe/Copenhagen), and <c>tzdata.zi</c>'s link lines map aliases such as Asia/Calcutta to the zone they name.
/// A location's zone must be one of its country's, or a Polish office would get India's working day.
/// </summary>
public sealed class ZoneCountries
{
    /// <summary>More zones than this in a message become "or another of Canada's 28".</summary>
    private const int Suggested = 3;

    private readonly Dictionary<string, HashSet<string>> countriesOfZone;
    private readonly Dictionary<string, string> links;
    private readonly Dictionary<string, List<string>> zonesOfCountry;

    private ZoneCountries(Dictionary<string, HashSet<string>> countriesOfZone, Dictionary<string, string> links, Dictionary<string, List<string>> zonesOfCountry)
    {
        this.countriesOfZone = countriesOfZone;
        this.links = links;
        this.zonesOfCountry = zonesOfCountry;
    }

    /// <summary>
    /// The tables in <paramref name="directory"/> (<c>/usr/share/zoneinfo</c>, or <c>TZDIR</c>). Without them every zone is
    /// accepted for every country, which is said once here rather than refusing every location.
    /// </summary>
    public static ZoneCountries Read(string directory, ILogger logger)
    {
        string? Text(string name) => File.Exists(Path.Combine(directory, name)) ? File.ReadAllText(Path.Combine(directory, name)) : null;
        var zone1970 = Text("zone1970.tab");
        var zoneTab = Text("zone.tab");
        var tzdata = Text("tzdata.zi");
        if ((zone1970 is null && zoneTab is null) || tzdata is null)
        {
            logger.LogWarning("No zone1970.tab, zone.tab or tzdata.zi in {Directory}: a location's time zone is not checked against its country.", directory);
            return Parse("", "", "");
        }
        return Parse(zone1970 ?? "", zoneTab ?? "", tzdata);
    }

    /// <summary>The tables of the running system: <c>TZDIR</c> when set (as .NET itself reads it), else <c>/usr/share/zoneinfo</c>.</summary>
    public static ZoneCountries ReadSystem(ILogger logger) =>
        Read(Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } dir ? dir : "/usr/share/zoneinfo", logger);

    /// <summary>Reads the three files' texts; any may be empty.</summary>
    public static ZoneCountries Parse(string zone1970, string zoneTab, string tzdata)
    {
        var countriesOfZone = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var zonesOfCountry = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // zone.tab first: a country's own zones (Europe/Copenhagen) lead its suggestions, before zones it shares (Europe/Berlin).
        foreach (var (codes, zone) in Rows(zoneTab).Concat(Rows(zone1970)))
        {
            foreach (var code in codes)
            {
                if (!countriesOfZone.TryGetValue(zone, out var countries))
                {
                    countriesOfZone[zone] = countries = [];
                }
                countries.Add(code);
                if (!zonesOfCountry.TryGetValue(code, out var zones))
                {
                    zonesOfCountry[code] = zones = [];
                }
                if (!zones.Contains(zone))
                {
                    zones.Add(zone);
                }
            }
        }
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in tzdata.Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["L", var target, var alias, ..])
            {
                links[alias] = target;
            }
        }
        return new ZoneCountries(countriesOfZone, links, zonesOfCountry);
    }

    private static IEnumerable<(string[] Codes, string Zone)> Rows(string table) =>
        table.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.TrimEnd('\r').Split('\t'))
            .Where(fields => fields.Length >= 3)
            .Select(fields => (fields[0].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), fields[2].Trim()));

    /// <summary>The country's zones, its own first; empty for a country the tables do not name.</summary>
    public IReadOnlyList<string> ZonesOf(string countryCode) => zonesOfCountry.GetValueOrDefault(countryCode) ?? [];

    /// <summary>
    /// Whether <paramref name="zone"/> (or the zone an alias of it names) is used in the country; true when the tables are
    /// absent or name no zone for the country (an uninhabited territory), as there is nothing to check against.
    /// </summary>
    public bool IsZoneOf(string zone, string countryCode)
    {
        if (!zonesOfCountry.ContainsKey(countryCode))
        {
            return true;
        }
        // Links may name links; the bound only guards against a table that loops.
        for (var hops = 0; hops < 8; hops++)
        {
            if (countriesOfZone.TryGetValue(zone, out var countries) && countries.Contains(countryCode))
            {
                return true;
            }
            if (!links.TryGetValue(zone, out var target))
            {
                return false;
            }
            zone = target;
        }
        return false;
    }

    /// <summary>Null when the zone is the country's; otherwise the message, with the zones to use instead.</summary>
    public string? Problem(string zone, string countryCode, string where)
    {
        if (IsZoneOf(zone, countryCode))
        {
            return null;
        }
        var country = Countries.NameOf(countryCode);
        var zones = ZonesOf(countryCode);
        var instead = zones.Count switch
        {
            1 => zones[0],
            <= Suggested => $"one of {string.Join(", ", zones.SkipLast(1))} or {zones[^1]}",
            _ => $"one of {string.Join(", ", zones.Take(Suggested))} or another of {country}'s {zones.Count}",
        };
        return $"{where}: {zone} is not a time zone of {country}; use {instead}.";
    }
}
