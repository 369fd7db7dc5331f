using Microsoft.AspNetCore.Identity;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;

namespace Onboarding.Web.Features.Account;

/// <summary>
/// Creates a one-time link for an engagement member to set their password, making their account first if
/// they have none. The same rules as inviting from the stakeholders page: seven days, one use, only the hash stored.
/// </summary>
public static class InvitationIssuer
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <returns>The token to put in the link, or the reasons the account could not be created.</returns>
    public static async Task<(string? Token, string? Error)> IssueAsync(
        OnboardingDbContext db, UserManager<AppUser> users, Member member, Engagement engagement, string invitedByUserId, DateTimeOffset now)
    {
        var user = member.UserId is null ? await users.FindByEmailAsync(member.Email) : await users.FindByIdAsync(member.UserId);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = member.Email,
                Email = member.Email,
                DisplayName = member.Name,
                OrganisationId = member.Role.IsClientRole() ? engagement.ClientId : engagement.ProviderId,
                // An invitation never grants more than the least a provider person may do; administrators raise it.
                AccountRole = member.Role.IsClientRole() ? AccountRole.None : AccountRole.Recruiter,
                TimeZone = member.TimeZone,
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return (null, string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
        member.UserId = user.Id;

        var token = Secrets.NewToken();
        db.Invitations.Add(new Invitation
        {
            Email = member.Email,
            TokenHash = Secrets.Hash(token),
            UserId = user.Id,
            InvitedByUserId = invitedByUserId,
            EngagementId = engagement.Id,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        return (token, null);
    }
}
