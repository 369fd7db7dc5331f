using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;
using Onboarding.Core.Time;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Plan;

/// <summary>Account leaders add tasks to a running plan by hand, with a what and, always, a why.</summary>
[Route("/engagements/{engagementId:int}/plan/tasks")]
[EngagementRoles(EngagementRole.AccountLeader)]
[OpenEngagementOnly]
public sealed class PlanTasksController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    private const string Page = "/Features/Plan/NewTask.cshtml";

    [HttpGet("new")]
    public async Task<IActionResult> New(int engagementId)
    {
        var engagement = await db.Engagements.AsNoTracking().FirstAsync(e => e.Id == engagementId);
        var day = PlanWriter.Calendar(engagement).RollForward(clock.TodayIn(engagement.TimeZone));
        var form = new NewTaskForm { Start = day.ToString("yyyy-MM-dd"), Due = day.ToString("yyyy-MM-dd") };
        return View(Page, await BuildPageAsync(engagement, form));
    }

    [HttpPost("")]
    public async Task<IActionResult> Add(int engagementId, NewTaskForm form)
    {
        ModelState.Clear();
        MarkdownInputAttribute.Validate(form, ModelState);
        var engagement = await db.Engagements.AsNoTracking().FirstAsync(e => e.Id == engagementId);
        var page = await BuildPageAsync(engagement, form);
        var task = form.TryRead(page.Phases, page.Members, PlanWriter.Calendar(engagement), clock.TodayIn(engagement.TimeZone), ModelState);
        if (task is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(Page, page);
        }

        var taken = await db.PlanTasks.Where(t => t.EngagementId == engagementId && t.Key.StartsWith(PlanTaskKeys.AddedPrefix)).Select(t => t.Key).ToListAsync();
        var entity = new PlanTask
        {
            EngagementId = engagementId,
            Key = PlanTaskKeys.ForAddedTask(task.Title, taken.ToHashSet()),
            Title = task.Title,
            PhaseKey = task.Phase.Key,
            PhaseTitle = task.Phase.Title,
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
        await db.SaveChangesAsync();
        db.RecordActivity(User, engagementId, $"Added task “{task.Title}” for {task.Owner.Name}, {task.Start:d MMM}–{task.Due:d MMM}", clock.GetUtcNow(), entity.Id);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"“{task.Title}” is in the plan.";
        return Redirect($"/engagements/{engagementId}/tasks/{entity.Id}");
    }

    private async Task<NewTaskViewModel> BuildPageAsync(Engagement engagement, NewTaskForm form)
    {
        var phases = await db.PlanTasks.AsNoTracking()
            .Where(t => t.EngagementId == engagement.Id)
            .GroupBy(t => new { t.PhaseKey, t.PhaseTitle })
            .Select(g => new { g.Key.PhaseKey, g.Key.PhaseTitle, Start = g.Min(t => t.Start) })
            .ToListAsync();
        // A plan without tasks still offers the usual three phases.
        var options = phases.Count == 0
            ? PlanTemplate.DefaultPhases.Select(p => new PhaseOption(p.Key, p.Title, engagement.Kickoff.AddDays(p.FromDay - 1))).ToList()
            : phases.OrderBy(p => p.Start).Select(p => new PhaseOption(p.PhaseKey, p.PhaseTitle, p.Start)).ToList();
        var members = await db.Members.AsNoTracking().Where(m => m.EngagementId == engagement.Id).OrderBy(m => m.Name).ToListAsync();
        return new NewTaskViewModel(engagement.Id, engagement.Name, engagement.WorkingDays, form, options, members);
    }
}

public sealed record NewTaskViewModel(
    int EngagementId, string EngagementName, WorkingDays WorkingDays, NewTaskForm Form, IReadOnlyList<PhaseOption> Phases, IReadOnlyList<Member> Members);
