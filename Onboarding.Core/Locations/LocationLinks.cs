using Onboarding.Core.Engagements;
using Onboarding.Core.Locations.Holidays;

namespace Onboarding.Core.Locations;

/// <summary>
/// Who works from a location decides the calendar of their tasks: linking or unlinking people moves their unfinished
/// tasks onto the days their locations share, so the leader sees every move before it is made.
/// </summary>
public static class LocationLinks
{
    /// <summary>
    /// Every task whose dates change once <paramref name="linked"/> work from <paramref name="location"/> and
    /// <paramref name="unlinked"/> no longer do. <paramref name="tasks"/> are all the engagement's tasks with their
    /// dependencies, owner and participants loaded, and those members' locations with their holidays.
    /// </summary>
    public static IReadOnlyList<TaskMove> Preview(
        Engagement engagement, IReadOnlyList<PlanTask> tasks, HiringLocation location, IReadOnlyList<Member> linked, IReadOnlyList<Member> unlinked)
    {
        var now = new LocationCalendars(PlanWriter.Calendar(engagement));
        return now.MovesTo(now.Relinked(location, linked, unlinked), tasks);
    }
}
