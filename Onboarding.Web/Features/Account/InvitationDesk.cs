using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Links;
using Onboarding.Core.People;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Account;

/// <summary>What the inviter is told (<see cref="Notice"/>), or why nothing was done (<see cref="Error"/>).</summary>
public sealed record InviteOutcome(string? Notice, string? Error);

/// <summary>
/// Inviting an engagement member to sign in, from the stakeholders page or the administrator's. An invitation is a
/// link that sets a first password, so it only ever goes to someone without a usable account: no account yet, or
/// one an earlier invitation made that has never had a password. Anyone else is told by email that they were
/// added and signs in as always; no link touches an account someone uses.
/// </summary>
public sealed class InvitationDesk(OnboardingDbContext db, UserManager<AppUser> users, AccountMailer mailer, AppLinks links, TimeProvider clock)
{
    /// <summary>Seven days, one use, only the token's hash stored.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <param name="engagement">The member's engagement, with its provider loaded.</param>
    public async Task<InviteOutcome> InviteAsync(Member member, Engagement engagement, ClaimsPrincipal inviter, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var provider = engagement.Provider?.Name ?? throw new ArgumentException("Load the engagement with its provider.", nameof(engagement));
        var person = await db.People.FirstAsync(p => p.Id == member.PersonId, cancellationToken);
        var user = member.UserId is null ? await users.FindByEmailAsync(member.Email) : await users.FindByIdAsync(member.UserId);
        if (user is not null && !await AwaitsFirstPasswordAsync(user))
        {
            await LinkAsync(person, member, user, inviter.DisplayName(), cancellationToken);
            db.RecordActivity(inviter, engagement.Id, $"Told {member.Name} they were added (they already have an account)", now);
            await db.SaveChangesAsync(CancellationToken.None);
            var added = new AddedLetter(user.DisplayName, user.Email!, engagement.Name, provider, inviter.DisplayName(), links.SignIn(), links.ForgotPassword());
            return await mailer.TrySendAsync(AccountMails.Added(added), cancellationToken) is { } failure
                ? new($"{member.Name} already has an account and can open {engagement.Name} now, but the email telling them could not be sent ({failure}). Let them know they can sign in at {links.SignIn()} with their own password.", null)
                : new($"{member.Name} already has an account, so there is nothing to set up: they can open {engagement.Name} now, and were emailed that you added them and where to sign in.", null);
        }

        var isNewAccount = user is null;
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
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return new(null, string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
        await LinkAsync(person, member, user, inviter.DisplayName(), cancellationToken);

        // One open invitation per person: a new link replaces the earlier ones, which stop working now. Both in one
        // transaction, so a failed save never leaves the person with no working link. A transient failure runs the
        // transaction again; the new rows stay added until it commits, and a commit whose answer was lost is checked.
        var token = Secrets.NewToken();
        var tokenHash = Secrets.Hash(token);
        db.Invitations.Add(new Invitation
        {
            Email = user.Email!,
            TokenHash = tokenHash,
            UserId = user.Id,
            InvitedByUserId = inviter.UserId(),
            EngagementId = engagement.Id,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        db.RecordActivity(inviter, engagement.Id, $"Invited {member.Name} to sign in", now);
        await db.Database.CreateExecutionStrategy().ExecuteInTransactionAsync(
            async attempt =>
            {
                await db.Invitations.Where(i => i.UserId == user.Id && i.UsedAt == null && i.ExpiresAt > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, now), attempt);
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, attempt);
            },
            attempt => db.Invitations.AnyAsync(i => i.TokenHash == tokenHash, attempt),
            CancellationToken.None);
        db.ChangeTracker.AcceptAllChanges();

        var link = links.Invitation(token);
        var letter = new InvitationLetter(member.Name, user.Email!, person.TimeZone, engagement.Name, provider, inviter.DisplayName(), link, now + Lifetime);
        var error = await mailer.TrySendAsync(AccountMails.Invitation(letter), cancellationToken);
        // The inviter may pass the link on only for an account made just now, which holds nothing but this
        // membership. An older account may have been added to other engagements since, by other people: its
        // link goes to its own address only.
        return (isNewAccount, error) switch
        {
            (true, null) => new($"Invitation emailed to {member.Name} ({user.Email}). If it does not arrive, send them this link yourself (valid for 7 days, works once): {link}", null),
            (true, _) => new($"Invitation for {member.Name} created, but the email could not be sent ({error}). Send them this link yourself (valid for 7 days, works once): {link}", null),
            (false, null) => new($"A new invitation was emailed to {member.Name} ({user.Email}), valid for 7 days; earlier links no longer work. It goes to their address only, as their account may already belong to other engagements.", null),
            (false, _) => new($"A new invitation for {member.Name} was created, but the email could not be sent ({error}); earlier links no longer work. Check their address and invite them again.", null),
        };
    }

    /// <summary>
    /// The membership belongs to the account; so do the person and all their memberships, unless the account is
    /// already another person's (an address changed since), which stays as it is.
    /// </summary>
    private async Task LinkAsync(Person person, Member member, AppUser user, string inviter, CancellationToken cancellationToken)
    {
        if (member.UserId != user.Id)
        {
            member.UserId = user.Id;
            member.ChangedNowBy(inviter, clock.GetUtcNow());
        }
        if (person.UserId is null && !await db.People.AnyAsync(p => p.UserId == user.Id, cancellationToken))
        {
            PersonDirectory.Link(person, user, await db.Members.Where(m => m.PersonId == person.Id).ToListAsync(cancellationToken));
        }
    }

    /// <summary>
    /// An account an invitation made and nobody has used: no password, and none of its invitations accepted.
    /// Only such an account may get a (new) invitation; an account with a password never does.
    /// </summary>
    public async Task<bool> AwaitsFirstPasswordAsync(AppUser user)
    {
        if (user.PasswordHash is not null)
        {
            return false;
        }
        var uses = await db.Invitations.Where(i => i.UserId == user.Id).Select(i => i.UsedAt).ToListAsync();
        return uses.Count > 0 && uses.All(used => used is null);
    }
}
