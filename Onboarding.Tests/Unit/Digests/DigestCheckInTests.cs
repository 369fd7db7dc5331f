using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Unit.Digests;

public class DigestCheckInTests
{
    private static readonly DateOnly Today = new(2026, 11, 26); // a Thursday
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private static readonly Uri BaseUrl = new("https://onboarding.example/");
    private static readonly Uri Unsubscribe = new("https://onboarding.example/digests/unsubscribe/abc");
    private static readonly int EngagementId = TestIds.Next();
    private static readonly int Me = TestIds.Next();
    private static readonly int Colleague = TestIds.Next();
    private static readonly int Outsider = TestIds.Next();

    private static DigestCheckIn Tuesdays(DateTimeOffset recordedAt) => new(
        7, "Weekly check-in", new DateOnly(2026, 11, 24), recordedAt, [Me, Colleague],
        ["Use the new intake form"],
        [
            new DigestCheckInAction(101, "Book the panel", Colleague, "Cai", new DateOnly(2026, 11, 27)),
            new DigestCheckInAction(102, "Send the intake form", Me, "Ada", new DateOnly(2026, 11, 30)),
        ]);

    private static DigestModel? Compose(int member, DateTimeOffset? since, params DigestCheckIn[] checkIns) => DigestComposer.Compose(
        new DigestRecipient("Ada", "ada@acme.example", [new DigestMembership(EngagementId, member, EngagementRole.TaLead)]),
        [new DigestEngagement(EngagementId, "Acme RPO", "Acme", "Northwind", "#0B6E4F", Today.AddDays(-20), Today.AddDays(60), [], [], [], [], []) { CheckIns = checkIns }],
        new DigestPeriod(Today, Now, since),
        BaseUrl,
        Unsubscribe);

    [Fact]
    public void The_next_digest_says_what_tuesdays_check_in_decided_with_the_readers_action_items_first()
    {
        var digest = Compose(Me, Now.AddDays(-2), Tuesdays(Now.AddDays(-1)));

        var note = Assert.Single(Assert.Single(digest!.Engagements).CheckIns);
        Assert.Equal("From Tuesday's check-in", note.Heading);
        Assert.Equal(["Use the new intake form"], note.Decisions);
        Assert.Equal(["You: Send the intake form, due Mon 30 Nov", "Cai: Book the panel, due Fri 27 Nov"], note.Actions.Select(a => a.Text));
        Assert.Equal("https://onboarding.example/engagements/" + EngagementId + "/check-ins/7/2026-11-24", note.Url);
        var rendered = DigestRenderer.Render(digest);
        Assert.Contains("FROM TUESDAY'S CHECK-IN", rendered.Text);
        Assert.Contains("Decided: Use the new intake form", rendered.Text);
        Assert.Contains("From Tuesday&#39;s check-in", rendered.Html);
        Assert.EndsWith("notes from the check-in", digest.Subject);
    }

    [Fact]
    public void A_check_in_is_said_once_and_only_to_its_participants_and_action_owners()
    {
        Assert.Null(Compose(Me, Now.AddDays(-1), Tuesdays(Now.AddDays(-2))));
        Assert.Null(Compose(Outsider, Now.AddDays(-2), Tuesdays(Now.AddDays(-1))));
        Assert.NotNull(Compose(Colleague, Now.AddDays(-2), Tuesdays(Now.AddDays(-1))));
    }
}
