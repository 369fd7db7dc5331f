using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Unit.Digests;

/// <summary>Who works with whom, reassigned tasks and the TA lead's watch, as the composer puts them in a digest.</summary>
public class DigestPeopleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastDigest = Now.AddDays(-3);
    private static readonly Uri BaseUrl = new("https://onboarding.example/");
    private static readonly Uri Unsubscribe = new("https://onboarding.example/digests/unsubscribe?token=abc");
    private static readonly int EngagementId = TestIds.Next();
    private static readonly int Me = TestIds.Next();
    private static readonly int Other = TestIds.Next();
    private static readonly int Third = TestIds.Next();

    [Fact]
    public void A_recruiter_reads_their_hiring_managers_and_a_hiring_manager_their_recruiters()
    {
        var pairs = new[]
        {
            new AssignedPair(EngagementId, Me, "Riya", Other, "Hana"),
            new AssignedPair(EngagementId, Me, "Riya", Third, "Ian"),
            new AssignedPair(EngagementId, TestIds.Next(), "Sam", Other, "Hana"),
        };
        var engagement = Engagement([Late("Mine", Me)], pairs: pairs);

        var recruiter = Compose(engagement, EngagementRole.Recruiter)!;
        var text = DigestRenderer.Render(recruiter).Text;

        Assert.Equal("Your hiring managers: Hana, Ian", recruiter.Engagements.Single().WorkingWith?.Text);
        Assert.Contains("Your hiring managers: Hana, Ian", text);
        Assert.Contains("Your hiring managers: Hana, Ian", DigestRenderer.Render(recruiter).Html);
        Assert.Null(Compose(engagement, EngagementRole.TaLead)!.Engagements.Single().WorkingWith);
        var manager = Compose(Engagement([Late("Mine", Other)], pairs: pairs), EngagementRole.HiringManager, Other)!;
        Assert.Equal("Your recruiters: Riya, Sam", manager.Engagements.Single().WorkingWith?.Text);
    }

    [Fact]
    public void Reassignments_since_the_last_digest_tell_the_new_owner_and_the_old_one_once_and_a_round_trip_is_no_news()
    {
        var toMe = TestIds.Next();
        var fromMe = TestIds.Next();
        var roundTrip = TestIds.Next();
        var old = TestIds.Next();
        var engagement = Engagement([], reassignments:
        [
            new DigestReassignment(toMe, "Book the panel", Other, Me, "Ada", Now.AddHours(-5)),
            new DigestReassignment(fromMe, "Send the brief", Me, Other, "Bo", Now.AddHours(-4)),
            new DigestReassignment(roundTrip, "Draft the ad", Me, Other, "Bo", Now.AddHours(-3)),
            new DigestReassignment(roundTrip, "Draft the ad", Other, Me, "Ada", Now.AddHours(-2)),
            new DigestReassignment(old, "Old news", Other, Me, "Ada", LastDigest.AddHours(-1)),
        ]);

        var digest = Compose(engagement, EngagementRole.Recruiter);

        var section = Assert.Single(digest!.Engagements);
        Assert.Equal(["Reassigned to you: Book the panel", "Moved to Bo: Send the brief"], section.Reassigned.Select(r => r.Text));
        Assert.Equal("Acme RPO · day 12: 2 tasks reassigned", digest.Subject);
        var text = DigestRenderer.Render(digest).Text;
        Assert.Contains("REASSIGNED\n* Reassigned to you: Book the panel\n", text);
        Assert.DoesNotContain("Old news", text);
        Assert.Null(Compose(engagement, EngagementRole.Recruiter, Third));
    }

    [Fact]
    public void The_ta_lead_watches_the_client_sides_late_and_blocked_work_not_the_providers()
    {
        var engagement = Engagement(
        [
            Late("Hiring manager's late task", Other, EngagementRole.HiringManager),
            Late("Sponsor's blocked task", Third, EngagementRole.ExecutiveSponsor, blocked: true),
            Late("Recruiter's late task", Other, EngagementRole.Recruiter),
            Late("Leader's blocked task", Third, EngagementRole.AccountLeader, blocked: true),
        ]);

        var taLead = Compose(engagement, EngagementRole.TaLead)!.Engagements.Single();
        var sponsor = Compose(engagement, EngagementRole.ExecutiveSponsor);

        Assert.Equal(["Hiring manager's late task", "Sponsor's blocked task"], taLead.NeedsAttention.Select(a => a.Title));
        Assert.All(taLead.NeedsAttention, a => Assert.False(a.IsOwn));
        Assert.Null(sponsor);
        Assert.Equal(4, Compose(engagement, EngagementRole.AccountLeader)!.Engagements.Single().NeedsAttention.Count);
    }

    private static DigestModel? Compose(DigestEngagement engagement, EngagementRole role, int? memberId = null) =>
        DigestComposer.Compose(
            new DigestRecipient("Ada", "ada@acme.example", [new DigestMembership(EngagementId, memberId ?? Me, role)]),
            [engagement], new DigestPeriod(Today, Now, LastDigest), BaseUrl, Unsubscribe);

    private static DigestEngagement Engagement(
        IReadOnlyList<DigestTask> tasks, IReadOnlyList<AssignedPair>? pairs = null, IReadOnlyList<DigestReassignment>? reassignments = null) => new(
            EngagementId, "Acme RPO", "Acme Corp", "Northwind Talent", "#0B6E4F", Today.AddDays(-11), Today.AddDays(60),
            tasks, [], [], [], [], pairs, reassignments);

    private static DigestTask Late(string title, int ownerId, EngagementRole role = EngagementRole.Recruiter, bool blocked = false) => new(
        TestIds.Next(), title, ownerId, "Someone", blocked ? DigestTaskStatus.Blocked : DigestTaskStatus.NotStarted,
        Today.AddDays(blocked ? 1 : -5), Today.AddDays(blocked ? 4 : -1), null, $"Do {title}.", $"Because {title} matters.",
        blocked ? "Waiting" : null, OwnerRole: role);
}
