namespace Onboarding.Core.Engagements;

/// <summary>
/// Who works with whom: a recruiter assigned to a hiring manager of the same engagement. Many-to-many; a pair
/// exists at most once. A pair whose people changed role since is kept but shown nowhere (see
/// <see cref="RecruiterAssignments.Pairs"/>), so changing a role back brings it back.
/// </summary>
public sealed class RecruiterAssignment
{
    public int Id { get; set; }
    public int EngagementId { get; set; }

    public int RecruiterId { get; set; }
    public Member? Recruiter { get; set; }

    public int HiringManagerId { get; set; }
    public Member? HiringManager { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A task's owner changing from one member to another, kept so each person's next digest can say so once:
/// "Reassigned to you" to <see cref="ToMemberId"/>, "Moved to …" to <see cref="FromMemberId"/>.
/// </summary>
public sealed class TaskReassignment
{
    public long Id { get; set; }
    public int EngagementId { get; set; }

    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }

    /// <summary>Null when the task had no owner (nobody held its role).</summary>
    public int? FromMemberId { get; set; }
    public Member? FromMember { get; set; }

    public int ToMemberId { get; set; }
    public Member? ToMember { get; set; }

    public DateTimeOffset At { get; set; }
}
