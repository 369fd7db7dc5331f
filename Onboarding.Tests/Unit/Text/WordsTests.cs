using Onboarding.Core.Accounts;
using Onboarding.Core.Demo;
using Onboarding.Core.Engagements;
using Onboarding.Core.Markdown;
using Onboarding.Core.Templates;
using Onboarding.Core.Text;

namespace Onboarding.Tests.Unit.Text;

public class WordsTests
{
    [Theory]
    [InlineData(1, "1 day")]
    [InlineData(-1, "-1 day")]
    [InlineData(0, "0 days")]
    [InlineData(2, "2 days")]
    public void A_count_takes_the_singular_only_for_one(int count, string expected) => Assert.Equal(expected, Words.Count(count, "day"));

    [Fact]
    public void Roles_inside_a_sentence_keep_their_abbreviations_and_lose_their_capitals()
    {
        Assert.Equal("TA lead", EngagementRole.TaLead.InSentence());
        Assert.Equal("account leader", EngagementRole.AccountLeader.InSentence());
        Assert.Equal("account leader", AccountRole.AccountLeader.InSentence());
        Assert.Equal("the account leader", TemplateAudience.AccountLeader.ForWhom());
        Assert.Equal("Account leader", TemplateAudience.AccountLeader.DisplayName());
    }

    [Fact]
    public void Working_days_read_as_a_list_with_spaces() =>
        Assert.Equal("Mon, Tue, Wed, Thu, Fri", WorkingDays.MondayToFriday.ToDisplayList());

    [Fact]
    public void Checklist_progress_reads_as_done_of_all() =>
        Assert.Equal("2 of 5 checklist items done", ChecklistProgress.Text(2, 5));

    [Fact]
    public void Plain_text_keeps_paragraphs_apart_and_joins_the_lines_of_one() =>
        Assert.Equal("One sentence over two lines.\n\nA second paragraph.",
            MarkdownText.ToPlainText("One sentence\nover two lines.\n\nA second paragraph."));

    [Theory]
    [InlineData("2026-11-23")]
    [InlineData("2026-11-24")]
    [InlineData("2026-11-25")]
    [InlineData("2026-11-26")]
    [InlineData("2026-11-27")]
    [InlineData("2026-11-28")]
    [InlineData("2026-11-29")]
    public void The_demos_kickoff_and_go_live_fall_on_working_days(string today)
    {
        var (kickoff, goLive) = DemoSeeder.KeyDates(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(kickoff.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
        Assert.DoesNotContain(goLive.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
    }
}
