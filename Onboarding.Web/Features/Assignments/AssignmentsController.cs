using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.People;
using Onboarding.Core.Time;
using Onboarding.Web.Features.Engagements;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Assignments;

/// <summary>
/// Who works with whom: the account leader pairs recruiters with hiring managers. The rules are
/// <see cref="RecruiterAssignments"/>'; this binds, calls, logs and picks a view.
/// </summary>
[Route("/engagements/{engagementId:int}/assignments")]
[EngagementRoles(EngagementRole.AccountLeader)]
public sealed class AssignmentsController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    private const string Page = "/Features/Assignments/Index.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Index(int engagementId) => View(Page, await BuildPageAsync(engagementId, new AssignmentForm(), error: null));

    [HttpPost("")]
    [OpenEngagementOnly]
    public Task<IActionResult> Add(int engagementId, AssignmentForm form) =>
        ChangeAsync(engagementId, form, (recruiterId, managerId) => RecruiterAssignments.AssignAsync(db, engagementId, recruiterId, managerId, clock.GetUtcNow(), HttpContext.RequestAborted));

    [HttpPost("remove")]
    [OpenEngagementOnly]
    public Task<IActionResult> Remove(int engagementId, AssignmentForm form) =>
        ChangeAsync(engagementId, form, (recruiterId, managerId) => RecruiterAssignments.RemoveAsync(db, engagementId, recruiterId, managerId, HttpContext.RequestAborted));

    private async Task<IActionResult> ChangeAsync(int engagementId, AssignmentForm form, Func<int, int, Task<AssignmentResult>> change)
    {
        if (!ModelState.IsValid || form.RecruiterId is not { } recruiterId || form.HiringManagerId is not { } managerId)
        {
            return await RefuseAsync(engagementId, form, StatusCodes.Status400BadRequest, "Choose a recruiter and a hiring manager from the lists.");
        }
        var result = await change(recruiterId, managerId);
        switch (result.Outcome)
        {
            case AssignmentOutcome.UnknownMember:
                return await RefuseAsync(engagementId, form, StatusCodes.Status404NotFound, result.Message);
            case AssignmentOutcome.WrongRole:
                return await RefuseAsync(engagementId, form, StatusCodes.Status400BadRequest, result.Message);
        }
        if (result.Changed)
        {
            db.RecordActivity(User, engagementId, result.Description!, clock.GetUtcNow());
            // Two leaders adding the same pair at once: the unique pair refuses the second, which changed nothing.
            if (!await db.TrySaveAsync())
            {
                TempData["Notice"] = "Someone made the same change at the same moment; the page shows it.";
                return Redirect($"/engagements/{engagementId}/assignments");
            }
        }
        TempData["Notice"] = result.Message;
        return Redirect($"/engagements/{engagementId}/assignments#hm-{managerId}");
    }

    private async Task<IActionResult> RefuseAsync(int engagementId, AssignmentForm form, int status, string error)
    {
        Response.StatusCode = status;
        return View(Page, await BuildPageAsync(engagementId, form, error));
    }

    private async Task<AssignmentsViewModel> BuildPageAsync(int engagementId, AssignmentForm form, string? error)
    {
        var engagement = await db.Engagements.AsNoTracking().Where(e => e.Id == engagementId).Select(e => new { e.Name, e.ClosedAt, e.TimeZone }).FirstAsync();
        var rows = await db.Members.AsNoTracking()
            .Where(m => m.EngagementId == engagementId && (m.Role == EngagementRole.Recruiter || m.Role == EngagementRole.HiringManager))
            .OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Name, m.Title, m.Role })
            .ToListAsync();
        var today = clock.TodayIn(engagement.TimeZone);
        // A day either side of the week: a person's date can differ from the engagement's.
        var clocks = await MemberClocks.LoadAsync(db, rows.Select(r => r.Id).ToList(), today.AddDays(-1), today.AddDays(8));
        var people = rows.Select(r => new Person(r.Id, r.Name, r.Title, r.Role, clocks[r.Id])).ToList();
        var pairs = await db.RecruiterAssignments.AsNoTracking().Where(a => a.EngagementId == engagementId).Pairs().ToListAsync();
        var access = HttpContext.EngagementAccess();
        var recruiters = people.Where(p => p.Role == EngagementRole.Recruiter).ToList();
        return new AssignmentsViewModel(
            engagementId, engagement.Name, access.IsClosed, engagement.ClosedAt,
            people.Where(p => p.Role == EngagementRole.HiringManager).ToList(),
            recruiters,
            pairs, form, error)
        {
            Hours = HoursOf(recruiters, people, pairs, today, engagement.TimeZone),
        };
    }

    /// <summary>Each recruiter who has hiring managers, with when they are all working in the coming week.</summary>
    private static List<TogetherHours> HoursOf(IEnumerable<Person> recruiters, IReadOnlyList<Person> people, IReadOnlyList<AssignedPair> pairs, DateOnly today, string zone) =>
        recruiters
            .Select(r => (Recruiter: r, Managers: pairs.Where(p => p.RecruiterId == r.Id).Select(p => people.Single(m => m.Id == p.HiringManagerId)).ToList()))
            .Where(x => x.Managers.Count > 0)
            .Select(x => new TogetherHours(x.Recruiter.Name, x.Managers.Select(m => m.Name).ToList(), CommonHours.Week([x.Recruiter.Clock, .. x.Managers.Select(m => m.Clock)], today, zone)))
            .ToList();
}

public sealed record Person(int Id, string Name, string Title, EngagementRole Role, WorkingClock Clock);

public sealed record TogetherHours(string Recruiter, IReadOnlyList<string> HiringManagers, CommonWeek Week);

public sealed record AssignmentsViewModel(
    int EngagementId, string EngagementName, bool IsClosed, DateTimeOffset? ClosedAt,
    IReadOnlyList<Person> HiringManagers, IReadOnlyList<Person> Recruiters, IReadOnlyList<AssignedPair> Pairs,
    AssignmentForm Form, string? Error)
{
    public IReadOnlyList<AssignedPair> RecruitersOf(int hiringManagerId) => Pairs.Where(p => p.HiringManagerId == hiringManagerId).ToList();

    public IReadOnlyList<TogetherHours> Hours { get; init; } = [];
}

public sealed class AssignmentForm
{
    [Required(ErrorMessage = "Choose a recruiter.")]
    [Display(Name = "Recruiter")]
    public int? RecruiterId { get; set; }

    [Required(ErrorMessage = "Choose a hiring manager.")]
    [Display(Name = "Hiring manager")]
    public int? HiringManagerId { get; set; }
}
