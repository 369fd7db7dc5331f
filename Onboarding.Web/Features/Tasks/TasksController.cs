using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Tasks;

[Route("/engagements/{engagementId:int}/tasks/{taskId:int}")]
public sealed class TasksController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(int engagementId, int taskId)
    {
        var page = await BuildPageAsync(engagementId, taskId, statusForm: null, new CommentForm());
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("status")]
    public async Task<IActionResult> ChangeStatus(int engagementId, int taskId, StatusForm form)
    {
        var access = HttpContext.EngagementAccess();
        var task = await db.PlanTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.EngagementId == engagementId);
        if (task is null)
        {
            return NotFound();
        }
        if (!access.CanUpdate(task))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var now = clock.GetUtcNow();
        var result = TaskStatusChange.Apply(task, form.Status, form.BlockedReason, now);
        if (result.Error is not null)
        {
            ModelState.AddModelError(nameof(form.BlockedReason), result.Error);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Show", await BuildPageAsync(engagementId, taskId, form, new CommentForm()));
        }
        if (result.Changed)
        {
            Record(engagementId, task.Id, result.Description!, now);
            if (result.ReachedMilestone)
            {
                await ReachMilestoneAsync(engagementId, task, now);
            }
            await db.SaveChangesAsync();
        }
        TempData["Notice"] = result.Changed ? $"“{task.Title}” is now {task.Status.DisplayName().ToLowerInvariant()}." : "Nothing changed.";
        return Redirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : $"/engagements/{engagementId}/tasks/{taskId}");
    }

    [HttpPost("comments")]
    public async Task<IActionResult> Comment(int engagementId, int taskId, CommentForm form)
    {
        var task = await db.PlanTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.EngagementId == engagementId);
        if (task is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Show", await BuildPageAsync(engagementId, taskId, statusForm: null, form));
        }

        var now = clock.GetUtcNow();
        db.TaskComments.Add(new TaskComment { TaskId = task.Id, AuthorUserId = User.UserId(), AuthorName = User.DisplayName(), Body = form.Body.Trim(), CreatedAt = now });
        Record(engagementId, task.Id, $"Commented on “{task.Title}”", now);
        await db.SaveChangesAsync();
        return Redirect($"/engagements/{engagementId}/tasks/{taskId}#comments");
    }

    private void Record(int engagementId, int taskId, string description, DateTimeOffset now) =>
        db.Activity.Add(new ActivityEntry
        {
            EngagementId = engagementId,
            TaskId = taskId,
            At = now,
            ActorUserId = User.UserId(),
            ActorName = User.DisplayName(),
            Description = description,
        });

    /// <summary>A completed milestone task reaches its milestone and shows up among the wins by itself.</summary>
    private async Task ReachMilestoneAsync(int engagementId, PlanTask task, DateTimeOffset now)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.TaskId == task.Id && m.ReachedAt == null);
        if (milestone is not null)
        {
            milestone.ReachedAt = now;
        }
        db.Wins.Add(new Win
        {
            EngagementId = engagementId,
            Kind = WinKind.MilestoneReached,
            Title = $"Milestone reached: {milestone?.Title ?? task.Title}",
            TaskId = task.Id,
            AuthorUserId = User.UserId(),
            AuthorName = User.DisplayName(),
            CreatedAt = now,
        });
    }

    private async Task<TaskPageViewModel?> BuildPageAsync(int engagementId, int taskId, StatusForm? statusForm, CommentForm commentForm)
    {
        var task = await db.PlanTasks.AsNoTracking()
            .Include(t => t.Owner)
            .Include(t => t.Checklist.OrderBy(c => c.Position))
            .Include(t => t.DependsOn).ThenInclude(d => d.DependsOnTask)
            .Include(t => t.Comments.OrderBy(c => c.CreatedAt))
            .Include(t => t.Engagement)
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Id == taskId && t.EngagementId == engagementId);
        if (task is null)
        {
            return null;
        }
        var history = await db.Activity.AsNoTracking()
            .Where(a => a.EngagementId == engagementId && a.TaskId == taskId)
            .OrderByDescending(a => a.At).Take(50)
            .ToListAsync();
        // A rejected status form is shown as typed; otherwise the form starts from the saved status.
        statusForm ??= new StatusForm { Status = task.Status, BlockedReason = task.BlockedReason };
        return new TaskPageViewModel(task, history, HttpContext.EngagementAccess(), statusForm, commentForm);
    }
}

public sealed record TaskPageViewModel(PlanTask Task, IReadOnlyList<ActivityEntry> History, EngagementAccess Access, StatusForm StatusForm, CommentForm CommentForm);

public sealed class StatusForm
{
    [Display(Name = "Status")]
    public PlanTaskStatus Status { get; set; }

    [StringLength(1000, ErrorMessage = "Keep the reason under 1,000 characters.")]
    [Display(Name = "What blocks it")]
    public string? BlockedReason { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class CommentForm
{
    [Required(ErrorMessage = "Write a comment first.")]
    [StringLength(4000, ErrorMessage = "Keep comments under 4,000 characters.")]
    [Display(Name = "Add a comment")]
    public string Body { get; set; } = "";
}
