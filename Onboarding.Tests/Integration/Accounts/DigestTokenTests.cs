using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Digests;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.Accounts.AccountTestSupport;

namespace Onboarding.Tests.Integration.Accounts;

/// <summary>Security review, item 12: a digest shown to someone other than its recipient carries no working unsubscribe token.</summary>
public class DigestTokenTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    private const string Recipient = "hana.kobayashi@acme.example";

    [Fact]
    public async Task A_leaders_preview_of_a_members_digest_carries_a_placeholder_instead_of_their_unsubscribe_token()
    {
        var (engagementId, memberId, token) = await RecipientAsync();
        var leader = await app.SignedInClientAsync(Leader);

        var html = await leader.GetStringAsync($"/engagements/{engagementId}/digests/preview?member={memberId}&date=2026-11-23");

        Assert.Contains("Plain text", html);
        Assert.DoesNotContain(token, html);
        Assert.DoesNotContain("/digests/unsubscribe/", WebUtility.HtmlDecode(html));
        Assert.Contains("/digests/unsubscribe-preview", WebUtility.HtmlDecode(html));
        var placeholder = await app.AnonymousClient().GetAsync("/digests/unsubscribe-preview");
        Assert.Equal(HttpStatusCode.OK, placeholder.StatusCode);
        Assert.Contains("This is not a working unsubscribe link", await placeholder.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_outbox_shows_a_mailed_digest_without_its_recipients_unsubscribe_token()
    {
        var (engagementId, _, token) = await RecipientAsync();
        var link = $"{OnboardingFactory.BaseUrl}/digests/unsubscribe/{token}";
        var id = await app.WithDbAsync(async db =>
        {
            var record = new DigestRecord
            {
                Recipient = Recipient,
                Period = new DateOnly(2026, 11, 20),
                EngagementIds = [engagementId],
                Status = DigestStatus.Sent,
                Subject = "Acme Robotics RPO launch · day 8",
                HtmlBody = $"<p>Your digest</p><p><a href=\"{link}\">Unsubscribe</a></p>",
                TextBody = $"Your digest\n--\nUnsubscribe: {link}\n",
                MessageId = $"digest.{Guid.NewGuid():N}@northstar.example",
                CreatedAt = app.Clock.GetUtcNow(),
            };
            db.Digests.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        var leader = await app.SignedInClientAsync(Leader);

        var html = await leader.GetStringAsync($"/digests/outbox/{id}");

        Assert.Contains("Your digest", html);
        Assert.DoesNotContain(token, html);
        Assert.Contains($"Unsubscribe: {OnboardingFactory.BaseUrl}/digests/unsubscribe-preview", WebUtility.HtmlDecode(html));
        // What was mailed is kept as it was.
        Assert.Contains(token, await app.WithDbAsync(db => db.Digests.Where(d => d.Id == id).Select(d => d.TextBody).SingleAsync()));
    }

    private Task<(int EngagementId, int MemberId, string Token)> RecipientAsync() =>
        app.WithDbAsync(db => db.Members
            .Where(m => m.Email == Recipient && m.Engagement!.Name == "Acme Robotics RPO launch")
            .Select(m => new ValueTuple<int, int, string>(m.EngagementId, m.Id, m.UnsubscribeToken))
            .SingleAsync());
}
