using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;

namespace Onboarding.Tests.Unit.Engagements;

public class FormRuleUnitTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2021-11-23", true)]
    [InlineData("2031-11-23", true)]
    [InlineData("2021-11-22", false)]
    [InlineData("2031-11-24", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void Plan_dates_lie_within_five_years_of_today(string date, bool accepted)
    {
        var error = PlanDates.Check(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Today, "kickoff");
        Assert.Equal(accepted, error is null);
        if (!accepted)
        {
            Assert.StartsWith($"The kickoff date {date} is more than 5 years from today", error);
        }
    }

    [Fact]
    public void A_value_is_measured_between_the_engagements_start_and_today()
    {
        var from = PlanDates.MeasuredFrom(kickoff: new DateOnly(2026, 11, 16), createdOn: new DateOnly(2026, 11, 10));
        Assert.Equal(new DateOnly(2026, 11, 10), from);
        Assert.Null(PlanDates.CheckMeasuredOn(Today, Today, from));
        Assert.Null(PlanDates.CheckMeasuredOn(from, Today, from));
        Assert.Contains("after today", PlanDates.CheckMeasuredOn(Today.AddDays(1), Today, from));
        Assert.Contains("before the engagement began", PlanDates.CheckMeasuredOn(from.AddDays(-1), Today, from));
    }

    [Fact]
    public void Only_a_value_that_becomes_the_latest_and_reaches_the_target_hits_it()
    {
        var metric = new Metric { Name = "Time to fill", Unit = "days", Direction = MetricDirection.LowerIsBetter, Target = 40 };
        Measurement Value(decimal value, int day, int minute = 0) => new() { Value = value, MeasuredOn = new DateOnly(2026, 11, day), RecordedAt = Now.AddMinutes(minute) };

        Assert.False(metric.Record(Value(50, 20)));
        Assert.False(metric.Record(Value(35, 18, 1)));
        Assert.Equal(50, metric.Latest!.Value);
        Assert.True(metric.Record(Value(39, 21, 2)));
        Assert.False(metric.Record(Value(38, 22, 3)));
        Assert.False(metric.Record(Value(45, 23, 4)));
        Assert.True(metric.Record(Value(30, 23, 5)));
    }

    [Fact]
    public void Text_copied_into_a_shorter_column_is_cut_with_an_ellipsis_and_never_splits_a_character()
    {
        Assert.Equal("short", TextLimits.Fit("short", 10));
        Assert.Equal("abcdefghi…", TextLimits.Fit("abcdefghijkl", 10));
        var emoji = new string('a', 8) + "😀" + "tail";
        var fitted = TextLimits.Fit(emoji, 10);
        Assert.Equal(new string('a', 8) + "…", fitted);
        Assert.Equal(TextLimits.Title, Win.MilestoneTitle(new string('m', TextLimits.Title)).Length);
        Assert.Equal(TextLimits.Description, ActivityEntry.New(1, Now, null, "A", new string('d', 5000)).Description.Length);
    }
}
