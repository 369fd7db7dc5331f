namespace Onboarding.Core.Engagements;

/// <summary>
/// What a person does in one engagement. Templates name these as owner roles in kebab case
/// (<c>account-leader</c>, <c>ta-lead</c>, ...); <see cref="EngagementRoles"/> converts.
/// </summary>
public enum EngagementRole
{
    AccountLeader,
    Recruiter,
    TaLead,
    HiringManager,
    ExecutiveSponsor,
}

public static class EngagementRoles
{
    private static readonly Dictionary<string, EngagementRole> ByKey = new(StringComparer.OrdinalIgnoreCase)
    {
        ["account-leader"] = EngagementRole.AccountLeader,
        ["recruiter"] = EngagementRole.Recruiter,
        ["ta-lead"] = EngagementRole.TaLead,
        ["hiring-manager"] = EngagementRole.HiringManager,
        ["executive-sponsor"] = EngagementRole.ExecutiveSponsor,
    };

    public static IReadOnlyCollection<string> Keys => ByKey.Keys;

    public static bool TryParse(string? key, out EngagementRole role) => ByKey.TryGetValue(key ?? "", out role);

    public static string ToKey(this EngagementRole role) => role switch
    {
        EngagementRole.AccountLeader => "account-leader",
        EngagementRole.Recruiter => "recruiter",
        EngagementRole.TaLead => "ta-lead",
        EngagementRole.HiringManager => "hiring-manager",
        EngagementRole.ExecutiveSponsor => "executive-sponsor",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string DisplayName(this EngagementRole role) => role switch
    {
        EngagementRole.AccountLeader => "Account leader",
        EngagementRole.Recruiter => "Recruiter",
        EngagementRole.TaLead => "TA lead",
        EngagementRole.HiringManager => "Hiring manager",
        EngagementRole.ExecutiveSponsor => "Executive sponsor",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The name inside a sentence: "the account leader", "the TA lead".</summary>
    public static string InSentence(this EngagementRole role) => Text.Words.InSentence(role.DisplayName());

    /// <summary>Client-side roles belong to the client organisation; the others to the provider.</summary>
    public static bool IsClientRole(this EngagementRole role) =>
        role is EngagementRole.TaLead or EngagementRole.HiringManager or EngagementRole.ExecutiveSponsor;
}
