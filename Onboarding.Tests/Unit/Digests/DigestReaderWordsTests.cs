using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Unit.Digests;

/// <summary>Client stakeholders read their own words in digests; "(we say: …)" is for provider staff.</summary>
public class DigestReaderWordsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly Uri BaseUrl = new("https://onboarding.example/");
    private static readonly Uri Unsubscribe = new("https://onboarding.example/digests/unsubscribe?token=abc");
    private static readonly int EngagementId = TestIds.Next();
    private static readonly int Me = TestIds.Next();

    private static readonly DigestEngagement Engagement = new(
        EngagementId, "Acme RPO", "Acme Corp", "Northwind Talent", "#0B6E4F", Today.AddDays(-11), Today.AddDays(60),
        [
            new DigestTask(TestIds.Next(), "Approve the first job orders", Me, null, DigestTaskStatus.NotStarted, Today, Today.AddDays(1), null,
                "Approve each job order in the ATS ([job order help](https://ats.example/job-order)).", "A job order nobody approved is a forecast.",
                Milestone: "Job orders open"),
            new DigestTask(TestIds.Next(), "Sign the late job order", Me, null, DigestTaskStatus.NotStarted, Today.AddDays(-4), Today.AddDays(-2), null, "Sign it.", "It is late."),
        ],
        [new DigestMilestone(TestIds.Next(), "Job orders open", Today.AddDays(1), null)],
        [new DigestGlossaryTerm(TestIds.Next(), "Requisition", "Job order", "An approved opening.")],
        [],
        []);

    [Theory]
    [InlineData(EngagementRole.TaLead)]
    [InlineData(EngagementRole.HiringManager)]
    [InlineData(EngagementRole.ExecutiveSponsor)]
    public void A_client_readers_digest_uses_the_clients_words_and_never_says_we_say(EngagementRole role)
    {
        var digest = Compose(role);
        var rendered = DigestRenderer.Render(digest);

        var section = Assert.Single(digest.Engagements);
        Assert.Equal("Approve the first requisitions", Assert.Single(section.ComingUp).Title);
        Assert.Equal("Sign the late requisition", Assert.Single(section.NeedsAttention).Title);
        Assert.Equal("Requisitions open", Assert.Single(section.MilestonesAhead).Title);
        foreach (var body in new[] { rendered.Html, rendered.Text })
        {
            Assert.Contains("Approve each requisition in the ATS", body);
            Assert.Contains("A requisition nobody approved is a forecast.", body);
            Assert.Contains("Requisition", body);
            Assert.DoesNotContain("we say", body, StringComparison.OrdinalIgnoreCase);
            // The link's own words are left as written (the text part drops link targets).
            Assert.Contains("job order help", body);
            Assert.DoesNotContain("Approve each job order", body, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("href=\"https://ats.example/job-order\"", rendered.Html);
    }

    [Theory]
    [InlineData(EngagementRole.AccountLeader)]
    [InlineData(EngagementRole.Recruiter)]
    public void A_provider_readers_digest_is_as_written_with_we_say_beside_the_clients_word(EngagementRole role)
    {
        var rendered = DigestRenderer.Render(Compose(role));

        Assert.Contains("Requisition (we say: Job order)", rendered.Text);
        Assert.Contains("(we say: Job order)", rendered.Html);
        Assert.Contains("Approve each job order in the ATS", rendered.Text);
        Assert.DoesNotContain("Approve each requisition", rendered.Text);
    }

    [Fact]
    public void Nobody_is_told_we_say_the_same_word()
    {
        var same = Engagement with { Glossary = [new DigestGlossaryTerm(TestIds.Next(), "Time to fill", "Time to fill", "Calendar days to an accepted offer.")] };

        var text = DigestRenderer.Render(DigestComposer.Compose(Recipient(EngagementRole.AccountLeader), [same], new DigestPeriod(Today, Now, null), BaseUrl, Unsubscribe)!).Text;

        Assert.Contains("Time to fill", text);
        Assert.DoesNotContain("we say", text);
    }

    private static DigestModel Compose(EngagementRole role) =>
        DigestComposer.Compose(Recipient(role), [Engagement], new DigestPeriod(Today, Now, null), BaseUrl, Unsubscribe)!;

    private static DigestRecipient Recipient(EngagementRole role) => new("Ada", "ada@acme.example", [new DigestMembership(EngagementId, Me, role)]);
}
