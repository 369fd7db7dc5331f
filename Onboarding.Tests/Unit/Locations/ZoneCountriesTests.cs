using Microsoft.Extensions.Logging.Testing;
using Onboarding.Core.Locations;

namespace Onboarding.Tests.Unit.Locations;

public class ZoneCountriesTests
{
    // The shapes of the real files: zone1970.tab shares a zone between countries, zone.tab keeps one per country.
    private const string Zone1970 = "# comment\nIN\t+2232+08822\tAsia/Kolkata\nPL\t+5215+02100\tEurope/Warsaw\nDE,DK,NO,SE,SJ\t+5230+01322\tEurope/Berlin\tmost of Germany\n";
    private const string ZoneTab = "# comment\nDK\t+5540+01235\tEurope/Copenhagen\nIN\t+2232+08822\tAsia/Kolkata\nPL\t+5215+02100\tEurope/Warsaw\n";
    private const string TzData = "# version\nZ Asia/Kolkata 5:53:28 - LMT 1854 Jun 28\nL Asia/Kolkata Asia/Calcutta\nL Europe/Warsaw Poland\nL Poland Old/Poland\n";

    private static readonly ZoneCountries Tables = ZoneCountries.Parse(Zone1970, ZoneTab, TzData);

    [Theory]
    [InlineData("Asia/Kolkata", "IN", true)]
    [InlineData("Asia/Calcutta", "IN", true)]
    [InlineData("Europe/Berlin", "DK", true)]
    [InlineData("Europe/Copenhagen", "DK", true)]
    [InlineData("Poland", "PL", true)]
    [InlineData("Old/Poland", "PL", true)]
    [InlineData("Asia/Kolkata", "PL", false)]
    [InlineData("Asia/Calcutta", "PL", false)]
    [InlineData("Europe/Copenhagen", "DE", false)]
    [InlineData("UTC", "PL", false)]
    public void A_zone_belongs_to_the_countries_the_tables_name_for_it_or_for_the_zone_its_alias_names(string zone, string country, bool belongs) =>
        Assert.Equal(belongs, Tables.IsZoneOf(zone, country));

    [Fact]
    public void A_country_s_own_zones_come_first()
    {
        Assert.Equal(["Europe/Copenhagen", "Europe/Berlin"], Tables.ZonesOf("DK"));
        Assert.Empty(Tables.ZonesOf("FR"));
    }

    [Fact]
    public void The_message_names_the_zone_the_country_and_the_zones_to_use_and_a_country_the_tables_do_not_name_is_not_judged()
    {
        Assert.Equal("Location 2: Asia/Kolkata is not a time zone of Poland; use Europe/Warsaw.", Tables.Problem("Asia/Kolkata", "PL", "Location 2"));
        Assert.Equal("The new location: Asia/Kolkata is not a time zone of Denmark; use one of Europe/Copenhagen or Europe/Berlin.",
            Tables.Problem("Asia/Kolkata", "DK", "The new location"));
        Assert.Null(Tables.Problem("Asia/Kolkata", "FR", "Location 1"));
        Assert.Null(Tables.Problem("Asia/Calcutta", "IN", "Location 1"));
    }

    [Fact]
    public void The_system_tables_know_the_four_seed_countries_and_suggest_a_few_of_a_large_country_s_zones()
    {
        var system = ZoneCountries.ReadSystem(new FakeLogger());

        Assert.True(system.IsZoneOf("Asia/Calcutta", "IN"));
        Assert.True(system.IsZoneOf("Europe/Warsaw", "PL"));
        Assert.True(system.IsZoneOf("America/Mexico_City", "MX"));
        Assert.True(system.IsZoneOf("America/Toronto", "CA"));
        Assert.Equal("Location 2: Asia/Kolkata is not a time zone of Poland; use Europe/Warsaw.", system.Problem("Asia/Kolkata", "PL", "Location 2"));
        var canada = system.ZonesOf("CA");
        Assert.True(canada.Count > 3);
        Assert.Equal(
            $"Location 1: Europe/Warsaw is not a time zone of Canada; use one of {string.Join(", ", canada.Take(3))} or another of Canada's {canada.Count}.",
            system.Problem("Europe/Warsaw", "CA", "Location 1"));
    }

    [Fact]
    public void Without_the_tables_no_zone_is_refused_and_that_is_logged_once()
    {
        var empty = Directory.CreateTempSubdirectory();
        var logger = new FakeLogger();
        try
        {
            var tables = ZoneCountries.Read(empty.FullName, logger);

            Assert.Null(tables.Problem("Asia/Kolkata", "PL", "Location 1"));
            Assert.Null(tables.Problem("Asia/Kolkata", "PL", "Location 2"));
            var entry = Assert.Single(logger.Collector.GetSnapshot());
            Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, entry.Level);
            Assert.Contains(empty.FullName, entry.Message);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
