using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Log;

/// <summary>
/// The risk, issue and decision log. Provider staff write any entry; a client stakeholder opens client-facing
/// entries and changes those they own (<see cref="LogEntries.CanEdit"/>). Client stakeholders never see a
/// provider-only entry: not in the list, not by its id (404), not in a count.
/// </summary>
[Route("/engagements/{engagementId:int}/log")]
public sealed class LogController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    private const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId, LogFilter filter) =>
        View(await BuildListAsync(engagementId, filter, new LogEntryForm { Side = IsClientReader ? LogSide.Client : LogSide.Provider }, null));

    [HttpPost("")]
    [OpenEngagementOnly]
    public async Task<IActionResult> Create(int engagementId, LogEntryForm form)
    {
        await CheckAsync(engagementId, form);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await BuildListAsync(engagementId, new LogFilter(), form, null));
        }
        var now = clock.GetUtcNow();
        var entry = LogEntries.Open(
            engagementId, form.Kind, form.Title.Trim(), form.Severity, form.Side, form.OwnerMemberId, form.Due,
            form.Description?.Trim() ?? "", form.ProviderInternal && !IsClientReader, User.DisplayName(), now);
        db.LogEntries.Add(entry);
        db.RecordActivity(User, engagementId, $"Opened {Named(entry)}", now);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"“{entry.Title}” is in the log.";
        return Redirect($"/engagements/{engagementId}/log/{entry.Id}");
    }

    [HttpGet("{entryId:int}")]
    public async Task<IActionResult> Show(int engagementId, int entryId)
    {
        var page = await BuildEntryAsync(engagementId, entryId, null, null, null);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{entryId:int}")]
    [OpenEngagementOnly]
    public async Task<IActionResult> Edit(int engagementId, int entryId, LogEntryForm form)
    {
        var (found, refusal) = await FindWritableAsync(engagementId, entryId);
        if (found is null)
        {
            return refusal!;
        }
        await CheckAsync(engagementId, form);
        if (found.StaleEdit(form.Version, $"“{found.Title}”", User.TimeZone()) is { } stale)
        {
            ModelState.AddModelError("", stale);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Show", await BuildEntryAsync(engagementId, entryId, null, null, null));
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Show", await BuildEntryAsync(engagementId, entryId, form, null, null));
        }
        var now = clock.GetUtcNow();
        var ownerName = form.OwnerMemberId is { } ownerId ? await db.Members.Where(m => m.Id == ownerId).Select(m => m.Name).FirstOrDefaultAsync() : null;
        // A client stakeholder cannot hide an entry from the client, nor see the flag to keep it.
        var providerInternal = IsClientReader ? found.ProviderInternal : form.ProviderInternal;
        if (found.Change(form.Kind, form.Title.Trim(), form.Severity, form.Side, form.OwnerMemberId, ownerName, form.Due, form.Description?.Trim() ?? "", providerInternal, User.DisplayName(), now))
        {
            db.RecordActivity(User, engagementId, $"Changed {Named(found)}", now);
            if (!await db.TrySaveAsync())
            {
                return await RefuseStaleAsync(engagementId, entryId);
            }
        }
        TempData["Notice"] = "Saved.";
        return Redirect($"/engagements/{engagementId}/log/{entryId}");
    }

    [HttpPost("{entryId:int}/close")]
    [OpenEngagementOnly]
    public async Task<IActionResult> Close(int engagementId, int entryId, CloseEntryForm form)
    {
        var (found, refusal) = await FindWritableAsync(engagementId, entryId);
        if (found is null)
        {
            return refusal!;
        }
        if (!found.IsOpen())
        {
            ModelState.AddModelError(nameof(form.Resolution), "This entry is already closed.");
        }
        if (found.StaleEdit(form.Version, $"“{found.Title}”", User.TimeZone()) is { } stale)
        {
            ModelState.AddModelError(nameof(form.Resolution), stale);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Show", await BuildEntryAsync(engagementId, entryId, null, form, null));
        }
        var now = clock.GetUtcNow();
        found.Close(form.Resolution.Trim(), User.DisplayName(), now);
        db.RecordActivity(User, engagementId, $"Closed {Named(found)}", now);
        if (!await db.TrySaveAsync())
        {
            return await RefuseStaleAsync(engagementId, entryId);
        }
        TempData["Notice"] = $"“{found.Title}” is closed; it stays in the log with its resolution.";
        return Redirect($"/engagements/{engagementId}/log/{entryId}");
    }

    [HttpPost("{entryId:int}/reopen")]
    [OpenEngagementOnly]
    public async Task<IActionResult> Reopen(int engagementId, int entryId, ReopenEntryForm form)
    {
        var (found, refusal) = await FindWritableAsync(engagementId, entryId);
        if (found is null)
        {
            return refusal!;
        }
        if (found.IsOpen())
        {
            ModelState.AddModelError(nameof(form.Reason), "This entry is open already.");
        }
        if (found.StaleEdit(form.Version, $"“{found.Title}”", User.TimeZone()) is { } stale)
        {
            ModelState.AddModelError(nameof(form.Reason), stale);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Show", await BuildEntryAsync(engagementId, entryId, null, null, form));
        }
        var now = clock.GetUtcNow();
        found.Reopen(form.Reason.Trim(), User.DisplayName(), now);
        db.RecordActivity(User, engagementId, $"Reopened {Named(found)}", now);
        if (!await db.TrySaveAsync())
        {
            return await RefuseStaleAsync(engagementId, entryId);
        }
        TempData["Notice"] = $"“{found.Title}” is open again.";
        return Redirect($"/engagements/{engagementId}/log/{entryId}");
    }

    [HttpPost("{entryId:int}/tasks")]
    [OpenEngagementOnly]
    public async Task<IActionResult> LinkTask(int engagementId, int entryId, LinkTaskForm form)
    {
        var (found, refusal) = await FindWritableAsync(engagementId, entryId);
        if (found is null)
        {
            return refusal!;
        }
        var task = form.TaskId is { } taskId ? await db.PlanTasks.Where(t => t.Id == taskId && t.EngagementId == engagementId).Select(t => new { t.Id, t.Title }).FirstOrDefaultAsync() : null;
        if (ModelState.IsValid && task is null)
        {
            ModelState.AddModelError(nameof(form.TaskId), "That task is not in this engagement's plan; choose one from the list.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Show", await BuildEntryAsync(engagementId, entryId, null, null, null));
        }
        if (!await db.LogEntryTasks.AnyAsync(l => l.LogEntryId == entryId && l.TaskId == task!.Id))
        {
            var now = clock.GetUtcNow();
            db.LogEntryTasks.Add(new LogEntryTask { LogEntryId = entryId, TaskId = task!.Id });
            found.Steps.Add(new LogEntryStep { Kind = LogStepKind.Changed, At = now, By = User.DisplayName(), Text = TextLimits.Fit($"Linked task “{task.Title}”", TextLimits.Description) });
            db.RecordActivity(User, engagementId, $"Linked “{task.Title}” to {Named(found)}", now, task.Id);
            await db.SaveChangesAsync();
        }
        return Redirect($"/engagements/{engagementId}/log/{entryId}#tasks");
    }

    [HttpPost("{entryId:int}/tasks/{taskId:int}/unlink")]
    [OpenEngagementOnly]
    public async Task<IActionResult> UnlinkTask(int engagementId, int entryId, int taskId)
    {
        var (found, refusal) = await FindWritableAsync(engagementId, entryId);
        if (found is null)
        {
            return refusal!;
        }
        var link = await db.LogEntryTasks.Include(l => l.Task).FirstOrDefaultAsync(l => l.LogEntryId == entryId && l.TaskId == taskId);
        if (link is not null)
        {
            var now = clock.GetUtcNow();
            db.LogEntryTasks.Remove(link);
            found.Steps.Add(new LogEntryStep { Kind = LogStepKind.Changed, At = now, By = User.DisplayName(), Text = TextLimits.Fit($"Unlinked task “{link.Task!.Title}”", TextLimits.Description) });
            await db.SaveChangesAsync();
        }
        return Redirect($"/engagements/{engagementId}/log/{entryId}#tasks");
    }

    /// <summary>The leader sets the ladder: one role per rung (blank rungs dropped), each role at most once.</summary>
    [HttpPost("ladder")]
    [EngagementRoles(EngagementRole.AccountLeader)]
    [OpenEngagementOnly]
    public async Task<IActionResult> Ladder(int engagementId, LadderForm form)
    {
        var roles = form.Rungs.Where(r => r is not null).Select(r => r!.Value).ToList();
        if (roles.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Rungs), "The ladder needs at least one rung: choose a role for the first.");
        }
        else if (roles.Distinct().Count() != roles.Count)
        {
            ModelState.AddModelError(nameof(form.Rungs), "Each role can be one rung only: an issue never reaches the same people twice.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await BuildListAsync(engagementId, new LogFilter(), new LogEntryForm(), form));
        }
        var engagement = await db.Engagements.Include(e => e.Escalation).FirstAsync(e => e.Id == engagementId);
        db.EscalationRungs.RemoveRange(engagement.Escalation);
        await db.SaveChangesAsync();
        engagement.Escalation = EscalationLadder.Rungs(engagementId, roles);
        engagement.EscalateAfterWorkingDays = form.WorkingDays!.Value;
        var now = clock.GetUtcNow();
        db.RecordActivity(User, engagementId, $"Set the escalation ladder: {string.Join(" → ", roles.Select(r => r.DisplayName()))}, after {form.WorkingDays} working days per rung", now);
        await db.SaveChangesAsync();
        TempData["Notice"] = "Escalation ladder saved.";
        return Redirect($"/engagements/{engagementId}/log#ladder");
    }

    private bool IsClientReader => HttpContext.EngagementAccess() is { IsAdministrator: false, Role: { } role } && role.IsClientRole();

    /// <summary>
    /// How the activity log (read by everyone in the engagement) names an entry: a provider-only entry by its kind
    /// alone, so its title never reaches client stakeholders that way.
    /// </summary>
    private static string Named(LogEntry entry) =>
        entry.ProviderInternal ? $"a provider-only {entry.Kind.ToString().ToLowerInvariant()}" : $"{entry.Kind.ToString().ToLowerInvariant()} “{entry.Title}”";

    /// <summary>The entry if this reader may change it; else 404 when they may not see it, 403 when they may only read it.</summary>
    private async Task<(LogEntry? Entry, IActionResult? Refusal)> FindWritableAsync(int engagementId, int entryId)
    {
        var access = HttpContext.EngagementAccess();
        var entry = await db.LogEntries.Where(LogEntries.VisibleTo(IsClientReader)).FirstOrDefaultAsync(e => e.Id == entryId && e.EngagementId == engagementId);
        if (entry is null)
        {
            return (null, NotFound());
        }
        return entry.CanEdit(access.Member?.Id, access.Role, access.IsAdministrator)
            ? (entry, null)
            : (null, StatusCode(StatusCodes.Status403Forbidden));
    }

    /// <summary>Field checks the attributes cannot make: the owner is a member, a client stakeholder writes client-facing entries only.</summary>
    private async Task CheckAsync(int engagementId, LogEntryForm form)
    {
        if (form.OwnerMemberId is { } ownerId && !await db.Members.AnyAsync(m => m.Id == ownerId && m.EngagementId == engagementId))
        {
            ModelState.AddModelError(nameof(form.OwnerMemberId), "Choose the owner from the engagement's people.");
        }
        if (form.ProviderInternal && IsClientReader)
        {
            ModelState.AddModelError(nameof(form.ProviderInternal), "Client stakeholders write entries the whole engagement sees.");
        }
        if (form.Due is { } due && (due.Year < 2000 || due.Year > 2100))
        {
            ModelState.AddModelError(nameof(form.Due), "Due: give a date between the years 2000 and 2100.");
        }
    }

    private async Task<IActionResult> RefuseStaleAsync(int engagementId, int entryId)
    {
        var current = await db.LogEntries.AsNoTracking().FirstAsync(e => e.Id == entryId);
        ModelState.Clear();
        ModelState.AddModelError("", Versioned.ChangedSince(current, $"“{current.Title}”", User.TimeZone()));
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Show", await BuildEntryAsync(engagementId, entryId, null, null, null));
    }

    private async Task<LogListViewModel> BuildListAsync(int engagementId, LogFilter filter, LogEntryForm form, LadderForm? ladderForm)
    {
        var access = HttpContext.EngagementAccess();
        var engagement = await db.Engagements.AsNoTracking().Where(e => e.Id == engagementId)
            .Select(e => new { e.Name, e.EscalateAfterWorkingDays, e.Status, Rungs = e.Escalation.OrderBy(r => r.Level).Select(r => r.Role).ToList() })
            .FirstAsync();
        var query = db.LogEntries.AsNoTracking().Where(e => e.EngagementId == engagementId).Where(LogEntries.VisibleTo(IsClientReader));
        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }
        if (filter.StatusValue is { } status)
        {
            query = query.Where(e => e.Status == status);
        }
        if (filter.Severity is { } severity)
        {
            query = query.Where(e => e.Severity == severity);
        }
        if (filter.Side is { } side)
        {
            query = query.Where(e => e.Side == side);
        }
        var rows = await query
            .OrderByDescending(e => e.Status == LogEntryStatus.Open).ThenByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Take(PageSize)
            .Select(e => new LogRow(e.Id, e.Kind, e.Title, e.Severity, e.Side, e.ProviderInternal, e.Owner != null ? e.Owner.Name : null, e.Due, e.Status, e.EscalationLevel))
            .ToListAsync();
        var ladder = EscalationLadder.Of(engagement.Rungs.Select((r, i) => new EscalationRung { Level = i + 1, Role = r }));
        return new LogListViewModel(engagementId, engagement.Name, rows, filter, form, await PeopleAsync(engagementId), access, engagement.Status == EngagementStatus.Closed)
        {
            Ladder = ladderForm ?? new LadderForm { Rungs = ladder.Select(r => (EngagementRole?)r).ToList(), WorkingDays = engagement.EscalateAfterWorkingDays },
        };
    }

    private Task<List<LogPerson>> PeopleAsync(int engagementId) =>
        db.Members.AsNoTracking().Where(m => m.EngagementId == engagementId).OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new LogPerson(m.Id, m.Name, m.Role)).ToListAsync();

    private async Task<LogEntryViewModel?> BuildEntryAsync(int engagementId, int entryId, LogEntryForm? form, CloseEntryForm? closeForm, ReopenEntryForm? reopenForm)
    {
        var access = HttpContext.EngagementAccess();
        var entry = await db.LogEntries.AsNoTracking()
            .Include(e => e.Owner)
            .Include(e => e.Steps.OrderBy(s => s.At).ThenBy(s => s.Id))
            .Include(e => e.Tasks).ThenInclude(l => l.Task)
            .Include(e => e.Engagement)
            .AsSplitQuery()
            .Where(LogEntries.VisibleTo(IsClientReader))
            .FirstOrDefaultAsync(e => e.Id == entryId && e.EngagementId == engagementId);
        if (entry is null)
        {
            return null;
        }
        var reached = entry.Steps.Where(s => s.ToMemberId is not null).Select(s => s.ToMemberId!.Value).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => reached.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name);
        var linked = entry.Tasks.Select(t => t.TaskId).ToList();
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.EngagementId == engagementId && !linked.Contains(t.Id))
            .OrderBy(t => t.Due).ThenBy(t => t.Id).Select(t => new LogTaskChoice(t.Id, t.Title, t.Due)).ToListAsync();
        return new LogEntryViewModel(entry, access, access.IsClosed ? false : entry.CanEdit(access.Member?.Id, access.Role, access.IsAdministrator), IsClientReader)
        {
            Form = form ?? LogEntryForm.From(entry),
            CloseForm = closeForm ?? new CloseEntryForm { Version = entry.Version },
            ReopenForm = reopenForm ?? new ReopenEntryForm { Version = entry.Version },
            People = await PeopleAsync(engagementId),
            TaskChoices = tasks,
            ReachedNames = names,
        };
    }
}

public sealed record LogRow(int Id, LogEntryKind Kind, string Title, LogSeverity Severity, LogSide Side, bool ProviderInternal, string? Owner, DateOnly? Due, LogEntryStatus Status, int EscalationLevel);

public sealed record LogPerson(int Id, string Name, EngagementRole Role);

public sealed record LogTaskChoice(int Id, string Title, DateOnly Due);

public sealed record LogListViewModel(
    int EngagementId, string EngagementName, IReadOnlyList<LogRow> Rows, LogFilter Filter, LogEntryForm Form, IReadOnlyList<LogPerson> People,
    EngagementAccess Access, bool IsReadOnly)
{
    public LadderForm Ladder { get; init; } = new();

    public bool IsClientReader => Access is { IsAdministrator: false, Role: { } role } && role.IsClientRole();
}

public sealed record LogEntryViewModel(LogEntry Entry, EngagementAccess Access, bool CanEdit, bool IsClientReader)
{
    public LogEntryForm Form { get; init; } = new();
    public CloseEntryForm CloseForm { get; init; } = new();
    public ReopenEntryForm ReopenForm { get; init; } = new();
    public IReadOnlyList<LogPerson> People { get; init; } = [];
    public IReadOnlyList<LogTaskChoice> TaskChoices { get; init; } = [];
    public IReadOnlyDictionary<int, string> ReachedNames { get; init; } = new Dictionary<int, string>();
}
