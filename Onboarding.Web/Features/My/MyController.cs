using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Locations;
using Onboarding.Core.People;
using Onboarding.Core.Time;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.My;

/// <summary>Home pages built around one person's own tasks, across every engagement they belong to.</summary>
public sealed class MyController(OnboardingDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/my/checklist")]
    public async Task<IActionResult> Checklist()
    {
        var userId = User.UserId();
        var zone = User.TimeZone();
        var today = clock.TodayIn(zone);
        var tasks = await db.PlanTasks.AsNoTracking()
            .Where(TaskInvolvement.OfUser(userId))
            .Where(t => t.Status != PlanTaskStatus.Skipped && t.Engagement!.Status == EngagementStatus.Active)
            .OrderBy(t => t.Status == PlanTaskStatus.Done).ThenBy(t => t.Due).ThenBy(t => t.Id)
            .Select(t => new MyTask(t.Id, t.EngagementId, t.Engagement!.Name, t.Title, t.PhaseTitle, t.Start, t.Due, t.Status, t.BlockedReason, t.What, t.Why, t.IsMilestone, t.Version,
                t.Owner == null || t.Owner.UserId != userId ? (t.Owner != null ? t.Owner.Name : "the owner") : null))
            .Take(200)
            .ToListAsync();
        var engagements = await db.Members.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new MyEngagement(m.EngagementId, m.Engagement!.Name, m.Role)).ToListAsync();
        // Each engagement's tasks in the person's words there: the client's, where they are a client stakeholder.
        var words = new Dictionary<int, ReaderWords>();
        foreach (var engagement in engagements.Where(e => e.Role.IsClientRole() && tasks.Any(t => t.EngagementId == e.Id)))
        {
            words.TryAdd(engagement.Id, await ReaderWords.LoadAsync(db, engagement.Id, engagement.Role));
        }
        tasks = [.. tasks.Select(t => words.TryGetValue(t.EngagementId, out var w) ? t.In(w) : t)];
        return View(new ChecklistViewModel(tasks, engagements, today, zone) { WorksWith = await WorksWithAsync(userId) });
    }

    /// <summary>Per engagement, whom the person works with there (a recruiter's hiring managers, a hiring manager's recruiters).</summary>
    private async Task<IReadOnlyDictionary<int, WorkingWith>> WorksWithAsync(string userId)
    {
        var memberships = await db.Members.AsNoTracking().Where(m => m.UserId == userId && (m.Role == EngagementRole.Recruiter || m.Role == EngagementRole.HiringManager))
            .Select(m => new { m.Id, m.EngagementId, m.Role }).ToListAsync();
        var ids = memberships.Select(m => m.Id).ToList();
        var pairs = await db.RecruiterAssignments.AsNoTracking().Where(a => ids.Contains(a.RecruiterId) || ids.Contains(a.HiringManagerId)).Pairs().ToListAsync();
        return memberships
            .Select(m => (m.EngagementId, People: RecruiterAssignments.For(m.Id, m.Role, pairs)))
            .Where(x => x.People is not null)
            .GroupBy(x => x.EngagementId)
            .ToDictionary(g => g.Key, g => g.First().People!);
    }

    [HttpGet("/my/onboarding")]
    public async Task<IActionResult> Onboarding()
    {
        var userId = User.UserId();
        var membership = await db.Members.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == EngagementRole.Recruiter)
            .OrderByDescending(m => m.Engagement!.Kickoff)
            .Select(m => new { m.Id, m.EngagementId, EngagementName = m.Engagement!.Name })
            .FirstOrDefaultAsync();
        if (membership is null)
        {
            return View(new OnboardingViewModel(null, null, [], [], [], clock.TodayIn(User.TimeZone())));
        }

        // With each task's key, which says whether it is about the local market.
        var rows = await db.PlanTasks.AsNoTracking()
            .Where(t => t.OwnerId == membership.Id && t.Status != PlanTaskStatus.Skipped)
            .OrderBy(t => t.Start).ThenBy(t => t.Id)
            .Select(t => new { Task = new MyTask(t.Id, t.EngagementId, membership.EngagementName, t.Title, t.PhaseTitle, t.Start, t.Due, t.Status, t.BlockedReason, t.What, t.Why, t.IsMilestone, t.Version), t.Key })
            .ToListAsync();
        var tasks = rows.Select(r => r.Task).ToList();
        var people = await db.Members.AsNoTracking()
            .Include(m => m.Person)
            .Where(m => m.EngagementId == membership.EngagementId && m.Id != membership.Id)
            .OrderBy(m => m.Role).ThenBy(m => m.Name)
            .ToListAsync();
        var managerIds = await db.RecruiterAssignments.AsNoTracking().Where(a => a.RecruiterId == membership.Id).Pairs().Select(p => p.HiringManagerId).ToListAsync();
        var today = clock.TodayIn(User.TimeZone());
        // Managers in the order listed, after the recruiter; a day either side of the week, as a person's date can differ from the reader's.
        List<int> together = [membership.Id, .. people.Where(p => managerIds.Contains(p.Id)).Select(p => p.Id)];
        var clocks = await MemberClocks.LoadAsync(db, together, today.AddDays(-1), today.AddDays(8));
        var glossary = await db.GlossaryTerms.AsNoTracking().Where(g => g.EngagementId == membership.EngagementId).OrderBy(g => g.ClientTerm).ToListAsync();
        return View(new OnboardingViewModel(membership.EngagementId, membership.EngagementName, tasks, people, glossary, today)
        {
            MarketCards = await MarketCardLinks.ForMemberAsync(db, membership.EngagementId, membership.Id),
            MarketTaskIds = rows.Where(r => MarketTasks.IsAbout(r.Key)).Select(r => r.Task.Id).ToHashSet(),
            WithHiringManagers = together.Count == 1 ? null : CommonHours.Week(together.Select(id => clocks[id]).ToList(), today, User.TimeZone()),
        });
    }
}

public sealed record MyTask(
    int Id, int EngagementId, string EngagementName, string Title, string PhaseTitle, DateOnly Start, DateOnly Due,
    PlanTaskStatus Status, string? BlockedReason, string What, string Why, bool IsMilestone, int Version, string? AttendingWith = null)
{
    /// <summary>The person takes part in a task someone else owns (<see cref="AttendingWith"/> names the owner): the owner updates it.</summary>
    public bool IsAttending => AttendingWith is not null;

    public bool IsOverdue(DateOnly today) => Overdue.Is(Status, Due, today);

    public MyTask In(ReaderWords words) => this with { Title = words.Text(Title), What = words.Markdown(What), Why = words.Markdown(Why) };
}

public sealed record MyEngagement(int Id, string Name, EngagementRole Role);

public sealed record ChecklistViewModel(IReadOnlyList<MyTask> Tasks, IReadOnlyList<MyEngagement> Engagements, DateOnly Today, string TimeZone)
{
    /// <summary>By engagement id: whom the person works with there.</summary>
    public IReadOnlyDictionary<int, WorkingWith> WorksWith { get; init; } = new Dictionary<int, WorkingWith>();
}

public sealed record OnboardingViewModel(
    int? EngagementId, string? EngagementName, IReadOnlyList<MyTask> Tasks, IReadOnlyList<Member> People,
    IReadOnlyList<GlossaryTerm> Glossary, DateOnly Today)
{
    public int Percent => Tasks.Count == 0 ? 0 : Tasks.Count(t => t.Status == PlanTaskStatus.Done) * 100 / Tasks.Count;

    /// <summary>The cards of the recruiter's locations, which their tasks about the local market link to.</summary>
    public IReadOnlyList<MarketCardLink> MarketCards { get; init; } = [];

    public IReadOnlySet<int> MarketTaskIds { get; init; } = new HashSet<int>();

    /// <summary>When the recruiter and their hiring managers are all working, in the recruiter's zone; null without hiring managers.</summary>
    public CommonWeek? WithHiringManagers { get; init; }
}
