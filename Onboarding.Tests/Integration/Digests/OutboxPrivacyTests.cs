using System.Net;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Digests;

/// <summary>
/// A digest carries a section for each of its recipient's engagements, so an account leader may see,
/// open and resend only digests whose every engagement they lead; administrators see all of their organisation's.
/// </summary>
public class OutboxPrivacyTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>, IAsyncLifetime
{
    private const string Leader = "alex.morgan@northstar.example";
    private const string Admin = "admin@northstar.example";
    // In the demo's Acme engagement, which Alex leads.
    private const string AcmeOnly = "tomas.herrera@acme.example";
    private const string AlsoInGlobex = "hana.kobayashi@acme.example";
    private long acmeOnlyDigest;
    private long sharedDigest;

    // Runs before each test on the class's one app: the second time, finds what the first made.
    public async Task InitializeAsync()
    {
        if (await app.WithDbAsync(db => db.Engagements.AnyAsync(e => e.Name == "Globex RPO launch")))
        {
            acmeOnlyDigest = await app.WithDbAsync(db => db.Digests.Where(d => d.Recipient == AcmeOnly).Select(d => d.Id).SingleAsync());
            sharedDigest = await app.WithDbAsync(db => db.Digests.Where(d => d.Recipient == AlsoInGlobex).Select(d => d.Id).SingleAsync());
            return;
        }
        // Globex: Alex is only a recruiter there (so can open its workspace, but does not lead it), and Hana is in it too.
        await app.WithDbAsync(async db =>
        {
            var provider = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.Provider);
            var alex = await db.Users.SingleAsync(u => u.Email == Leader);
            db.Engagements.Add(new Engagement
            {
                Name = "Globex RPO launch",
                Provider = provider,
                Client = new Organisation { Name = "Globex", Kind = OrganisationKind.Client, Provider = provider },
                Kickoff = new DateOnly(2026, 11, 16),
                GoLive = new DateOnly(2026, 12, 31),
                TimeZone = "Europe/London",
                Members =
                [
                    TestPeople.MemberOf(db, "Alex Morgan", Leader, EngagementRole.Recruiter, alex.Id),
                    TestPeople.MemberOf(db, "Hana Kobayashi", AlsoInGlobex, EngagementRole.HiringManager),
                ],
            });
            await db.SaveChangesAsync();
            return true;
        });
        var (acme, globex) = await EngagementIdsAsync();
        acmeOnlyDigest = await AddFailedDigestAsync(AcmeOnly, acme);
        sharedDigest = await AddFailedDigestAsync(AlsoInGlobex, acme, globex);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_leader_cannot_list_open_or_resend_a_digest_with_news_of_an_engagement_they_do_not_lead()
    {
        var leader = await app.SignedInClientAsync(Leader);

        var outbox = WebUtility.HtmlDecode(await leader.GetStringAsync("/digests/outbox"));
        var open = await leader.GetAsync($"/digests/outbox/{sharedDigest}");
        var token = await OnboardingFactory.AntiforgeryTokenAsync(leader, $"/digests/outbox/{acmeOnlyDigest}");
        var resend = await leader.PostAsync($"/digests/outbox/{sharedDigest}/resend", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Contains(AcmeOnly, outbox);
        Assert.DoesNotContain(AlsoInGlobex, outbox);
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, resend.StatusCode);
        var record = await app.WithDbAsync(db => db.Digests.AsNoTracking().SingleAsync(d => d.Id == sharedDigest));
        Assert.Equal((DigestStatus.Failed, 1), (record.Status, record.Attempts));
    }

    [Fact]
    public async Task An_administrator_sees_and_opens_both()
    {
        var admin = await app.SignedInClientAsync(Admin);

        var outbox = WebUtility.HtmlDecode(await admin.GetStringAsync("/digests/outbox"));
        var open = await admin.GetAsync($"/digests/outbox/{sharedDigest}");

        Assert.Contains(AcmeOnly, outbox);
        Assert.Contains(AlsoInGlobex, outbox);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task A_leaders_preview_leaves_out_the_section_of_an_engagement_they_do_not_lead()
    {
        var leader = await app.SignedInClientAsync(Leader);
        var hana = await app.WithDbAsync(db => db.Members.AsNoTracking()
            .SingleAsync(m => m.Email == AlsoInGlobex && m.Engagement!.Name != "Globex RPO launch"));

        var preview = WebUtility.HtmlDecode(await leader.GetStringAsync($"/engagements/{hana.EngagementId}/digests/preview?member={hana.Id}&date=2026-11-23"));

        Assert.Contains("1 section for engagements you do not lead", preview);
        Assert.DoesNotContain("Globex", preview);
    }

    [Fact]
    public async Task A_digest_stays_hidden_after_its_recipient_leaves_the_engagement_the_leader_does_not_lead()
    {
        var email = $"lee.{Guid.NewGuid():N}@acme.example";
        var (acme, globex) = await EngagementIdsAsync();
        await app.WithDbAsync(async db =>
        {
            foreach (var engagementId in new[] { acme, globex })
            {
                var lee = TestPeople.MemberOf(db, "Lee Park", email, EngagementRole.HiringManager);
                lee.EngagementId = engagementId;
                db.Members.Add(lee);
            }
            await db.SaveChangesAsync();
            return true;
        });
        var digest = await AddFailedDigestAsync(email, acme, globex);
        // Lee leaves Globex: only Acme, which Alex leads, is left, but the digest already carried Globex's section.
        await app.WithDbAsync(db => db.Members.Where(m => m.Email == email && m.EngagementId == globex).ExecuteDeleteAsync());
        var leader = await app.SignedInClientAsync(Leader);
        var admin = await app.SignedInClientAsync(Admin);

        var outbox = WebUtility.HtmlDecode(await leader.GetStringAsync("/digests/outbox"));
        var open = await leader.GetAsync($"/digests/outbox/{digest}");
        var openByAdmin = await admin.GetAsync($"/digests/outbox/{digest}");

        Assert.DoesNotContain(email, outbox);
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openByAdmin.StatusCode);
    }

    private Task<(int Acme, int Globex)> EngagementIdsAsync() =>
        app.WithDbAsync(async db => (
            await db.Members.Where(m => m.Email == AcmeOnly).Select(m => m.EngagementId).SingleAsync(),
            await db.Engagements.Where(e => e.Name == "Globex RPO launch").Select(e => e.Id).SingleAsync()));


    private Task<long> AddFailedDigestAsync(string recipient, params int[] engagementIds) =>
        app.WithDbAsync(async db =>
        {
            var record = new DigestRecord
            {
                Recipient = recipient,
                Period = new DateOnly(2026, 11, 23),
                EngagementIds = [.. engagementIds],
                Status = DigestStatus.Failed,
                Attempts = 1,
                Subject = $"Digest for {recipient}",
                HtmlBody = $"<p>Digest for {recipient}</p>",
                TextBody = $"Plain digest for {recipient}",
                MessageId = $"digest.{Guid.NewGuid():N}@northstar.example",
                LastError = "550 5.1.1 No such user here",
                CreatedAt = app.Clock.GetUtcNow(),
            };
            db.Digests.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
}
