namespace Onboarding.Core.Engagements;

/// <summary>
/// Go-live as a milestone of every view (web timeline, pack timeline, digests, calendar feed). It is derived
/// from <see cref="Engagement.GoLive"/> rather than stored as a milestone row, so rescheduling go-live moves it
/// everywhere at once and no view can show a stale copy.
/// </summary>
public static class GoLiveMilestone
{
    public const string Title = "Go-live";

    /// <summary>Go-live is reached on its own day: the service is live from that morning.</summary>
    public static bool IsReached(DateOnly goLive, DateOnly today) => today >= goLive;

    /// <summary>One UID per engagement that never changes when go-live moves, so calendar apps move the event instead of adding a second.</summary>
    public static string CalendarUid(int engagementId) => $"go-live-{engagementId}@onboarding";
}
