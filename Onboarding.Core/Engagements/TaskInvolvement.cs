using System.Linq.Expressions;

namespace Onboarding.Core.Engagements;

/// <summary>
/// Whose task a task is: its owner's, and each participant's (a review the hiring managers attend is theirs too).
/// One rule for My checklist, the calendar feed and the digests, as expressions queries translate.
/// </summary>
public static class TaskInvolvement
{
    /// <summary>The member owns the task or takes part in it.</summary>
    public static Expression<Func<PlanTask, bool>> OfMember(int memberId) =>
        t => t.OwnerId == memberId || t.Participants.Any(p => p.MemberId == memberId);

    /// <summary>Any of the user's memberships owns the task or takes part in it.</summary>
    public static Expression<Func<PlanTask, bool>> OfUser(string userId) =>
        t => (t.Owner != null && t.Owner.UserId == userId) || t.Participants.Any(p => p.Member!.UserId == userId);
}
