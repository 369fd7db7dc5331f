using Onboarding.Core.Engagements;
using Onboarding.Core.Markdown;

namespace Onboarding.Tests.Unit.Engagements;

public class ReaderWordsTests
{
    private static readonly GlossaryEntry[] Glossary =
    [
        new("Requisition", "Job order", "An approved opening."),
        new("CV sent to the manager", "Submittal", "A screened candidate."),
        new("Time to fill", "Time to fill", "Calendar days to an accepted offer."),
        new("Time to start", "Time to hire", "Calendar days to the first day."),
        new("Time to hire", "Time to fill", "A false friend: the provider's time to fill."),
    ];

    private static readonly ReaderWords Client = ReaderWords.For(Glossary, EngagementRole.HiringManager);

    [Fact]
    public void Client_readers_read_the_clients_words_whole_word_and_in_the_writers_case()
    {
        Assert.Equal("Open the requisition", Client.Text("Open the job order"));
        Assert.Equal("Requisitions to review", Client.Text("Job  orders to review"));
        Assert.Equal("REQUISITION", Client.Text("JOB ORDER"));
        Assert.Equal("Read each CV sent to the manager", Client.Text("Read each submittal"));
        Assert.Equal("Job orderly and subjob order stay", Client.Text("Job orderly and subjob order stay"));
        // One-word client terms take the plural along; a longer one keeps the provider's plural rather than a wrong one.
        Assert.Equal("Read the submittals", Client.Text("Read the submittals"));
    }

    [Fact]
    public void Every_provider_word_is_replaced_once_even_when_it_is_another_entrys_client_word()
    {
        Assert.Equal("Time to start is longer than time to fill", Client.Text("Time to hire is longer than time to fill"));
    }

    [Fact]
    public void Provider_staff_and_non_members_read_the_text_as_written()
    {
        foreach (var role in new EngagementRole?[] { EngagementRole.AccountLeader, EngagementRole.Recruiter, null })
        {
            var words = ReaderWords.For(Glossary, role);
            Assert.False(words.ForClient);
            Assert.Equal("Open the job order", words.Text("Open the job order"));
            Assert.Equal("Open the `job order`", words.Markdown("Open the `job order`"));
        }
        Assert.True(ReaderWords.For(Glossary, EngagementRole.TaLead).ForClient);
        Assert.True(ReaderWords.For(Glossary, EngagementRole.ExecutiveSponsor).ForClient);
    }

    [Fact]
    public void We_say_is_for_provider_staff_only_and_only_where_the_words_differ()
    {
        var provider = ReaderWords.For(Glossary, EngagementRole.Recruiter);

        Assert.Equal("Job order", provider.WeSay("Requisition", " Job order "));
        Assert.Null(provider.WeSay("Time to fill", "time  to fill"));
        Assert.Null(provider.WeSay("Offer", ""));
        Assert.Null(Client.WeSay("Requisition", "Job order"));
    }

    [Fact]
    public void Markdown_keeps_code_links_and_urls_as_written()
    {
        var markdown = """
            Open each **job order** in the ATS, see [the job order guide](https://ats.example/job-order) and
            https://ats.example/job order list; run `export job order` and file it under [job order][ref].

            ```
            job order --all
            ```

            [ref]: https://ats.example/job%20order "job order"
            """;

        var worded = Client.Markdown(markdown);

        Assert.Equal(markdown.Replace("Open each **job order**", "Open each **requisition**"), worded);
        var html = MarkdownText.ToHtml(worded);
        Assert.Contains("<strong>requisition</strong>", html);
        Assert.Contains("href=\"https://ats.example/job-order\"", html);
        Assert.Contains("<code>export job order</code>", html);
    }
}
