using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Locations.Holidays;
using Onboarding.Core.Plans;
using Onboarding.Core.Time;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Features.Plan;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Reschedule;

/// <summary>
/// Moving kickoff, go-live or one task, in three steps: a form, a preview of every task that moves
/// (old and new dates, warnings), then a confirmation that applies exactly that. Done tasks never move.
/// </summary>
[Route("/engagements/{engagementId:int}/reschedule")]
[EngagementRoles(EngagementRole.AccountLeader)]
[OpenEngagementOnly]
public sealed class RescheduleController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId, RescheduleTarget? target, int? taskId)
    {
        var plan = await LoadAsync(engagementId);
        var task = plan.Tasks.FirstOrDefault(t => t.Id == taskId);
        var form = new RescheduleForm
        {
            Target = task is null ? target ?? RescheduleTarget.Kickoff : RescheduleTarget.Task,
            TaskId = task?.Id,
            Date = (task?.Start ?? (target == RescheduleTarget.GoLive ? plan.Engagement.GoLive : plan.Engagement.Kickoff)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return View(new RescheduleViewModel(plan.Engagement, plan.Tasks, form, null));
    }

    [HttpPost("preview")]
    public async Task<IActionResult> Preview(int engagementId, RescheduleForm form)
    {
        ModelState.Clear();
        var plan = await LoadAsync(engagementId);
        var read = Read(plan, form, clock.TodayIn(plan.Engagement.TimeZone), ModelState);
        if (read is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", new RescheduleViewModel(plan.Engagement, plan.Tasks, form, null));
        }
        return View("Index", new RescheduleViewModel(plan.Engagement, plan.Tasks, form, read.Value.Moves) { RollNote = read.Value.RollNote });
    }

    [HttpPost("")]
    public async Task<IActionResult> Confirm(int engagementId, RescheduleForm form)
    {
        ModelState.Clear();
        var plan = await LoadAsync(engagementId);
        var read = Read(plan, form, clock.TodayIn(plan.Engagement.TimeZone), ModelState);
        if (read is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", new RescheduleViewModel(plan.Engagement, plan.Tasks, form, null));
        }

        var engagement = plan.Engagement;
        var (moves, date, rollNote) = read.Value;
        var what = form.Target switch
        {
            RescheduleTarget.Kickoff => $"kickoff from {engagement.Kickoff:d MMM yyyy} to {date:d MMM yyyy}",
            RescheduleTarget.GoLive => $"go-live from {engagement.GoLive:d MMM yyyy} to {date:d MMM yyyy}",
            _ => $"“{plan.Tasks.Single(t => t.Id == form.TaskId).Title}” to start on {date:d MMM yyyy}",
        };
        PlanReschedule.Apply(engagement, moves, plan.Milestones, form.Target, date);
        var now = clock.GetUtcNow();
        db.RecordActivity(User, engagementId, $"Moved {what}: {moves.Count} task{(moves.Count == 1 ? "" : "s")} moved, done tasks kept their dates", now);
        if (form.Target == RescheduleTarget.Task)
        {
            // A task move touches few tasks: each one's history says when and why it moved.
            foreach (var move in moves)
            {
                var why = move.Task.Id == form.TaskId && rollNote is not null ? $" ({rollNote.TrimEnd('.')})" : "";
                db.RecordActivity(User, engagementId, $"Rescheduled “{move.Task.Title}”: {move.NewStart:d MMM}–{move.NewDue:d MMM}{why}", now, move.Task.Id);
            }
        }
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Moved {what}; {moves.Count} task{(moves.Count == 1 ? "" : "s")} moved.{(rollNote is null ? "" : $" {rollNote}")}";
        return Redirect($"/engagements/{engagementId}/plan");
    }

    /// <summary>
    /// The moves the form asks for, the checked date and, for a task its locations do not work on that date, why it starts
    /// later; or null with an error next to each field that is wrong.
    /// </summary>
    private static (IReadOnlyList<TaskMove> Moves, DateOnly Date, string? RollNote)? Read(LoadedPlan plan, RescheduleForm form, DateOnly today, ModelStateDictionary errors)
    {
        var engagement = plan.Engagement;
        PlanTask? task = null;
        DateOnly? date = null;
        switch (form.Target)
        {
            case RescheduleTarget.Task:
                task = plan.Tasks.FirstOrDefault(t => t.Id == form.TaskId);
                if (task is null)
                {
                    errors.AddModelError(nameof(form.TaskId), "Choose the task to move.");
                }
                else if (task.Status == PlanTaskStatus.Done)
                {
                    errors.AddModelError(nameof(form.TaskId), $"“{task.Title}” is done: its dates are history and never move.");
                }
                date = NewTaskForm.ReadWorkingDay(form.Date, nameof(form.Date), "new start", PlanWriter.Calendar(engagement), today, errors);
                if (task is not null && date == task.Start)
                {
                    errors.AddModelError(nameof(form.Date), $"“{task.Title}” already starts on {date:ddd d MMM yyyy}.");
                }
                break;
            case RescheduleTarget.Kickoff or RescheduleTarget.GoLive:
                date = ReadDate(form.Date, form.Target == RescheduleTarget.Kickoff ? "kickoff" : "go-live", today, errors);
                var current = form.Target == RescheduleTarget.Kickoff ? engagement.Kickoff : engagement.GoLive;
                if (date is null)
                {
                    break;
                }
                if (date == current)
                {
                    errors.AddModelError(nameof(form.Date), $"{(form.Target == RescheduleTarget.Kickoff ? "Kickoff" : "Go-live")} is already on {current:ddd d MMM yyyy}.");
                }
                else if (form.Target == RescheduleTarget.Kickoff && date > engagement.GoLive)
                {
                    errors.AddModelError(nameof(form.Date), $"Kickoff cannot move after go-live ({engagement.GoLive:d MMM yyyy}); move go-live first.");
                }
                else if (form.Target == RescheduleTarget.GoLive && date < engagement.Kickoff)
                {
                    errors.AddModelError(nameof(form.Date), $"Go-live cannot move before kickoff ({engagement.Kickoff:d MMM yyyy}).");
                }
                break;
            default:
                errors.AddModelError(nameof(form.Target), "Choose what to move: kickoff, go-live or one task.");
                break;
        }
        if (!errors.IsValid || date is null)
        {
            return null;
        }
        var moves = PlanReschedule.Preview(engagement, plan.Tasks, plan.Anchors, form.Target, date.Value, task?.Id);
        return (moves, date.Value, task is null ? null : PlanReschedule.RollNote(engagement, task, date.Value, moves));
    }

    private static DateOnly? ReadDate(string? text, string what, DateOnly today, ModelStateDictionary errors)
    {
        if (!DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.AddModelError(nameof(RescheduleForm.Date), string.IsNullOrWhiteSpace(text) ? "Enter the new date." : $"'{TextLimits.Fit(text, 80)}' is not a date; use YYYY-MM-DD.");
            return null;
        }
        if (PlanDates.Check(date, today, $"new {what}") is { } error)
        {
            errors.AddModelError(nameof(RescheduleForm.Date), error);
            return null;
        }
        return date;
    }

    private async Task<LoadedPlan> LoadAsync(int engagementId)
    {
        var engagement = await db.Engagements.FirstAsync(e => e.Id == engagementId);
        var tasks = await LocatedTasks.LoadAsync(db, engagementId);
        var snapshots = await db.TemplateSnapshots.AsNoTracking().Where(s => s.EngagementId == engagementId).ToListAsync();
        var milestones = await db.Milestones.Where(m => m.EngagementId == engagementId && m.TaskId != null && m.ReachedAt == null).ToListAsync();
        return new LoadedPlan(engagement, tasks, snapshots.ToDictionary(s => s.Id, PlanReschedule.AnchorOf), milestones);
    }

    private sealed record LoadedPlan(
        Engagement Engagement, IReadOnlyList<PlanTask> Tasks, IReadOnlyDictionary<int, TemplateAnchors> Anchors, IReadOnlyList<Milestone> Milestones);
}

public sealed record RescheduleViewModel(Engagement Engagement, IReadOnlyList<PlanTask> Tasks, RescheduleForm Form, IReadOnlyList<TaskMove>? Moves)
{
    /// <summary>Why the moved task starts later than the date asked: its locations do not work that day.</summary>
    public string? RollNote { get; init; }

    public int DoneTasks => Tasks.Count(t => t.Status == PlanTaskStatus.Done);
}

/// <summary>The reschedule form as typed; the preview's confirmation posts the same fields back.</summary>
public sealed class RescheduleForm
{
    public RescheduleTarget Target { get; set; }
    public string Date { get; set; } = "";
    public int? TaskId { get; set; }
}
