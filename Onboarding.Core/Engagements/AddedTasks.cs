using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Templates;

namespace Onboarding.Core.Engagements;

/// <summary>A task added by hand (the plan's add-a-task form, a check-in's action item), checked and ready to save.</summary>
public sealed record TaskToAdd(string Title, string PhaseKey, string PhaseTitle, DateOnly Start, DateOnly Due, Member Owner, string What, string Why, bool IsMilestone = false);

/// <summary>A phase of the running plan: the key and title its tasks carry, and the days they span.</summary>
public sealed record PlanPhase(string Key, string Title, DateOnly From, DateOnly To);

/// <summary>
/// The one way a task joins a running plan outside the template: a key under <see cref="PlanTaskKeys.AddedPrefix"/>
/// that no other task has, and its milestone when it is one. Added to the context, not saved.
/// </summary>
public static class AddedTasks
{
    public static async Task<PlanTask> AddAsync(OnboardingDbContext db, int engagementId, TaskToAdd task, CancellationToken cancellationToken = default)
    {
        var taken = await db.PlanTasks.Where(t => t.EngagementId == engagementId && t.Key.StartsWith(PlanTaskKeys.AddedPrefix)).Select(t => t.Key).ToListAsync(cancellationToken);
        // Tasks added but not yet saved (several action items of one meeting) take keys too.
        taken.AddRange(db.PlanTasks.Local.Where(t => t.EngagementId == engagementId && t.Id <= 0).Select(t => t.Key));
        var entity = new PlanTask
        {
            EngagementId = engagementId,
            Key = PlanTaskKeys.ForAddedTask(task.Title, taken.ToHashSet()),
            Title = task.Title,
            PhaseKey = task.PhaseKey,
            PhaseTitle = task.PhaseTitle,
            Start = task.Start,
            Due = task.Due,
            OwnerRole = task.Owner.Role,
            OwnerId = task.Owner.Id,
            What = task.What,
            Why = task.Why,
            IsMilestone = task.IsMilestone,
        };
        db.PlanTasks.Add(entity);
        if (task.IsMilestone)
        {
            db.Milestones.Add(new Milestone { EngagementId = engagementId, Title = task.Title, Date = task.Due, Task = entity });
        }
        return entity;
    }

    /// <summary>The plan's phases in order of their first day; a plan without tasks still offers the usual three.</summary>
    public static async Task<IReadOnlyList<PlanPhase>> PhasesAsync(OnboardingDbContext db, int engagementId, CancellationToken cancellationToken = default)
    {
        var phases = await db.PlanTasks.AsNoTracking()
            .Where(t => t.EngagementId == engagementId)
            .GroupBy(t => new { t.PhaseKey, t.PhaseTitle })
            .Select(g => new { g.Key.PhaseKey, g.Key.PhaseTitle, From = g.Min(t => t.Start), To = g.Max(t => t.Due) })
            .ToListAsync(cancellationToken);
        if (phases.Count > 0)
        {
            return phases.OrderBy(p => p.From).Select(p => new PlanPhase(p.PhaseKey, p.PhaseTitle, p.From, p.To)).ToList();
        }
        var kickoff = await db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Kickoff).SingleAsync(cancellationToken);
        return PlanTemplate.DefaultPhases.Select(p => new PlanPhase(p.Key, p.Title, kickoff.AddDays(p.FromDay - 1), kickoff.AddDays(p.ToDay - 1))).ToList();
    }

    /// <summary>
    /// The phase a task due on <paramref name="date"/> belongs to: the last phase that has started by then (phases
    /// overlap at their edges, and the later one is where new work goes), or the first when none has.
    /// </summary>
    public static PlanPhase PhaseOn(IReadOnlyList<PlanPhase> phases, DateOnly date) =>
        phases.LastOrDefault(p => p.From <= date) ?? phases[0];
}
