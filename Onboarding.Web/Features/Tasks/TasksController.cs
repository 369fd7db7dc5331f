using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Locations;
using Onboarding.Core.Locations.Holidays;
using Onboarding.Core.People;
using Onboarding.Core.Text;
using Onboarding.Core.Time;
using Onboarding.Web.Features.Engagements;
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
    [OpenEngagementOnly]
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

        // Asking for the status the task already has is harmless; anything else on an older version would overwrite.
        if (task.Status != form.Status && task.StaleEdit(form.Version, $"“{task.Title}”", User.TimeZone()) is { } stale)
        {
            return await RefuseStaleAsync(engagementId, taskId, form, task.Version, stale);
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
            task.ChangedNowBy(User.DisplayName(), now);
            db.RecordActivity(User, engagementId, result.Description!, now, task.Id);
            if (result.ReachedMilestone)
            {
                await ReachMilestoneAsync(engagementId, task, now);
            }
            if (!await db.TrySaveAsync())
            {
                var current = await db.PlanTasks.AsNoTracking().FirstAsync(t => t.Id == taskId);
                return await RefuseStaleAsync(engagementId, taskId, form, current.Version, Versioned.ChangedSince(current, $"“{current.Title}”", User.TimeZone()));
            }
        }
        TempData["Notice"] = result.Changed ? $"“{task.Title}” is now {task.Status.DisplayName().ToLowerInvariant()}." : "Nothing changed.";
        return Redirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : $"/engagements/{engagementId}/tasks/{taskId}");
    }

    [HttpPost("comments")]
    [OpenEngagementOnly]
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
        db.RecordActivity(User, engagementId, $"Commented on “{task.Title}”", now, task.Id);
        await db.SaveChangesAsync();
        return Redirect($"/engagements/{engagementId}/tasks/{taskId}#comments");
    }

    /// <summary>
    /// Whoever may update the task ticks its checklist; the whole list is saved at once, on the task's version the page
    /// showed, so two people ticking at once cannot undo each other's ticks unnoticed.
    /// </summary>
    [HttpPost("checklist")]
    [OpenEngagementOnly]
    public async Task<IActionResult> Checklist(int engagementId, int taskId, ChecklistForm form)
    {
        var task = await db.PlanTasks.Include(t => t.Checklist).FirstOrDefaultAsync(t => t.Id == taskId && t.EngagementId == engagementId);
        if (task is null)
        {
            return NotFound();
        }
        if (!HttpContext.EngagementAccess().CanUpdate(task))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (task.StaleEdit(form.Version, $"“{task.Title}”", User.TimeZone()) is { } stale)
        {
            return await RefuseChecklistAsync(engagementId, taskId, stale);
        }
        var ticked = form.Done.ToHashSet();
        var changed = 0;
        foreach (var item in task.Checklist.Where(item => item.Done != ticked.Contains(item.Id)))
        {
            item.Done = !item.Done;
            changed++;
        }
        if (changed > 0)
        {
            var now = clock.GetUtcNow();
            // Touching the task bumps its version, which is what makes a concurrent tick on the same list fail.
            task.ChangedNowBy(User.DisplayName(), now);
            db.RecordActivity(User, engagementId, $"Checklist of “{task.Title}”: {ChecklistProgress.Text(task.Checklist.Count(c => c.Done), task.Checklist.Count)}", now, task.Id);
            if (!await db.TrySaveAsync())
            {
                var current = await db.PlanTasks.AsNoTracking().FirstAsync(t => t.Id == taskId);
                return await RefuseChecklistAsync(engagementId, taskId, Versioned.ChangedSince(current, $"“{current.Title}”", User.TimeZone()));
            }
        }
        TempData["Notice"] = changed > 0 ? "The checklist is saved." : "Nothing changed.";
        return Redirect($"/engagements/{engagementId}/tasks/{taskId}#checklist");
    }

    private async Task<IActionResult> RefuseChecklistAsync(int engagementId, int taskId, string message)
    {
        ModelState.AddModelError("Checklist", message + " Tick the items again on this page.");
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Show", await BuildPageAsync(engagementId, taskId, statusForm: null, new CommentForm()));
    }

    /// <summary>Skipping keeps the task in the plan, marked skipped with the reason, so everyone sees it was decided.</summary>
    [HttpPost("skip")]
    [EngagementRoles(EngagementRole.AccountLeader)]
    [OpenEngagementOnly]
    public async Task<IActionResult> Skip(int engagementId, int taskId, SkipForm form)
    {
        var task = await db.PlanTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.EngagementId == engagementId);
        if (task is null)
        {
            return NotFound();
        }
        if (task.Status == PlanTaskStatus.Done)
        {
            ModelState.AddModelError(nameof(form.SkipReason), "This task is done: its completion is history and cannot be skipped.");
        }
        else if (task.Status == PlanTaskStatus.Skipped)
        {
            ModelState.AddModelError(nameof(form.SkipReason), "This task is already skipped.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Show", await BuildPageAsync(engagementId, taskId, statusForm: null, new CommentForm(), skipForm: form));
        }

        var reason = form.SkipReason.Trim();
        task.Status = PlanTaskStatus.Skipped;
        task.SkippedReason = reason;
        task.BlockedReason = null;
        db.RecordActivity(User, engagementId, $"Skipped “{task.Title}”: {reason}", clock.GetUtcNow(), task.Id);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"“{task.Title}” is skipped.";
        return Redirect($"/engagements/{engagementId}/tasks/{taskId}");
    }

    /// <summary>Removing deletes the task as <see cref="PlanRemovals"/> says; the activity log keeps what it was and why it went.</summary>
    [HttpPost("remove")]
    [EngagementRoles(EngagementRole.AccountLeader)]
    [OpenEngagementOnly]
    public async Task<IActionResult> Remove(int engagementId, int taskId, RemoveForm form)
    {
        var task = await db.PlanTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.EngagementId == engagementId);
        if (task is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Show", await BuildPageAsync(engagementId, taskId, statusForm: null, new CommentForm(), removeForm: form));
        }

        var description = await PlanRemovals.RemoveTaskAsync(db, task, form.RemoveReason);
        db.RecordActivity(User, engagementId, description, clock.GetUtcNow());
        await db.SaveChangesAsync();
        TempData["Notice"] = $"“{task.Title}” was removed from the plan; the activity log keeps the reason.";
        return Redirect($"/engagements/{engagementId}/plan");
    }

    /// <summary>The leader hands the task to another member; the rules are <see cref="TaskOwnerChange"/>'s.</summary>
    [HttpPost("owner")]
    [EngagementRoles(EngagementRole.AccountLeader)]
    [OpenEngagementOnly]
    public async Task<IActionResult> Reassign(int engagementId, int taskId, ReassignForm form)
    {
        if (!ModelState.IsValid || form.OwnerId is not { } ownerId)
        {
            return await RefuseReassignAsync(engagementId, taskId, form, StatusCodes.Status400BadRequest, "Choose the new owner from the list.");
        }
        var now = clock.GetUtcNow();
        // Loaded first and tracked, so the task handed over below is one of these, with its owner as it was.
        var tasks = await LocatedTasks.LoadAsync(db, engagementId, HttpContext.RequestAborted);
        var previousOwner = tasks.FirstOrDefault(t => t.Id == taskId)?.Owner;
        var result = await TaskOwnerChange.ReassignAsync(db, engagementId, taskId, ownerId, form.Version, User.DisplayName(), User.TimeZone(), now, HttpContext.RequestAborted);
        form.Version = result.Version ?? form.Version;
        switch (result.Outcome)
        {
            case ReassignOutcome.UnknownTask:
                return NotFound();
            case ReassignOutcome.UnknownMember:
                return await RefuseReassignAsync(engagementId, taskId, form, StatusCodes.Status404NotFound, result.Message);
            case ReassignOutcome.Stale:
                return await RefuseReassignAsync(engagementId, taskId, form, StatusCodes.Status409Conflict, result.Message);
            case ReassignOutcome.Refused:
                return await RefuseReassignAsync(engagementId, taskId, form, StatusCodes.Status422UnprocessableEntity, result.Message);
            case ReassignOutcome.Reassigned:
                // The task goes onto the days its new owner's locations work: every move is shown before it is made.
                var task = tasks.Single(t => t.Id == taskId);
                await db.Entry(task.Owner!).Collection(m => m.Locations).Query().Include(l => l.Holidays).LoadAsync(HttpContext.RequestAborted);
                var engagement = await db.Engagements.FirstAsync(e => e.Id == engagementId);
                var moves = TaskOwnerChange.Moves(engagement, tasks, task, previousOwner);
                if (moves.Count > 0 && !form.Confirmed)
                {
                    return View("ReassignPreview", new ReassignPreviewModel(engagementId, engagement.Name, task, $"“{task.Title}” would become {task.Owner!.Name}'s.", form, moves));
                }
                var milestones = await db.Milestones.Where(m => m.EngagementId == engagementId && m.TaskId != null && m.ReachedAt == null).ToListAsync();
                PlanReschedule.Apply(engagement, moves, milestones, RescheduleTarget.Task, engagement.Kickoff);
                var moved = moves.Count == 0 ? null : $"{Words.Count(moves.Count, "task")} moved to fit {task.Owner!.Name}'s calendar";
                db.RecordActivity(User, engagementId, moved is null ? result.Description! : $"{result.Description}; {moved}", now, taskId);
                result = moved is null ? result : result with { Message = $"{result.Message} {moved}." };
                if (!await db.TrySaveAsync())
                {
                    var current = await db.PlanTasks.AsNoTracking().FirstAsync(t => t.Id == taskId);
                    form.Version = current.Version;
                    return await RefuseReassignAsync(engagementId, taskId, form, StatusCodes.Status409Conflict, Versioned.ChangedSince(current, $"“{current.Title}”", User.TimeZone()));
                }
                break;
        }
        TempData["Notice"] = result.Message;
        return Redirect($"/engagements/{engagementId}/tasks/{taskId}");
    }

    private async Task<IActionResult> RefuseReassignAsync(int engagementId, int taskId, ReassignForm form, int status, string message)
    {
        ModelState.Clear();
        ModelState.AddModelError(nameof(form.OwnerId), message);
        Response.StatusCode = status;
        return View("Show", await BuildPageAsync(engagementId, taskId, statusForm: null, new CommentForm(), reassignForm: form));
    }

    private async Task<IActionResult> RefuseStaleAsync(int engagementId, int taskId, StatusForm form, int currentVersion, string message)
    {
        ModelState.AddModelError(nameof(form.Status), message);
        form.Version = currentVersion;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Show", await BuildPageAsync(engagementId, taskId, form, new CommentForm()));
    }

    /// <summary>A completed milestone task reaches its milestone and shows up among the wins by itself, once (done again after a reopen adds none).</summary>
    private async Task ReachMilestoneAsync(int engagementId, PlanTask task, DateTimeOffset now)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.TaskId == task.Id && m.ReachedAt == null);
        if (milestone is not null)
        {
            milestone.ReachedAt = now;
        }
        if (await db.Wins.AnyAsync(w => w.TaskId == task.Id && w.Kind == WinKind.MilestoneReached))
        {
            return;
        }
        db.Wins.Add(new Win
        {
            EngagementId = engagementId,
            Kind = WinKind.MilestoneReached,
            Title = Win.MilestoneTitle(milestone?.Title ?? task.Title),
            TaskId = task.Id,
            AuthorUserId = User.UserId(),
            AuthorName = User.DisplayName(),
            CreatedAt = now,
        });
    }

    /// <summary>
    /// For an open task several people attend (the kickoff, a review), when its owner and participants are all working
    /// in the week it opens, or from today once it has, in the reader's zone.
    /// </summary>
    private async Task<CommonWeek?> MeetingWeekAsync(PlanTask task)
    {
        if (task.Participants.Count == 0 || task.Status is PlanTaskStatus.Done or PlanTaskStatus.Skipped)
        {
            return null;
        }
        var ids = task.Participants.Select(p => (int?)p.MemberId).Prepend(task.OwnerId).OfType<int>().Distinct().ToList();
        var zone = User.TimeZone();
        var today = clock.TodayIn(zone);
        var from = task.Start > today ? task.Start : today;
        // A day either side of the week: a person's date can differ from the reader's.
        var clocks = await MemberClocks.LoadAsync(db, ids, from.AddDays(-1), from.AddDays(8));
        return CommonHours.Week(ids.Select(id => clocks[id]).ToList(), from, zone);
    }

    private async Task<TaskPageViewModel?> BuildPageAsync(
        int engagementId, int taskId, StatusForm? statusForm, CommentForm commentForm, SkipForm? skipForm = null, RemoveForm? removeForm = null,
        ReassignForm? reassignForm = null)
    {
        var task = await db.PlanTasks.AsNoTracking()
            .Include(t => t.Owner)
            .Include(t => t.Participants).ThenInclude(p => p.Member)
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
        var people = await db.Members.AsNoTracking()
            .Where(m => m.EngagementId == engagementId)
            .OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new TaskPerson(m.Id, m.Name, m.Role))
            .ToListAsync();
        var worksWith = task.Owner is { } owner
            ? RecruiterAssignments.For(owner.Id, owner.Role, await db.RecruiterAssignments.AsNoTracking().Where(a => a.EngagementId == engagementId).Pairs().ToListAsync())
            : null;
        return new TaskPageViewModel(task, history, HttpContext.EngagementAccess(), statusForm, commentForm, skipForm ?? new SkipForm(), removeForm ?? new RemoveForm())
        {
            People = people,
            OwnerWorksWith = worksWith,
            MeetingHours = await MeetingWeekAsync(task),
            MarketCards = MarketTasks.IsAbout(task.Key) ? await MarketCardLinks.ForMemberAsync(db, engagementId, task.OwnerId) : [],
            ReassignForm = reassignForm ?? new ReassignForm { OwnerId = task.OwnerId },
            Words = await ReaderWords.LoadAsync(db, engagementId, HttpContext.EngagementAccess().Role),
            OpenLogEntries = await db.LogEntryTasks.AsNoTracking()
                .Where(l => l.TaskId == taskId)
                .Select(l => l.LogEntry!)
                .Where(LogEntries.VisibleTo(HttpContext.EngagementAccess() is { IsAdministrator: false, Role: { } role } && role.IsClientRole()))
                .Where(e => e.Status == LogEntryStatus.Open)
                .OrderBy(e => e.Id)
                .Select(e => new TaskLogEntry(e.Id, e.Kind, e.Title, e.Severity))
                .ToListAsync(),
        };
    }
}

public sealed record TaskPageViewModel(
    PlanTask Task, IReadOnlyList<ActivityEntry> History, EngagementAccess Access, StatusForm StatusForm, CommentForm CommentForm,
    SkipForm SkipForm, RemoveForm RemoveForm)
{
    public bool IsReadOnly => Task.Engagement!.Status == EngagementStatus.Closed;

    /// <summary>The engagement's members, whom the leader may hand the task to.</summary>
    public IReadOnlyList<TaskPerson> People { get; init; } = [];

    /// <summary>Whom the owner works with ("Your hiring managers: …"), said to the owner, or with the owner's name to others.</summary>
    public WorkingWith? OwnerWorksWith { get; init; }

    public ReassignForm ReassignForm { get; init; } = new();

    /// <summary>For an open task several people attend, when they are all working; null for others.</summary>
    public CommonWeek? MeetingHours { get; init; }

    /// <summary>For a task about the local market, the cards of its owner's locations.</summary>
    public IReadOnlyList<MarketCardLink> MarketCards { get; init; } = [];

    /// <summary>Open log entries linked to the task that the reader may see.</summary>
    public IReadOnlyList<TaskLogEntry> OpenLogEntries { get; init; } = [];

    /// <summary>The reader's words: a client stakeholder reads the client's (<see cref="ReaderWords"/>).</summary>
    public ReaderWords Words { get; init; } = ReaderWords.AsWritten;

    public string? WorksWithText => OwnerWorksWith is not { } people ? null
        : Access.Member?.Id == Task.OwnerId ? people.Text
        : $"{Task.Owner!.Name}'s {people.Label["Your ".Length..]}: {string.Join(", ", people.Names)}";
}

public sealed record TaskLogEntry(int Id, LogEntryKind Kind, string Title, LogSeverity Severity);

public sealed record TaskPerson(int Id, string Name, EngagementRole Role);

public sealed class ReassignForm
{
    [Required(ErrorMessage = "Choose the new owner from the list.")]
    [Display(Name = "New owner")]
    public int? OwnerId { get; set; }

    /// <summary>The version the page was opened on, so a change over someone else's newer one is refused.</summary>
    public int? Version { get; set; }

    /// <summary>The leader has seen the tasks handing it over moves (<see cref="ReassignPreviewModel"/>).</summary>
    public bool Confirmed { get; set; }
}

/// <summary>Handing a task to someone whose locations work other days moves it, and the tasks after it: shown before it is made.</summary>
public sealed record ReassignPreviewModel(int EngagementId, string EngagementName, PlanTask Task, string Change, ReassignForm Form, IReadOnlyList<TaskMove> Moves);

public sealed class ChecklistForm
{
    /// <summary>The ids of the items ticked; the others are not done.</summary>
    public List<int> Done { get; set; } = [];

    /// <summary>The version the page was opened on, so ticks over someone else's newer save are refused.</summary>
    public int? Version { get; set; }
}

public sealed class StatusForm
{
    [Display(Name = "Status")]
    public PlanTaskStatus Status { get; set; }

    [TextLimit(TextLimits.Reason, "What blocks the task")]
    [Display(Name = "What blocks it")]
    public string? BlockedReason { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>The version the page was opened on, so a change over someone else's newer one is refused.</summary>
    public int? Version { get; set; }
}

public sealed class CommentForm
{
    [Required(ErrorMessage = "Write a comment first.")]
    [StringLength(4000, ErrorMessage = "Keep comments under 4,000 characters.")]
    [Display(Name = "Add a comment")]
    public string Body { get; set; } = "";
}

public sealed class SkipForm
{
    [Required(ErrorMessage = "Say why the task is skipped, so the people who expected it know.")]
    [StringLength(500, ErrorMessage = "Keep the reason for skipping under 500 characters.")]
    [Display(Name = "Why skip it")]
    public string SkipReason { get; set; } = "";
}

public sealed class RemoveForm
{
    [Required(ErrorMessage = "Say why the task is removed; the activity log keeps the reason.")]
    [StringLength(500, ErrorMessage = "Keep the reason for removing under 500 characters.")]
    [Display(Name = "Why remove it")]
    public string RemoveReason { get; set; } = "";
}
