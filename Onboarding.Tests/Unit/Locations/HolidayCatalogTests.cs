using Onboarding.Core.Locations.Holidays;

namespace Onboarding.Tests.Unit.Locations;

/// <summary>
/// The four seed countries' days off, written here from the official sources (not from the PublicHoliday package):
/// Poland's ustawa o dniach wolnych od pracy (with 24 December since 2025), Mexico's Ley Federal del Trabajo art. 74,
/// Canada's Labour Code s. 166 and s. 195 (federal) and Ontario's Employment Standards Act, and India's gazetted
/// holidays for central government offices (DoPT).
/// </summary>
public class HolidayCatalogTests
{
    private static string[] Days(string country, string region, int year) =>
        HolidayCatalog.For(country, region, [year]).Select(h => h.Date.ToString("MM-dd")).ToArray();

    [Fact]
    public void Poland_2027_has_its_fourteen_statutory_days_off_including_Christmas_Eve()
    {
        Assert.Equal(
            ["01-01", "01-06", "03-28", "03-29", "05-01", "05-03", "05-16", "05-27", "08-15", "11-01", "11-11", "12-24", "12-25", "12-26"],
            Days("PL", "Lower Silesia", 2027));
    }

    [Fact]
    public void Mexico_2027_has_the_mandatory_rest_days_of_article_74_and_the_federal_election()
    {
        // First Monday of February, third Monday of March, third Monday of November; election on the first Sunday of June.
        Assert.Equal(["01-01", "02-01", "03-15", "05-01", "06-06", "09-16", "11-15", "12-25"], Days("MX", "Jalisco", 2027));
    }

    [Fact]
    public void Canada_2027_federal_has_the_ten_general_holidays_without_Easter_Monday_or_the_Civic_Holiday()
    {
        // Christmas falls on Saturday and Boxing Day on Sunday: the next working days, Monday 27 and Tuesday 28 December.
        var days = HolidayCatalog.For("CA", "", [2027]);
        Assert.Equal(["01-01", "03-26", "05-24", "07-01", "09-06", "09-30", "10-11", "11-11", "12-27", "12-28"], days.Select(h => h.Date.ToString("MM-dd")));
        Assert.DoesNotContain(days, h => h.Name.Contains("Civic", StringComparison.Ordinal) || h.Name.Contains("Easter Monday", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Ontario")]
    [InlineData("ON")]
    public void Ontario_2027_has_its_nine_public_holidays(string region)
    {
        Assert.Equal(["01-01", "02-15", "03-26", "05-24", "07-01", "09-06", "10-11", "12-27", "12-28"], Days("CA", region, 2027));
    }

    [Fact]
    public void India_2026_has_the_seventeen_gazetted_holidays_of_central_government_offices()
    {
        Assert.Equal(
            ["01-26", "03-04", "03-21", "03-26", "03-31", "04-03", "05-01", "05-27", "06-26", "08-15", "08-26", "09-04", "10-02", "10-20", "11-08", "11-24", "12-25"],
            Days("IN", "Karnataka", 2026));
    }

    [Fact]
    public void India_2027_has_the_gazetted_holidays_on_fixed_dates()
    {
        // The lunar-calendar holidays of 2027 wait for DoPT's list (see holidays.json).
        Assert.Equal(["01-26", "03-26", "08-15", "10-02", "12-25"], Days("IN", "", 2027));
    }

    [Fact]
    public void A_country_neither_source_covers_starts_with_no_holidays()
    {
        Assert.Empty(HolidayCatalog.For("AQ", "", [2027]));
    }

    [Fact]
    public void The_data_says_which_years_lack_days_and_why()
    {
        var gap = Assert.Single(HolidayCatalog.Gaps("IN", "Karnataka", [2026, 2027]));

        Assert.Equal("India 2027: only fixed-date holidays are listed until the Government of India publishes its 2027 list", gap.ToString());
        Assert.Empty(HolidayCatalog.Gaps("IN", "", [2026]));
        Assert.Empty(HolidayCatalog.Gaps("PL", "", [2027]));
    }
}
