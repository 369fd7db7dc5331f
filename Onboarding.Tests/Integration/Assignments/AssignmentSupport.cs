using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Jobs.Digests;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.Assignments;

/// <summary>The demo engagement's people, and the posts the assignment and reassignment pages make.</summary>
internal sealed record Demo(int EngagementId, int Leader, int Recruiter, int TaLead, int HiringManager, int Sponsor)
{
    public const string LeaderEmail = "alex.morgan@northstar.example";
    public const string RecruiterEmail = "riya.shah@northstar.example";
    public const string TaLeadEmail = "tomas.herrera@acme.example";
    public const string HiringManagerEmail = "hana.kobayashi@acme.example";
    public const string SponsorEmail = "samuel.okafor@acme.example";

    public static Task<Demo> LoadAsync(OnboardingFactory app) => app.WithDbAsync(async db =>
    {
        var e = await db.Engagements.Include(x => x.Members).SingleAsync(x => x.Name == "Acme Robotics RPO launch");
        int Id(string email) => e.Members.Single(m => m.Email == email).Id;
        return new Demo(e.Id, Id(LeaderEmail), Id(RecruiterEmail), Id(TaLeadEmail), Id(HiringManagerEmail), Id(SponsorEmail));
    });

    public string Path => $"/engagements/{EngagementId}";

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IDictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await OnboardingFactory.AntiforgeryTokenAsync(client, "/engagements") };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> AssignAsync(HttpClient client, int recruiterId, int hiringManagerId) =>
        PostAsync(client, $"{Path}/assignments", new Dictionary<string, string> { ["RecruiterId"] = $"{recruiterId}", ["HiringManagerId"] = $"{hiringManagerId}" });

    public async Task<HttpResponseMessage> ReassignAsync(OnboardingFactory app, HttpClient client, int taskId, int ownerId, int? version = null)
    {
        version ??= await app.WithDbAsync(db => db.PlanTasks.Where(t => t.Id == taskId).Select(t => t.Version).SingleAsync());
        return await PostAsync(client, $"{Path}/tasks/{taskId}/owner", new Dictionary<string, string> { ["OwnerId"] = $"{ownerId}", ["Version"] = $"{version}" });
    }

    /// <summary>The digest <paramref name="email"/> gets on <paramref name="date"/>, composed through the real loader, as text.</summary>
    public static async Task<string> DigestTextAsync(OnboardingFactory app, string email, DateOnly date)
    {
        using var scope = app.Services.CreateScope();
        var preview = await scope.ServiceProvider.GetRequiredService<DigestPreviews>().ForAsync(email, date, _ => true, CancellationToken.None);
        Assert.NotNull(preview);
        Assert.True(preview.Rendered is not null, preview.Reason);
        return preview.Rendered.Text;
    }

    public static Task<List<ActivityEntry>> ActivityAsync(OnboardingFactory app, int engagementId) =>
        app.WithDbAsync(db => db.Activity.Where(a => a.EngagementId == engagementId).OrderBy(a => a.Id).ToListAsync());

    public static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}

/// <summary>The app on a fresh SQLite file, as the embedded default runs.</summary>
public sealed class SqliteApp : IAsyncLifetime
{
    public OnboardingFactory App { get; } = new() { Provider = Onboarding.Core.Data.DatabaseProvider.Sqlite };

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

internal static class RenderedDigests
{
    /// <summary>The texts of the digests recorded for <paramref name="email"/>, oldest first.</summary>
    public static Task<List<string>> RecordedAsync(OnboardingFactory app, string email) =>
        app.WithDbAsync(db => db.Digests.Where(d => d.Recipient == email).OrderBy(d => d.Period).Select(d => d.TextBody).ToListAsync());

    public static async Task RecordDueAsync(OnboardingFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().RecordDueAsync(CancellationToken.None);
    }
}
