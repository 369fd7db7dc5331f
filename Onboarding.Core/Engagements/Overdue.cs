using System.Linq.Expressions;

namespace Onboarding.Core.Engagements;

/// <summary>
/// The one definition of overdue: open (neither done nor skipped) and due before today, where today is the
/// day in the zone of whoever asks. As an expression for queries and as a test for what is already loaded.
/// </summary>
public static class Overdue
{
    public static Expression<Func<PlanTask, bool>> On(DateOnly today) =>
        t => t.Due < today && t.Status != PlanTaskStatus.Done && t.Status != PlanTaskStatus.Skipped;

    public static bool Is(PlanTaskStatus status, DateOnly due, DateOnly today) =>
        due < today && status is not (PlanTaskStatus.Done or PlanTaskStatus.Skipped);
}
