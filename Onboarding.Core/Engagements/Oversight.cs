namespace Onboarding.Core.Engagements;

/// <summary>Whose late or blocked work a role keeps an eye on, besides their own.</summary>
public static class Oversight
{
    /// <summary>
    /// The account leader watches everyone's tasks; the TA lead, the client's programme owner, watches the
    /// client side's (tasks owned by a TA lead, hiring manager or executive sponsor). Others watch only their own.
    /// </summary>
    public static bool Watches(this EngagementRole viewer, EngagementRole? ownerRole) =>
        viewer == EngagementRole.AccountLeader || (viewer == EngagementRole.TaLead && ownerRole is { } owner && owner.IsClientRole());
}
