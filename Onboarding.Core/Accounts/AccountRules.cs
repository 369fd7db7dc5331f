namespace Onboarding.Core.Accounts;

/// <summary>Rules about accounts that pages, links and mail must apply alike.</summary>
public static class AccountRules
{
    /// <summary>
    /// Locked as Identity counts it (lockout enabled and an end in the future), but against the injected clock.
    /// A locked person's secret links (calendar feed, unsubscribe, invitations) stop working too.
    /// </summary>
    public static bool IsLockedAt(this AppUser user, DateTimeOffset now) => user.LockoutEnabled && user.LockoutEnd > now;

    /// <summary>
    /// The lockout end an administrator's lock sets. Unlike a lockout after failed sign-ins, which anyone who knows the
    /// address can cause, it means the person is out: their digests stop too.
    /// </summary>
    public static readonly DateTimeOffset LockedByAdministrator = DateTimeOffset.MaxValue;

    /// <summary>One person however they type their address: what sign-in attempts are counted by.</summary>
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();
}
