using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Accounts;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration.PlanEditing;

internal static class PlanEditingSupport
{
    public const string Leader = "alex.morgan@northstar.example";
    public const string TaLead = "tomas.herrera@acme.example";

    /// <summary>A signed-in person of another provider, member of nothing in the demo.</summary>
    public static async Task<HttpClient> OutsiderAsync(OnboardingFactory app, string email)
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Onboarding.Core.Data.OnboardingDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var provider = new Organisation { Name = $"Other provider {email}", Kind = OrganisationKind.Provider };
            db.Organisations.Add(provider);
            await db.SaveChangesAsync();
            var user = new AppUser { UserName = email, Email = email, DisplayName = "Olive Outsider", OrganisationId = provider.Id, AccountRole = AccountRole.Administrator };
            Assert.True((await users.CreateAsync(user, OnboardingFactory.DemoPassword)).Succeeded);
        }
        return await app.SignedInClientAsync(email);
    }

    /// <summary>A recruiter who joins the demo engagement later, with no plan of their own yet.</summary>
    public static Task<int> AddRecruiterAsync(OnboardingFactory app, int engagementId, string name, string email) =>
        app.WithDbAsync(async db =>
        {
            var member = TestPeople.NewMember(name, email, EngagementRole.Recruiter);
            member.EngagementId = engagementId;
            member.CreatedAt = app.Clock.GetUtcNow();
            db.Members.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });

    public static Task<List<ActivityEntry>> ActivityAsync(OnboardingFactory app, int engagementId) =>
        app.WithDbAsync(db => db.Activity.Where(a => a.EngagementId == engagementId).OrderBy(a => a.Id).ToListAsync());
}
