namespace Onboarding.Core.Accounts;

/// <summary>
/// What a person of the provider may start in the app, set by an administrator. Client people have none:
/// what they may do follows from their role in each engagement.
/// </summary>
public enum AccountRole
{
    None = 0,
    Recruiter = 1,
    AccountLeader = 2,
    Administrator = 3,
}

public static class AccountRoles
{
    /// <summary>The roles an administrator can give to the provider's own people.</summary>
    public static IReadOnlyList<AccountRole> ProviderRoles { get; } = [AccountRole.Recruiter, AccountRole.AccountLeader, AccountRole.Administrator];

    /// <summary>Launching an engagement makes its launcher the account leader, so only leaders and administrators may.</summary>
    public static bool MayLaunch(this AccountRole role) => role is AccountRole.AccountLeader or AccountRole.Administrator;

    public static string DisplayName(this AccountRole role) => role switch
    {
        AccountRole.Recruiter => "Recruiter",
        AccountRole.AccountLeader => "Account leader",
        AccountRole.Administrator => "Administrator",
        _ => "Client stakeholder",
    };

    /// <summary>The name inside a sentence: "their account role is now account leader".</summary>
    public static string InSentence(this AccountRole role) => Text.Words.InSentence(role.DisplayName());
}
