using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
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

        var entity = await AddedTasks.AddAsync(db, engagementId,
            new TaskToAdd(task.Title, task.Phase.Key, task.Phase.Title, task.Start, task.Due, task.Owner, task.What, task.Why, task.IsMilestone));
        await db.SaveChangesAsync();
        db.RecordActivity(User, engagementId, $"Added task “{task.Title}” for {task.Owner.Name}, {task.Start:d MMM}–{task.Due:d MMM}", clock.GetUtcNow(), entity.Id);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"“{task.Title}” is in the plan.";
        return Redirect($"/engagements/{engagementId}/tasks/{entity.Id}");
    }

    private async Task<NewTaskViewModel> BuildPageAsync(Engagement engagement, NewTaskForm form)
    {
        var options = (await AddedTasks.PhasesAsync(db, engagement.Id)).Select(p => new PhaseOption(p.Key, p.Title, p.From)).ToList();
        var members = await db.Members.AsNoTracking().Where(m => m.EngagementId == engagement.Id).OrderBy(m => m.Name).ToListAsync();
        return new NewTaskViewModel(engagement.Id, engagement.Name, engagement.WorkingDays, form, options, members);
    }
}

public sealed record NewTaskViewModel(
    int EngagementId, string EngagementName, WorkingDays WorkingDays, NewTaskForm Form, IReadOnlyList<PhaseOption> Phases, IReadOnlyList<Member> Members);
