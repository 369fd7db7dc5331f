using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Governance;
using Onboarding.Jobs.Governance;
using Onboarding.Tests.Integration.Assignments;
using Onboarding.Tests.Support;
using static Onboarding.Tests.Integration.InvitationTests;

namespace Onboarding.Tests.Integration.Governance;

public class EscalationDigestTests(OnboardingFactory app) : IClassFixture<OnboardingFactory>
{
    [Fact]
    public async Task A_high_issue_escalated_to_someone_is_told_once_in_their_next_digest_and_not_mailed_at_once()
    {
        var engagementId = await DemoEngagementIdAsync(app);
        var leader = await app.SignedInClientAsync(LogSteps.Leader);
        var entryId = await LogSteps.OpenAsync(leader, engagementId, "Sourcing channels blocked by IT", "High");
        var mailsBefore = app.Smtp.MessageCount;

        app.Clock.Advance(TimeSpan.FromDays(10));
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<EscalationJob>().RunAsync(CancellationToken.None);
        }
        var step = await app.WithDbAsync(db => db.LogEntrySteps.SingleAsync(s => s.LogEntryId == entryId && s.Kind == LogStepKind.Escalated));
        Assert.Null(step.ToldAt);
        Assert.Equal(mailsBefore, app.Smtp.MessageCount);

        // Until the recruiter's next digest is recorded, a few hours at a time.
        List<string> digests = [];
        for (var i = 0; i < 40 && !digests.Any(d => d.Contains("ESCALATED TO YOU", StringComparison.Ordinal)); i++)
        {
            app.Clock.Advance(TimeSpan.FromHours(4));
            await RenderedDigests.RecordDueAsync(app);
            digests = await RenderedDigests.RecordedAsync(app, LogSteps.Recruiter);
        }
        var telling = Assert.Single(digests, d => d.Contains("ESCALATED TO YOU", StringComparison.Ordinal));
        Assert.Contains("Sourcing channels blocked by IT (High)", telling);
        Assert.Contains($"/engagements/{engagementId}/log/{entryId}", telling);
        Assert.NotNull(await app.WithDbAsync(db => db.LogEntrySteps.Where(s => s.Id == step.Id).Select(s => s.ToldAt).SingleAsync()));

        // The next digest does not say it again.
        var count = digests.Count;
        for (var i = 0; i < 40 && digests.Count == count; i++)
        {
            app.Clock.Advance(TimeSpan.FromHours(4));
            await RenderedDigests.RecordDueAsync(app);
            digests = await RenderedDigests.RecordedAsync(app, LogSteps.Recruiter);
        }
        Assert.True(digests.Count > count);
        Assert.DoesNotContain("Sourcing channels blocked by IT", digests[^1]);
    }
}
