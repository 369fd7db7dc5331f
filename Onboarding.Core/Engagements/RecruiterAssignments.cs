using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;

namespace Onboarding.Core.Engagements;

/// <summary>One recruiter–hiring manager pair as pages and digests show it.</summary>
public sealed record AssignedPair(int EngagementId, int RecruiterId, string RecruiterName, int HiringManagerId, string HiringManagerName);

/// <summary>The people a member works with: "Your hiring managers: Hana, Ian" or "Your recruiters: Riya".</summary>
public sealed record WorkingWith(string Label, IReadOnlyList<string> Names)
{
    public string Text => $"{Label}: {string.Join(", ", Names)}";
}

public enum AssignmentOutcome
{
    Added,
    Removed,
    Unchanged,

    /// <summary>No such member in this engagement (unknown, or another engagement's): 404.</summary>
    UnknownMember,

    /// <summary>The member is not a recruiter, or not a hiring manager: 400.</summary>
    WrongRole,
}

/// <summary><see cref="Description"/> is what the activity log records when something changed; <see cref="Message"/> what the leader is told.</summary>
public sealed record AssignmentResult(AssignmentOutcome Outcome, string Message, string? Description = null)
{
    public bool Changed => Outcome is AssignmentOutcome.Added or AssignmentOutcome.Removed;
}

/// <summary>
/// The rules of who works with whom. An account leader pairs recruiters with hiring managers of their
/// engagement; a pair names two current members, the first a recruiter and the second a hiring manager.
/// Changes are added to the context, not saved: the caller saves them with the activity entry.
/// </summary>
public static class RecruiterAssignments
{
    /// <summary>Pairs whose people still hold the roles the pair is about; a role change hides a pair.</summary>
    public static IQueryable<AssignedPair> Pairs(this IQueryable<RecruiterAssignment> assignments) => assignments
        .Where(a => a.Recruiter!.Role == EngagementRole.Recruiter && a.HiringManager!.Role == EngagementRole.HiringManager)
        .OrderBy(a => a.HiringManager!.Name).ThenBy(a => a.Recruiter!.Name).ThenBy(a => a.Id)
        .Select(a => new AssignedPair(a.EngagementId, a.RecruiterId, a.Recruiter!.Name, a.HiringManagerId, a.HiringManager!.Name));

    /// <summary>Whom <paramref name="memberId"/> works with, by their role; null for other roles or nobody assigned.</summary>
    public static WorkingWith? For(int memberId, EngagementRole role, IEnumerable<AssignedPair> pairs)
    {
        var (label, names) = role switch
        {
            EngagementRole.Recruiter => ("Your hiring managers", pairs.Where(p => p.RecruiterId == memberId).Select(p => p.HiringManagerName)),
            EngagementRole.HiringManager => ("Your recruiters", pairs.Where(p => p.HiringManagerId == memberId).Select(p => p.RecruiterName)),
            _ => ("", []),
        };
        var list = names.Distinct().Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        return list.Count == 0 ? null : new WorkingWith(label, list);
    }

    public static async Task<AssignmentResult> AssignAsync(
        OnboardingDbContext db, int engagementId, int recruiterId, int hiringManagerId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (recruiter, manager, refused) = await PairAsync(db, engagementId, recruiterId, hiringManagerId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (await db.RecruiterAssignments.AnyAsync(a => a.RecruiterId == recruiterId && a.HiringManagerId == hiringManagerId, cancellationToken))
        {
            return new AssignmentResult(AssignmentOutcome.Unchanged, $"{recruiter!.Name} already works with {manager!.Name}.");
        }
        db.RecruiterAssignments.Add(new RecruiterAssignment { EngagementId = engagementId, RecruiterId = recruiterId, HiringManagerId = hiringManagerId, CreatedAt = now });
        return new AssignmentResult(AssignmentOutcome.Added, $"{recruiter!.Name} now works with {manager!.Name}.", $"Assigned recruiter {recruiter.Name} to hiring manager {manager.Name}");
    }

    public static async Task<AssignmentResult> RemoveAsync(
        OnboardingDbContext db, int engagementId, int recruiterId, int hiringManagerId, CancellationToken cancellationToken = default)
    {
        var (recruiter, manager, refused) = await PairAsync(db, engagementId, recruiterId, hiringManagerId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var existing = await db.RecruiterAssignments.FirstOrDefaultAsync(a => a.RecruiterId == recruiterId && a.HiringManagerId == hiringManagerId, cancellationToken);
        if (existing is null)
        {
            return new AssignmentResult(AssignmentOutcome.Unchanged, $"{recruiter!.Name} was not assigned to {manager!.Name}; nothing changed.");
        }
        db.RecruiterAssignments.Remove(existing);
        return new AssignmentResult(AssignmentOutcome.Removed, $"{recruiter!.Name} no longer works with {manager!.Name}.", $"Unassigned recruiter {recruiter.Name} from hiring manager {manager.Name}");
    }

    private static async Task<(Member? Recruiter, Member? Manager, AssignmentResult? Refused)> PairAsync(
        OnboardingDbContext db, int engagementId, int recruiterId, int hiringManagerId, CancellationToken cancellationToken)
    {
        var people = await db.Members.AsNoTracking()
            .Where(m => m.EngagementId == engagementId && (m.Id == recruiterId || m.Id == hiringManagerId))
            .ToListAsync(cancellationToken);
        var recruiter = people.FirstOrDefault(m => m.Id == recruiterId);
        var manager = people.FirstOrDefault(m => m.Id == hiringManagerId);
        if (recruiter is null || manager is null)
        {
            var missing = recruiter is null ? $"recruiter #{recruiterId}" : $"hiring manager #{hiringManagerId}";
            return (null, null, new AssignmentResult(AssignmentOutcome.UnknownMember, $"There is no {missing} among this engagement's stakeholders; choose one from the lists."));
        }
        if (recruiter.Role != EngagementRole.Recruiter)
        {
            return (null, null, new AssignmentResult(AssignmentOutcome.WrongRole, $"{recruiter.Name} is {Article(recruiter.Role)}, not a recruiter: only recruiters are assigned to hiring managers."));
        }
        if (manager.Role != EngagementRole.HiringManager)
        {
            return (null, null, new AssignmentResult(AssignmentOutcome.WrongRole, $"{manager.Name} is {Article(manager.Role)}, not a hiring manager: recruiters are assigned to hiring managers."));
        }
        return (recruiter, manager, null);
    }

    private static string Article(EngagementRole role)
    {
        // An engagement has one TA lead, so "the"; the others are one of several.
        var name = role.InSentence();
        return role == EngagementRole.TaLead ? $"the {name}" : $"{("aeiou".Contains(name[0]) ? "an" : "a")} {name}";
    }
}
